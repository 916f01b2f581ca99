/*
 * The demo application shared by both boards: a SysTick-driven tick counter,
 * an LED that toggles and a "tick N" line every DEMO_TICKS_PER_LINE ticks (to
 * the UART, RTT up buffer 0 and the board's trace channel), an echo of RTT
 * down buffer 0, and a debugger-settable fault request.
 */
#include "demo.h"
#include "board.h"
#include "cortex-m.h"
#include "rtt.h"

#ifndef DEMO_BOARD_NAME
#error "DEMO_BOARD_NAME must name the board"
#endif
_Static_assert(sizeof(DEMO_BOARD_NAME) <= DEMO_NAME_LENGTH, "DEMO_BOARD_NAME and its NUL must fit DemoState.name");
_Static_assert(BOARD_CORE_CLOCK_HZ / DEMO_TICK_HZ - 1u <= SYST_RVR_RELOAD_MAX, "SysTick reload must fit 24 bits");

volatile struct DemoState demo_state = {
    .magic = DEMO_STATE_MAGIC,
    .version = DEMO_STATE_VERSION,
    .name = DEMO_BOARD_NAME,
};
volatile uint32_t demo_ticks;
volatile uint32_t demo_fault_request;

void SysTick_Handler(void) { demo_ticks = demo_ticks + 1u; }

static void demo_uart_write(const char *text, uint32_t length) {
  for (uint32_t i = 0; i < length; i++) {
    board_uart_write_byte((uint8_t)text[i]);
  }
}

static void demo_trace_write(const char *text, uint32_t length) {
  for (uint32_t i = 0; i < length; i++) {
    board_trace_write_byte((uint8_t)text[i]);
  }
}

/* Decimal digits of value without a divide instruction (the Cortex-M0+ has
 * none): repeated subtraction of powers of ten. Returns the digit count. */
static uint32_t demo_format_decimal(uint32_t value, char *out) {
  static const uint32_t powers[] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                    10000u,      1000u,      100u,      10u,      1u};
  uint32_t count = 0;
  for (uint32_t p = 0; p < sizeof powers / sizeof powers[0]; p++) {
    char digit = '0';
    while (value >= powers[p]) {
      value -= powers[p];
      digit++;
    }
    if (digit != '0' || count != 0 || powers[p] == 1u) {
      out[count] = digit;
      count++;
    }
  }
  return count;
}

static void demo_emit_tick_line(void) {
  static const char prefix[] = "tick ";
  char line[sizeof prefix - 1 + 10 + 2];
  uint32_t length = 0;
  for (; length < sizeof prefix - 1; length++) {
    line[length] = prefix[length];
  }
  length += demo_format_decimal(demo_state.lines_sent, &line[length]);
  line[length++] = '\r';
  line[length++] = '\n';

  demo_state.led_on = demo_state.led_on ^ 1u;
  board_led_write(demo_state.led_on);
  demo_uart_write(line, length);
  rtt_write(line, length);
  demo_trace_write(line, length);
  demo_state.lines_sent = demo_state.lines_sent + 1u;
}

static void demo_echo_rtt_input(void) {
  char input[16];
  uint32_t count = rtt_read(input, sizeof input);
  if (count != 0) {
    rtt_write(input, count);
    demo_state.rtt_echoed = demo_state.rtt_echoed + count;
  }
}

static void demo_raise_fault(uint32_t request) {
  if (request == DEMO_FAULT_BUS_ERROR) {
    (void)MMIO32(DEMO_UNMAPPED_ADDRESS);
  } else {
    __asm__ volatile("udf #0");
  }
}

int main(void) {
  board_init();
  demo_state.device_id = board_device_id();
  demo_state.core_clock_hz = BOARD_CORE_CLOCK_HZ;
  rtt_init();

  SYST_RVR = BOARD_CORE_CLOCK_HZ / DEMO_TICK_HZ - 1u;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;

  uint32_t next_line_tick = 0;
  for (;;) {
    uint32_t request = demo_fault_request;
    if (request != DEMO_FAULT_NONE) {
      demo_raise_fault(request);
    }
    demo_echo_rtt_input();
    if ((int32_t)(demo_ticks - next_line_tick) >= 0) {
      next_line_tick += DEMO_TICKS_PER_LINE;
      demo_emit_tick_line();
    }
    cortex_m_wfi();
  }
}

/* HardFault (and every exception the demo does not use) reports once, then
 * sleeps with the fault state intact for the debugger to read. */
void HardFault_Handler(void) {
  static const char message[] = "fault\r\n";
  demo_state.faulted = 1u;
  demo_uart_write(message, sizeof message - 1);
  rtt_write(message, sizeof message - 1);
  for (;;) {
    cortex_m_wfi();
  }
}

void Default_Handler(void) { HardFault_Handler(); }
