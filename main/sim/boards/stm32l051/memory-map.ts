/**
 * STM32L051x8 memory map and part constants, from RM0377 (Rev 10) section 2.2 "Memory
 * organization" (Table 3, "STM32L0x1 peripheral register boundary addresses") and section 3.2
 * "NVM organization" for a category 3 device, and the STM32L051x6/x8 datasheet. Written from
 * those documents, independently of the host's target definitions.
 */
export const FLASH_BASE = 0x0800_0000;
export const FLASH_SIZE = 64 * 1024;
/** RM0377 3.2: category 3 program memory pages are 128 bytes (32 words); half-page = 16 words. */
export const FLASH_PAGE_SIZE = 128;
export const HALF_PAGE_SIZE = 64;
/** Write protection is per 4 KiB sector (32 pages), one WRPROT1 bit each (RM0377 3.4.2). */
export const WRP_SECTOR_SIZE = 4096;
/** Booting from the program memory aliases it at 0x00000000 (RM0377 2.4 "Boot configuration"). */
export const BOOT_ALIAS_BASE = 0x0000_0000;
export const EEPROM_BASE = 0x0808_0000;
export const EEPROM_SIZE = 2 * 1024;
export const SRAM_BASE = 0x2000_0000;
export const SRAM_SIZE = 8 * 1024;
/** Option bytes 0x1FF80000–0x1FF8001F, factory values (unique ID, F_SIZE, calibration) to 0x1FF8007F. */
export const OPTION_BYTES_BASE = 0x1ff8_0000;
export const OPTION_BYTES_SIZE = 0x20;
export const FACTORY_INFO_BASE = 0x1ff8_0020;
export const FACTORY_INFO_SIZE = 0x60;

/** The MCU ROM table the AHB-AP's BASE register points at (RM0377, "Debug support (DBG)"). */
export const MCU_ROM_TABLE_BASE = 0xf000_0000;
export const MCU_ROM_TABLE_SIZE = 0x1000;

/** Peripheral boundaries (RM0377 Table 3). */
export const PWR_BASE = 0x4000_7000;
export const PWR_SIZE = 0x400;
export const USART2_BASE = 0x4000_4400;
export const USART2_SIZE = 0x400;
export const DBGMCU_BASE = 0x4001_5800;
export const DBGMCU_SIZE = 0x400;
export const RCC_BASE = 0x4002_1000;
export const RCC_SIZE = 0x400;
export const FLASH_IF_BASE = 0x4002_2000;
export const FLASH_IF_SIZE = 0x400;
export const GPIOA_BASE = 0x5000_0000;
export const GPIO_SIZE = 0x400;

/** RM0377 Table 56 "List of vectors": USART2 global interrupt is IRQ 28, FLASH is IRQ 3. */
export const IRQ_FLASH = 3;
export const IRQ_USART2 = 28;
/** The Cortex-M0+ NVIC of the STM32L0 implements 32 interrupt lines. */
export const IRQ_COUNT = 32;

/** RM0377 7.2.3: after reset the system clock is MSI range 5, 2.097 MHz. */
export const RESET_CLOCK_HZ = 2_097_000;
