/*
 * The algorithm's static data, reached through R9 only.
 *
 * The FLM contract (CMSIS-Pack "Flash Programming": the algorithm is
 * position-independent, RW data addressed from the static base in R9) lets
 * the host load PrgCode anywhere and set R9 to where PrgData landed. GCC's
 * -fPIC data access goes through a GOT of absolute addresses that no FLM host
 * relocates, so this code never names a data symbol: the single static
 * object, struct FlmStatic, is the first thing in PrgData (flm.ld asserts it)
 * and is found by reading R9. -msingle-pic-base -mpic-register=r9 reserve R9
 * for that purpose, so the compiler never allocates it.
 */
#ifndef FLM_STATIC_H
#define FLM_STATIC_H

#include <stdint.h>
#include "flash-os.h"

/* "FLMs" in ASCII: present in PrgData's initial image, so reading it back
 * through R9 proves the host set R9 to the loaded PrgData. */
#define FLM_STATIC_MAGIC 0x734D4C46u

struct FlmStatic {
  uint32_t magic;
  /* Function code of the last Init (FLASH_FUNCTION_*), 0 after UnInit. */
  uint32_t init_function;
};

static inline struct FlmStatic *flm_static(void) {
  struct FlmStatic *base;
  __asm__("mov %0, r9" : "=r"(base));
  return base;
}

/* Nonzero when R9 holds the static base and Init has run since the last
 * UnInit: every erase and program entry point checks this first, so a host
 * that skipped Init or set R9 wrongly gets a failure instead of flash
 * operations with unlocked or unconfigured hardware. */
static inline int flm_ready(void) {
  struct FlmStatic *s = flm_static();
  return s->magic == FLM_STATIC_MAGIC && s->init_function != 0;
}

/* Records Init's function code; returns 0 when R9 is the static base and fnc
 * is one of the codes FlashOS.h defines. */
static inline int flm_enter(uint32_t fnc) {
  struct FlmStatic *s = flm_static();
  if (s->magic != FLM_STATIC_MAGIC || fnc < FLASH_FUNCTION_ERASE || fnc > FLASH_FUNCTION_VERIFY) {
    return 1;
  }
  s->init_function = fnc;
  return 0;
}

static inline int flm_leave(void) {
  struct FlmStatic *s = flm_static();
  if (s->magic != FLM_STATIC_MAGIC) {
    return 1;
  }
  s->init_function = 0;
  return 0;
}

#endif
