/*
 * What the shared demo loop (demo.c) needs from a board. Each board file
 * (nrf52840/board.c, stm32l051/board.c) implements these from its vendor
 * documents.
 */
#ifndef BOARD_H
#define BOARD_H

#include <stdint.h>

/* Brings up clocks, the LED pin and the UART transmitter. */
void board_init(void);

/* BOARD_CORE_CLOCK_HZ (set by the Makefile per board) is the core clock after
 * board_init(); the SysTick reload is derived from it at compile time. */
#ifndef BOARD_CORE_CLOCK_HZ
#error "BOARD_CORE_CLOCK_HZ must give the core clock after board_init()"
#endif

/* An identification value the part itself reports (FICR or DBGMCU). */
uint32_t board_device_id(void);

/* Drives the LED; on != 0 lights it whatever the pin's polarity. */
void board_led_write(uint32_t on);

/* Sends one byte over the UART; returns after the byte has left the data register. */
void board_uart_write_byte(uint8_t byte);

/* Sends one byte over the instrumentation trace channel when a debugger enabled it. */
void board_trace_write_byte(uint8_t byte);

#endif
