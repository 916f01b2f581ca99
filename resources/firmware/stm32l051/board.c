/*
 * STM32L051x8 board support for the demo, with the Nucleo-L053R8 pin-out
 * (same package pins): user LED LD2 on PA5 (active high), USART2_TX on PA2
 * (alternate function AF4, STM32L051x8 datasheet table "Alternate functions
 * port A") to the ST-LINK virtual COM port.
 */
#include "board.h"
#include "stm32l051.h"

#define LED_PIN 5u
#define USART_TX_PIN 2u
#define USART_TX_AF 4u
#define USART_BAUD 115200u

/* Upper bound on polls of a ready flag: oscillator, PLL and regulator
 * start-up and one 115200-baud byte all complete in far fewer polls at 32 MHz;
 * the bound only stops a missing peripheral from hanging the demo. */
#define POLL_LIMIT 1000000u

static void wait_until_set(volatile uint32_t *reg, uint32_t mask, uint32_t value) {
  for (uint32_t i = 0; i < POLL_LIMIT && (*reg & mask) != value; i++) {
  }
}

/* MSI (2.1 MHz at reset) -> PLL: HSI16 x4 / 2 = 32 MHz.
 * Order from RM0377: the core voltage range must allow the frequency (PWR,
 * "Dynamic voltage scaling management"), the flash wait state is set and read
 * back before the clock rises (3.3.3 "Increasing the CPU frequency"), the PLL
 * is configured while off (RCC_CFGR description), then SW selects it. */
static void board_clock_init(void) {
  RCC_APB1ENR |= RCC_APB1ENR_PWREN;
  wait_until_set(&PWR_CSR, PWR_CSR_VOSF, 0);
  PWR_CR = (PWR_CR & ~PWR_CR_VOS_MASK) | PWR_CR_VOS_RANGE1;
  wait_until_set(&PWR_CSR, PWR_CSR_VOSF, 0);

  FLASH_ACR |= FLASH_ACR_LATENCY;
  wait_until_set(&FLASH_ACR, FLASH_ACR_LATENCY, FLASH_ACR_LATENCY);

  RCC_CR |= RCC_CR_HSI16ON;
  wait_until_set(&RCC_CR, RCC_CR_HSI16RDYF, RCC_CR_HSI16RDYF);

  RCC_CFGR = (RCC_CFGR & ~(RCC_CFGR_PLLSRC_HSE | RCC_CFGR_PLLMUL_MASK | RCC_CFGR_PLLDIV_MASK)) |
             RCC_CFGR_PLLMUL_X4 | RCC_CFGR_PLLDIV_2;
  RCC_CR |= RCC_CR_PLLON;
  wait_until_set(&RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY);

  RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_PLL;
  wait_until_set(&RCC_CFGR, RCC_CFGR_SWS_MASK, RCC_CFGR_SWS_PLL);
}

void board_init(void) {
  board_clock_init();

  RCC_IOPENR |= RCC_IOPENR_IOPAEN;
  RCC_APB1ENR |= RCC_APB1ENR_USART2EN;
  RCC_APB2ENR |= RCC_APB2ENR_DBGEN;
  RCC_CCIPR &= ~RCC_CCIPR_USART2SEL_MASK;

  /* PA5: LED off, general-purpose output (MODER 01). */
  GPIOA_BSRR = 1u << (LED_PIN + 16u);
  GPIOA_MODER = (GPIOA_MODER & ~(3u << (LED_PIN * 2u))) | (GPIO_MODE_OUTPUT << (LED_PIN * 2u));

  /* PA2: alternate function AF4 = USART2_TX (MODER 10, AFRL AFSEL2). */
  GPIOA_AFRL = (GPIOA_AFRL & ~(15u << (USART_TX_PIN * 4u))) | (USART_TX_AF << (USART_TX_PIN * 4u));
  GPIOA_MODER = (GPIOA_MODER & ~(3u << (USART_TX_PIN * 2u))) | (GPIO_MODE_ALTERNATE << (USART_TX_PIN * 2u));

  /* Oversampling by 16: USARTDIV = fck / baud, rounded (USART "Baud rate
   * generation"); PCLK1 = SYSCLK since the APB1 prescaler stays at 1. */
  USART2_BRR = (BOARD_CORE_CLOCK_HZ + USART_BAUD / 2u) / USART_BAUD;
  USART2_CR1 = USART_CR1_TE | USART_CR1_UE;
}

uint32_t board_device_id(void) { return DBGMCU_IDCODE; }

void board_led_write(uint32_t on) {
  GPIOA_BSRR = on != 0 ? 1u << LED_PIN : 1u << (LED_PIN + 16u);
}

/* TXE set means TDR can take the next byte (USART ISR description). */
void board_uart_write_byte(uint8_t byte) {
  wait_until_set(&USART2_ISR, USART_ISR_TXE, USART_ISR_TXE);
  USART2_TDR = byte;
}

/* The Cortex-M0+ has no ITM (ARMv6-M ARM C1.1): nothing to write. */
void board_trace_write_byte(uint8_t byte) { (void)byte; }
