/*
 * STM32L0x1 NVM interface, RM0377 (Rev 10) section 3 "Flash program memory and
 * data EEPROM (FLASH)"; registers in 3.7, base 0x40022000.
 */
#ifndef STM32L0_NVM_H
#define STM32L0_NVM_H

#include <stdint.h>

#define FLASH_REG(offset) (*(volatile uint32_t *)(0x40022000u + (offset)))
#define FLASH_PECR FLASH_REG(0x04u)    /* 3.7.2 */
#define FLASH_PEKEYR FLASH_REG(0x0Cu)  /* 3.7.4 */
#define FLASH_PRGKEYR FLASH_REG(0x10u) /* 3.7.5 */
#define FLASH_SR FLASH_REG(0x18u)      /* 3.7.7 */

/* FLASH_PECR bits (3.7.2). */
#define FLASH_PECR_PELOCK (1u << 0)
#define FLASH_PECR_PRGLOCK (1u << 1)
#define FLASH_PECR_PROG (1u << 3)
#define FLASH_PECR_DATA (1u << 4)
#define FLASH_PECR_FIX (1u << 8)
#define FLASH_PECR_ERASE (1u << 9)
#define FLASH_PECR_FPRG (1u << 10)

/* FLASH_SR bits (3.7.7); the error flags and EOP are cleared by writing 1. */
#define FLASH_SR_BSY (1u << 0)
#define FLASH_SR_EOP (1u << 1)
#define FLASH_SR_WRPERR (1u << 8)
#define FLASH_SR_PGAERR (1u << 9)
#define FLASH_SR_SIZERR (1u << 10)
#define FLASH_SR_OPTVERR (1u << 11)
#define FLASH_SR_RDERR (1u << 13)
#define FLASH_SR_NOTZEROERR (1u << 16)
#define FLASH_SR_FWWERR (1u << 17)
#define FLASH_SR_ERRORS                                                                            \
  (FLASH_SR_WRPERR | FLASH_SR_PGAERR | FLASH_SR_SIZERR | FLASH_SR_OPTVERR | FLASH_SR_RDERR |       \
   FLASH_SR_NOTZEROERR | FLASH_SR_FWWERR)

/* Unlock keys (3.3.4 "Unlocking/locking operations", 3.7.4, 3.7.5). */
#define FLASH_PEKEY1 0x89ABCDEFu
#define FLASH_PEKEY2 0x02030405u
#define FLASH_PRGKEY1 0x8C9DAEBFu
#define FLASH_PRGKEY2 0x13141516u

/* Unlocks FLASH_PECR and the data EEPROM (PEKEYR sequence); with
 * program_memory also the Flash program memory (PRGKEYR sequence, which is
 * accepted only once PELOCK is clear). Clears stale error flags. Returns 0 when
 * the lock bits read back clear. */
int stm32l0_nvm_unlock(uint32_t program_memory);

/* Sets PELOCK, which relocks PRGLOCK and OPTLOCK too. */
void stm32l0_nvm_lock(void);

/* Waits until BSY clears, then checks and clears EOP and the error flags.
 * Returns 0 for a clean completion, 1 on an error flag or timeout. */
int stm32l0_nvm_wait(void);

#endif
