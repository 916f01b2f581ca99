/*
 * Flash algorithm for the STM32L051x8 data EEPROM: 2 KiB at 0x08080000,
 * erased value 0x00, one word per physical page (RM0377 3.3.1 "NVM
 * organization"). Sectors are presented as 128-byte groups of words so a host
 * does not issue 512 separate erase calls.
 */
#include "flash-os.h"
#include "flm-static.h"
#include "stm32l0-nvm.h"

#define EEPROM_BASE 0x08080000u
#define EEPROM_SIZE 0x800u
#define EEPROM_SECTOR_SIZE 128u

FLASH_DEVICE_DESCRIPTOR const struct FlashDevice FlashDevice = {
    .Vers = FLASH_DRV_VERS,
    .DevName = "STM32L051x8 data EEPROM 2KB (ProbeDesk)",
    .DevType = FLASH_DEV_TYPE_ONCHIP,
    .DevAdr = EEPROM_BASE,
    .szDev = EEPROM_SIZE,
    .szPage = EEPROM_SECTOR_SIZE,
    .Res = 0,
    .valEmpty = 0x00u,
    /* 32 words, each at most an erase plus a write of 3.2 ms: 205 ms. */
    .toProgPage = 500u,
    .toErase = 500u,
    .sectors = {{EEPROM_SECTOR_SIZE, 0x00000000u}, SECTOR_END},
};

/* Only PELOCK guards the data EEPROM (3.3.4 "Unlocking the data EEPROM and
 * FLASH_PECR register"); FIX = 0 lets the NVM skip the erase phase of a write
 * when the word is already zero. */
int Init(uint32_t adr, uint32_t clk, uint32_t fnc) {
  (void)adr;
  (void)clk;
  if (flm_enter(fnc) != 0) {
    return 1;
  }
  if (stm32l0_nvm_unlock(0u) != 0) {
    return 1;
  }
  FLASH_PECR &= ~FLASH_PECR_FIX;
  return 0;
}

int UnInit(uint32_t fnc) {
  (void)fnc;
  stm32l0_nvm_lock();
  return flm_leave();
}

/* Data EEPROM word erase (3.3.4 "Erasing a word in data EEPROM"): ERASE and
 * DATA set, then a write of 0x00000000 to the word. */
static int erase_words(uint32_t adr, uint32_t count) {
  int result = 0;
  FLASH_PECR |= FLASH_PECR_ERASE | FLASH_PECR_DATA;
  for (uint32_t i = 0; i < count && result == 0; i++) {
    *(volatile uint32_t *)(adr + 4u * i) = 0;
    result = stm32l0_nvm_wait();
  }
  FLASH_PECR &= ~(FLASH_PECR_ERASE | FLASH_PECR_DATA);
  return result;
}

int EraseChip(void) {
  if (!flm_ready()) {
    return 1;
  }
  return erase_words(EEPROM_BASE, EEPROM_SIZE / 4u);
}

int EraseSector(uint32_t adr) {
  if (!flm_ready() || adr - EEPROM_BASE >= EEPROM_SIZE) {
    return 1;
  }
  return erase_words(adr & ~(EEPROM_SECTOR_SIZE - 1u), EEPROM_SECTOR_SIZE / 4u);
}

/* Word writes (3.3.4 "Programming data EEPROM by word"); a trailing partial
 * word keeps the EEPROM's current bytes beyond sz. */
int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  if (!flm_ready() || (adr & 3u) != 0 || adr - EEPROM_BASE >= EEPROM_SIZE ||
      sz > EEPROM_BASE + EEPROM_SIZE - adr) {
    return 1;
  }
  for (uint32_t offset = 0; offset < sz; offset += 4u) {
    volatile uint32_t *target = (volatile uint32_t *)(adr + offset);
    uint32_t word = *target;
    for (uint32_t byte = 0; byte < 4u && offset + byte < sz; byte++) {
      word = (word & ~(0xFFu << (8u * byte))) | ((uint32_t)buf[offset + byte] << (8u * byte));
    }
    *target = word;
    if (stm32l0_nvm_wait() != 0) {
      return 1;
    }
  }
  return 0;
}
