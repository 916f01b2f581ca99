/*
 * nRF52840 NVMC, nRF52840 Product Specification v1.7 section 4.3 "NVMC -
 * Non-volatile memory controller" (register table at the end of 4.3), base 0x4001E000.
 */
#ifndef NRF52840_NVMC_H
#define NRF52840_NVMC_H

#include <stdint.h>

#define NVMC_BASE 0x4001E000u
#define NVMC_READY (*(volatile uint32_t *)(NVMC_BASE + 0x400u))
#define NVMC_CONFIG (*(volatile uint32_t *)(NVMC_BASE + 0x504u))
#define NVMC_ERASEPAGE (*(volatile uint32_t *)(NVMC_BASE + 0x508u))
#define NVMC_ERASEALL (*(volatile uint32_t *)(NVMC_BASE + 0x50Cu))
#define NVMC_ERASEUICR (*(volatile uint32_t *)(NVMC_BASE + 0x514u))

/* CONFIG.WEN: 0 read only, 1 write enabled (Wen), 2 erase enabled (Een). */
#define NVMC_CONFIG_REN 0u
#define NVMC_CONFIG_WEN 1u
#define NVMC_CONFIG_EEN 2u
#define NVMC_READY_READY 1u

/* Bound on READY polls. The slowest operation, ERASEALL, takes at most
 * t_ERASEALL (PS 4.3, "Electrical specification", under 200 ms); at 64 MHz
 * with a few cycles per poll this bound is several seconds, so it only ends a
 * wait on hardware that never becomes ready. */
#define NVMC_POLL_LIMIT 50000000u

/* Returns 0 once READY reads 1, 1 if the bound ran out. */
static inline int nvmc_wait_ready(void) {
  for (uint32_t i = 0; i < NVMC_POLL_LIMIT; i++) {
    if ((NVMC_READY & NVMC_READY_READY) != 0) {
      return 0;
    }
  }
  return 1;
}

/* CONFIG may only be changed while the NVMC is idle (4.3, CONFIG register). */
static inline int nvmc_set_mode(uint32_t mode) {
  if (nvmc_wait_ready() != 0) {
    return 1;
  }
  NVMC_CONFIG = mode;
  return 0;
}

/* Writes sz bytes of buf to word-aligned adr with CONFIG = Wen (4.3,
 * "Writing to flash": only full 32-bit words at word-aligned addresses, and
 * programming can only clear bits). Words of all ones are skipped: writing
 * them changes nothing and would use up the limited number of writes a word
 * may take between erases (n_WRITE). A trailing partial word is padded with
 * 0xFF, the erased value. Returns 0 on success. */
static inline int nvmc_program(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  if ((adr & 3u) != 0) {
    return 1;
  }
  if (nvmc_set_mode(NVMC_CONFIG_WEN) != 0) {
    return 1;
  }
  int result = 0;
  for (uint32_t offset = 0; offset < sz && result == 0; offset += 4u) {
    uint32_t word = 0;
    for (uint32_t byte = 0; byte < 4u; byte++) {
      uint32_t value = offset + byte < sz ? buf[offset + byte] : 0xFFu;
      word |= value << (8u * byte);
    }
    if (word != 0xFFFFFFFFu) {
      *(volatile uint32_t *)(adr + offset) = word;
      result = nvmc_wait_ready();
    }
  }
  if (nvmc_set_mode(NVMC_CONFIG_REN) != 0) {
    return 1;
  }
  return result;
}

/* Starts one erase operation (write 1 to ERASEALL/ERASEUICR or the page
 * address to ERASEPAGE) with CONFIG = Een, waits for READY, returns to
 * read-only mode (4.3, "Erasing a page in flash", "Erasing user information
 * configuration registers (UICR)", "Erase all"). */
static inline int nvmc_erase(volatile uint32_t *task, uint32_t value) {
  if (nvmc_set_mode(NVMC_CONFIG_EEN) != 0) {
    return 1;
  }
  *task = value;
  int result = nvmc_wait_ready();
  if (nvmc_set_mode(NVMC_CONFIG_REN) != 0) {
    return 1;
  }
  return result;
}

#endif
