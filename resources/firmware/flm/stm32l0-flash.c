/*
 * Flash algorithm for the STM32L051x8 Flash program memory: 64 KiB at
 * 0x08000000 in 512 pages of 128 bytes, erased value 0x00 (RM0377 3.3.1
 * "NVM organization").
 *
 * Programming uses half-page writes (16 words) where the data covers whole
 * aligned half-pages and single-word writes elsewhere (RM0377 3.3.4
 * "Programming a single word in Flash program memory" and "Programming a
 * half-page in Flash program memory"). The manual requires half-page writes to
 * be issued by code running from RAM, not from the Flash being written, and
 * with no other access to the NVM in between; an FLM always runs from RAM and
 * the write loop below touches only the target words and its RAM buffer.
 */
#include "flash-os.h"
#include "flm-static.h"
#include "stm32l0-nvm.h"

#define FLASH_BASE 0x08000000u
#define FLASH_SIZE 0x10000u
#define FLASH_PAGE_SIZE 128u
#define FLASH_HALF_PAGE_SIZE 64u

FLASH_DEVICE_DESCRIPTOR const struct FlashDevice FlashDevice = {
    .Vers = FLASH_DRV_VERS,
    .DevName = "STM32L051x8 Flash 64KB (ProbeDesk)",
    .DevType = FLASH_DEV_TYPE_ONCHIP,
    .DevAdr = FLASH_BASE,
    .szDev = FLASH_SIZE,
    .szPage = FLASH_PAGE_SIZE,
    .Res = 0,
    .valEmpty = 0x00u,
    /* Two half-page writes of at most 3.2 ms each. */
    .toProgPage = 100u,
    /* One page erase, at most 3.2 ms. */
    .toErase = 100u,
    .sectors = {{FLASH_PAGE_SIZE, 0x00000000u}, SECTOR_END},
};

int Init(uint32_t adr, uint32_t clk, uint32_t fnc) {
  (void)adr;
  (void)clk;
  if (flm_enter(fnc) != 0) {
    return 1;
  }
  return stm32l0_nvm_unlock(1u);
}

int UnInit(uint32_t fnc) {
  (void)fnc;
  stm32l0_nvm_lock();
  return flm_leave();
}

/* Page erase (3.3.4 "Erasing a page"): ERASE and PROG set, then a write of
 * 0x00000000 to any word of the page starts the erase. */
static int erase_page(uint32_t adr) {
  FLASH_PECR |= FLASH_PECR_ERASE | FLASH_PECR_PROG;
  *(volatile uint32_t *)(adr & ~(FLASH_PAGE_SIZE - 1u)) = 0;
  int result = stm32l0_nvm_wait();
  FLASH_PECR &= ~(FLASH_PECR_ERASE | FLASH_PECR_PROG);
  return result;
}

/* Every page in turn: a mass erase on this part goes through the option
 * bytes' read protection (3.4, RDP), which an algorithm must not touch. */
int EraseChip(void) {
  if (!flm_ready()) {
    return 1;
  }
  for (uint32_t adr = FLASH_BASE; adr < FLASH_BASE + FLASH_SIZE; adr += FLASH_PAGE_SIZE) {
    if (erase_page(adr) != 0) {
      return 1;
    }
  }
  return 0;
}

int EraseSector(uint32_t adr) {
  if (!flm_ready() || adr - FLASH_BASE >= FLASH_SIZE) {
    return 1;
  }
  return erase_page(adr);
}

/* Little-endian word from four bytes of buf; bytes past sz are the erased
 * value 0x00. Byte loads keep unaligned host buffers safe on the Cortex-M0+. */
static uint32_t load_word(const uint8_t *buf, uint32_t offset, uint32_t sz) {
  uint32_t word = 0;
  for (uint32_t byte = 0; byte < 4u; byte++) {
    if (offset + byte < sz) {
      word |= (uint32_t)buf[offset + byte] << (8u * byte);
    }
  }
  return word;
}

/* Half-page write: FPRG and PROG set, then 16 consecutive word writes to the
 * half-page, after which the NVM programs them together. Interrupts are masked
 * for the 16 writes (PRIMASK, ARMv6-M ARM B1.4.3): a handler of the halted
 * application lives in Flash and fetching it would break the sequence. */
static int program_half_page(uint32_t adr, const uint8_t *buf) {
  uint32_t words[FLASH_HALF_PAGE_SIZE / 4u];
  for (uint32_t i = 0; i < FLASH_HALF_PAGE_SIZE / 4u; i++) {
    words[i] = load_word(buf, i * 4u, FLASH_HALF_PAGE_SIZE);
  }
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  FLASH_PECR |= FLASH_PECR_FPRG | FLASH_PECR_PROG;
  volatile uint32_t *target = (volatile uint32_t *)adr;
  for (uint32_t i = 0; i < FLASH_HALF_PAGE_SIZE / 4u; i++) {
    target[i] = words[i];
  }
  int result = stm32l0_nvm_wait();
  FLASH_PECR &= ~(FLASH_PECR_FPRG | FLASH_PECR_PROG);
  __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
  return result;
}

/* Single word write: with PRGLOCK clear, a word store programs the word. */
static int program_word(uint32_t adr, uint32_t word) {
  *(volatile uint32_t *)adr = word;
  return stm32l0_nvm_wait();
}

int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  if (!flm_ready() || (adr & 3u) != 0 || adr - FLASH_BASE >= FLASH_SIZE ||
      sz > FLASH_BASE + FLASH_SIZE - adr) {
    return 1;
  }
  uint32_t offset = 0;
  while (offset < sz) {
    uint32_t here = adr + offset;
    if ((here & (FLASH_HALF_PAGE_SIZE - 1u)) == 0 && sz - offset >= FLASH_HALF_PAGE_SIZE) {
      if (program_half_page(here, buf + offset) != 0) {
        return 1;
      }
      offset += FLASH_HALF_PAGE_SIZE;
    } else {
      if (program_word(here, load_word(buf, offset, sz)) != 0) {
        return 1;
      }
      offset += 4u;
    }
  }
  return 0;
}
