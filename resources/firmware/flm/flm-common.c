/*
 * The PrgData image and the read-only entry points every algorithm shares.
 * Memory-mapped NVM reads back directly, so Verify and BlankCheck compare
 * bytes in place.
 */
#include "flash-os.h"
#include "flm-static.h"

/* First (and only) object in PrgData; see flm-static.h and flm.ld. */
__attribute__((section(".data.flm_static"), used)) struct FlmStatic flm_static_data = {
    .magic = FLM_STATIC_MAGIC,
    .init_function = 0,
};

uint32_t Verify(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  const volatile uint8_t *memory = (const volatile uint8_t *)adr;
  for (uint32_t i = 0; i < sz; i++) {
    if (memory[i] != buf[i]) {
      return adr + i;
    }
  }
  return adr + sz;
}

int BlankCheck(uint32_t adr, uint32_t sz, uint8_t pat) {
  const volatile uint8_t *memory = (const volatile uint8_t *)adr;
  for (uint32_t i = 0; i < sz; i++) {
    if (memory[i] != pat) {
      return 1;
    }
  }
  return 0;
}
