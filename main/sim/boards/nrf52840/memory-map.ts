/**
 * nRF52840 memory map and part constants, from the nRF52840 Product Specification v1.x:
 * section 4.2 "Memory" (flash, RAM, FICR, UICR regions), section 5 / the instantiation table
 * "Peripheral instantiation" (peripheral IDs and base addresses; a peripheral's IRQ number is
 * its ID). Written from the PS, independently of the host's target definitions.
 */
export const FLASH_BASE = 0x0000_0000;
export const FLASH_SIZE = 1024 * 1024;
/** PS 4.2.1: the flash is divided into 256 pages of 4 KiB (FICR.CODEPAGESIZE). */
export const FLASH_PAGE_SIZE = 0x1000;
export const RAM_BASE = 0x2000_0000;
export const RAM_SIZE = 256 * 1024;
export const FICR_BASE = 0x1000_0000;
export const UICR_BASE = 0x1000_1000;
/** FICR and UICR each occupy one 4 KiB flash information page. */
export const INFO_PAGE_SIZE = 0x1000;

/** Peripheral bases (PS "Peripheral instantiation"). */
export const CLOCK_POWER_BASE = 0x4000_0000;
export const UART0_BASE = 0x4000_2000;
export const WDT_BASE = 0x4001_0000;
export const NVMC_BASE = 0x4001_E000;
/** GPIO P0 at 0x50000000 and P1 at 0x50000300 share one 4 KiB AHB slot. */
export const GPIO_BASE = 0x5000_0000;
export const PERIPHERAL_SLOT_SIZE = 0x1000;

/** Interrupt numbers = peripheral IDs (PS 15.8 "Peripheral ID"). */
export const IRQ_POWER_CLOCK = 0;
export const IRQ_UART0 = 2;
export const IRQ_WDT = 16;
/** The nRF52840's NVIC implements 48 external interrupts (PS "Interrupts", IDs 0–47). */
export const IRQ_COUNT = 48;

/** PS 4.1 "CPU": the Cortex-M4F runs at 64 MHz. */
export const CORE_FREQUENCY_HZ = 64_000_000;
