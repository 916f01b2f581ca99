/*
 * nRF52840 registers used by the demo, defined from the nRF52840 Product
 * Specification v1.7 (PS). Section titles are given with the register names
 * because section numbers differ between PS revisions.
 */
#ifndef NRF52840_H
#define NRF52840_H

#include "cortex-m.h"

/* PS "CLOCK - Clock control", register table: base 0x40000000. */
#define CLOCK_BASE 0x40000000u
#define CLOCK_TASKS_HFCLKSTART MMIO32(CLOCK_BASE + 0x000u)
#define CLOCK_EVENTS_HFCLKSTARTED MMIO32(CLOCK_BASE + 0x100u)

/* PS "UART - Universal asynchronous receiver/transmitter" (the legacy,
 * non-EasyDMA UART0), register table: base 0x40002000. */
#define UART0_BASE 0x40002000u
#define UART0_TASKS_STARTTX MMIO32(UART0_BASE + 0x008u)
#define UART0_EVENTS_TXDRDY MMIO32(UART0_BASE + 0x11Cu)
#define UART0_ENABLE MMIO32(UART0_BASE + 0x500u)
#define UART0_PSELTXD MMIO32(UART0_BASE + 0x50Cu)
#define UART0_TXD MMIO32(UART0_BASE + 0x51Cu)
#define UART0_BAUDRATE MMIO32(UART0_BASE + 0x524u)
#define UART0_CONFIG MMIO32(UART0_BASE + 0x56Cu)
/* ENABLE = 4 enables the UART (ENABLE register description). */
#define UART_ENABLE_ENABLED 4u
/* BAUDRATE value for 115200 baud (BAUDRATE register description). */
#define UART_BAUDRATE_115200 0x01D7E000u
/* CONFIG = 0: no hardware flow control, no parity, one stop bit. */
#define UART_CONFIG_8N1 0u

/* PS "GPIO - General purpose input/output", instance P0 at 0x50000000. */
#define P0_BASE 0x50000000u
#define P0_OUTSET MMIO32(P0_BASE + 0x508u)
#define P0_OUTCLR MMIO32(P0_BASE + 0x50Cu)
#define P0_DIRSET MMIO32(P0_BASE + 0x518u)

/* PS "FICR - Factory information configuration registers": INFO.PART holds
 * the part code, 0x52840. */
#define FICR_BASE 0x10000000u
#define FICR_INFO_PART MMIO32(FICR_BASE + 0x100u)

/* ITM and DEMCR, ARMv7-M ARM C1.7 (ITM) and C1.6.5 (DEMCR); the nRF52840's
 * Cortex-M4 implements the ITM (PS "Debug and trace"). */
#define ITM_STIM0 MMIO32(0xE0000000u)
#define ITM_STIM0_BYTE MMIO8(0xE0000000u)
#define ITM_TER MMIO32(0xE0000E00u)
#define ITM_TCR MMIO32(0xE0000E80u)
#define ITM_TCR_ITMENA (1u << 0)
/* Reading a stimulus port returns 1 in bit 0 when it can accept a write. */
#define ITM_STIM_FIFOREADY (1u << 0)
#define DEMCR MMIO32(0xE000EDFCu)
#define DEMCR_TRCENA (1u << 24)

#endif
