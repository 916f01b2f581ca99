/*
 * Architectural registers of the Cortex-M cores used by the demos.
 * Addresses from the ARMv7-M Architecture Reference Manual (DDI0403E) and the
 * ARMv6-M Architecture Reference Manual (DDI0419E); both place the System
 * Control Space at 0xE000E000.
 */
#ifndef CORTEX_M_H
#define CORTEX_M_H

#include <stdint.h>

#define MMIO32(address) (*(volatile uint32_t *)(address))
#define MMIO8(address) (*(volatile uint8_t *)(address))

/* SysTick, ARMv7-M ARM B3.3.2 / ARMv6-M ARM B3.3.2 (register summary). */
#define SYST_CSR MMIO32(0xE000E010u)
#define SYST_RVR MMIO32(0xE000E014u)
#define SYST_CVR MMIO32(0xE000E018u)
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
/* CLKSOURCE = 1 selects the processor clock (B3.3.3). */
#define SYST_CSR_CLKSOURCE (1u << 2)
/* SYST_RVR.RELOAD is 24 bits wide. */
#define SYST_RVR_RELOAD_MAX 0x00FFFFFFu

/* Compiler barrier plus data memory barrier: RTT offsets are published only
 * after the bytes they cover are in memory (ARMv7-M ARM A3.7, memory access
 * order and barriers; DMB exists on ARMv6-M too). */
static inline void cortex_m_dmb(void) { __asm__ volatile("dmb" ::: "memory"); }

/* Sleep until an interrupt: the WFI instruction (ARMv7-M ARM A7.7, ARMv6-M
 * ARM A6.7); the SysTick interrupt wakes the core. */
static inline void cortex_m_wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

#endif
