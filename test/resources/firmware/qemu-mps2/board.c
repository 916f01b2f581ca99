/*
 * Test-only board for running the shared demo code (resources/firmware/common)
 * on QEMU's mps2-an386 machine (Cortex-M4). UART0 is the CMSDK APB UART at
 * 0x40004000 (Arm CMSDK Technical Reference Manual, DDI0479, "APB UART":
 * DATA 0x000, STATE 0x004 with TX buffer full in bit 0, CTRL 0x008 with TX
 * enable in bit 0, BAUDDIV 0x010, at least 16). There is no LED or ITM to
 * drive on this machine.
 */
#include "board.h"
#include "cortex-m.h"

#define UART0_DATA MMIO32(0x40004000u)
#define UART0_STATE MMIO32(0x40004004u)
#define UART0_CTRL MMIO32(0x40004008u)
#define UART0_BAUDDIV MMIO32(0x40004010u)
#define UART_STATE_TX_FULL (1u << 0)
#define UART_CTRL_TX_ENABLE (1u << 0)
#define POLL_LIMIT 1000000u

void board_init(void) {
  UART0_BAUDDIV = 16u;
  UART0_CTRL = UART_CTRL_TX_ENABLE;
}

/* "MPS2" in ASCII, so the test can tell the value came from this board. */
uint32_t board_device_id(void) { return 0x4D505332u; }

void board_led_write(uint32_t on) { (void)on; }

void board_uart_write_byte(uint8_t byte) {
  for (uint32_t i = 0; i < POLL_LIMIT && (UART0_STATE & UART_STATE_TX_FULL) != 0; i++) {
  }
  UART0_DATA = byte;
}

void board_trace_write_byte(uint8_t byte) { (void)byte; }
