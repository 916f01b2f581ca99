/*
 * nRF52840 board support for the demo, laid out like the nRF52840 DK: LED1 on
 * P0.13 (active low), the interface MCU's virtual COM port on P0.06 (TXD).
 */
#include "board.h"
#include "nrf52840.h"

#define LED1_PIN 13u
#define UART_TXD_PIN 6u

/* Upper bound on polls of an event register. HFXO start-up is specified in
 * hundreds of microseconds and one UART byte at 115200 baud takes 87 us, both
 * far below this bound at 64 MHz; it only stops a missing peripheral from
 * hanging the demo. */
#define POLL_LIMIT 1000000u

void board_init(void) {
  /* Start the crystal oscillator so the UART baud rate is accurate (CLOCK:
   * HFCLKSTART task, HFCLKSTARTED event). */
  CLOCK_EVENTS_HFCLKSTARTED = 0;
  CLOCK_TASKS_HFCLKSTART = 1;
  for (uint32_t i = 0; i < POLL_LIMIT && CLOCK_EVENTS_HFCLKSTARTED == 0; i++) {
  }

  /* LED off (pin high), then make the pin an output (GPIO OUTSET, DIRSET). */
  P0_OUTSET = 1u << LED1_PIN;
  P0_DIRSET = 1u << LED1_PIN;

  /* The UART chapter asks for the TXD pin to be an output driven high while
   * the UART uses it. */
  P0_OUTSET = 1u << UART_TXD_PIN;
  P0_DIRSET = 1u << UART_TXD_PIN;
  UART0_PSELTXD = UART_TXD_PIN;
  UART0_BAUDRATE = UART_BAUDRATE_115200;
  UART0_CONFIG = UART_CONFIG_8N1;
  UART0_ENABLE = UART_ENABLE_ENABLED;
  UART0_TASKS_STARTTX = 1;
}

uint32_t board_device_id(void) { return FICR_INFO_PART; }

void board_led_write(uint32_t on) {
  if (on != 0) {
    P0_OUTCLR = 1u << LED1_PIN;
  } else {
    P0_OUTSET = 1u << LED1_PIN;
  }
}

/* UART transmission: write TXD, then the TXDRDY event marks the byte sent. */
void board_uart_write_byte(uint8_t byte) {
  UART0_EVENTS_TXDRDY = 0;
  UART0_TXD = byte;
  for (uint32_t i = 0; i < POLL_LIMIT && UART0_EVENTS_TXDRDY == 0; i++) {
  }
}

/* Stimulus port 0, only when the debugger has enabled trace (DEMCR.TRCENA),
 * the ITM (TCR.ITMENA) and the port (TER bit 0). */
void board_trace_write_byte(uint8_t byte) {
  if ((DEMCR & DEMCR_TRCENA) == 0 || (ITM_TCR & ITM_TCR_ITMENA) == 0 || (ITM_TER & 1u) == 0) {
    return;
  }
  for (uint32_t i = 0; i < POLL_LIMIT; i++) {
    if ((ITM_STIM0 & ITM_STIM_FIFOREADY) != 0) {
      ITM_STIM0_BYTE = byte;
      return;
    }
  }
}
