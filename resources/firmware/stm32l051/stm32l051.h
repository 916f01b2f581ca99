/*
 * STM32L051x8 registers used by the demo, defined from RM0377 (STM32L0x1
 * reference manual, Rev 10) and the STM32L051x6/x8 datasheet. Chapter titles are
 * given with the register names; FLASH is RM0377 section 3.
 */
#ifndef STM32L051_H
#define STM32L051_H

#include "cortex-m.h"

/* RM0377 3.7.1 FLASH_ACR (FLASH base 0x40022000): LATENCY (bit 0) adds one
 * wait state, required above 16 MHz in voltage range 1 (3.3.3, table
 * "Link between master clock frequency and Flash memory wait states"). */
#define FLASH_ACR MMIO32(0x40022000u)
#define FLASH_ACR_LATENCY (1u << 0)

/* RM0377 "Power control (PWR)", PWR_CR and PWR_CSR (base 0x40007000).
 * VOS = 01 selects range 1 (1.8 V), needed for a 32 MHz SYSCLK; VOSF in
 * PWR_CSR reads 1 while the regulator is changing. */
#define PWR_CR MMIO32(0x40007000u)
#define PWR_CSR MMIO32(0x40007004u)
#define PWR_CR_VOS_MASK (3u << 11)
#define PWR_CR_VOS_RANGE1 (1u << 11)
#define PWR_CSR_VOSF (1u << 4)

/* RM0377 "Reset and clock control (RCC)" registers, base 0x40021000. */
#define RCC_BASE 0x40021000u
#define RCC_CR MMIO32(RCC_BASE + 0x00u)
#define RCC_CFGR MMIO32(RCC_BASE + 0x0Cu)
#define RCC_IOPENR MMIO32(RCC_BASE + 0x2Cu)
#define RCC_APB2ENR MMIO32(RCC_BASE + 0x34u)
#define RCC_APB1ENR MMIO32(RCC_BASE + 0x38u)
#define RCC_CCIPR MMIO32(RCC_BASE + 0x4Cu)
#define RCC_CR_HSI16ON (1u << 0)
#define RCC_CR_HSI16RDYF (1u << 2)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
/* RCC_CFGR: SW[1:0], SWS[3:2], PLLSRC bit 16 (0 = HSI16), PLLMUL[21:18]
 * (0001 = x4), PLLDIV[23:22] (01 = /2). */
#define RCC_CFGR_SW_MASK (3u << 0)
#define RCC_CFGR_SW_PLL (3u << 0)
#define RCC_CFGR_SWS_MASK (3u << 2)
#define RCC_CFGR_SWS_PLL (3u << 2)
#define RCC_CFGR_PLLSRC_HSE (1u << 16)
#define RCC_CFGR_PLLMUL_MASK (15u << 18)
#define RCC_CFGR_PLLMUL_X4 (1u << 18)
#define RCC_CFGR_PLLDIV_MASK (3u << 22)
#define RCC_CFGR_PLLDIV_2 (1u << 22)
#define RCC_IOPENR_IOPAEN (1u << 0)
#define RCC_APB2ENR_DBGEN (1u << 22)
#define RCC_APB1ENR_USART2EN (1u << 17)
#define RCC_APB1ENR_PWREN (1u << 28)
/* RCC_CCIPR USART2SEL[3:2] = 00 clocks USART2 from APB1 (PCLK1). */
#define RCC_CCIPR_USART2SEL_MASK (3u << 2)

/* RM0377 "General-purpose I/Os (GPIO)", GPIOA on the IOPORT bus at 0x50000000. */
#define GPIOA_BASE 0x50000000u
#define GPIOA_MODER MMIO32(GPIOA_BASE + 0x00u)
#define GPIOA_BSRR MMIO32(GPIOA_BASE + 0x18u)
#define GPIOA_AFRL MMIO32(GPIOA_BASE + 0x20u)
#define GPIO_MODE_OUTPUT 1u
#define GPIO_MODE_ALTERNATE 2u

/* RM0377 "Universal synchronous/asynchronous receiver transmitter (USART)",
 * USART2 at 0x40004400. */
#define USART2_BASE 0x40004400u
#define USART2_CR1 MMIO32(USART2_BASE + 0x00u)
#define USART2_BRR MMIO32(USART2_BASE + 0x0Cu)
#define USART2_ISR MMIO32(USART2_BASE + 0x1Cu)
#define USART2_TDR MMIO32(USART2_BASE + 0x28u)
#define USART_CR1_UE (1u << 0)
#define USART_CR1_TE (1u << 3)
#define USART_ISR_TXE (1u << 7)

/* RM0377 "Debug support (DBG)": DBGMCU_IDCODE at 0x40015800, DEV_ID in bits
 * [11:0] (0x417 for this category); the DBG clock is enabled by
 * RCC_APB2ENR.DBGEN. */
#define DBGMCU_IDCODE MMIO32(0x40015800u)

#endif
