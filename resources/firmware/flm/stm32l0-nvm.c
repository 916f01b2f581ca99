/* Shared STM32L0 NVM sequences (RM0377 section 3), see stm32l0-nvm.h. */
#include "stm32l0-nvm.h"

/* Bound on BSY polls. The longest operation here is a page erase or half-page
 * write, t_prog = 3.2 ms at most (STM32L051 datasheet, "Flash memory and data
 * EEPROM characteristics"); at 32 MHz this bound is over a second, so it only
 * ends a wait on hardware that never completes. */
#define NVM_POLL_LIMIT 10000000u

int stm32l0_nvm_unlock(uint32_t program_memory) {
  FLASH_SR = FLASH_SR_ERRORS | FLASH_SR_EOP;
  if ((FLASH_PECR & FLASH_PECR_PELOCK) != 0) {
    FLASH_PEKEYR = FLASH_PEKEY1;
    FLASH_PEKEYR = FLASH_PEKEY2;
  }
  if (program_memory != 0 && (FLASH_PECR & FLASH_PECR_PRGLOCK) != 0) {
    FLASH_PRGKEYR = FLASH_PRGKEY1;
    FLASH_PRGKEYR = FLASH_PRGKEY2;
  }
  uint32_t locks = FLASH_PECR_PELOCK | (program_memory != 0 ? FLASH_PECR_PRGLOCK : 0u);
  return (FLASH_PECR & locks) != 0;
}

void stm32l0_nvm_lock(void) { FLASH_PECR |= FLASH_PECR_PELOCK; }

int stm32l0_nvm_wait(void) {
  uint32_t status = FLASH_SR;
  for (uint32_t i = 0; i < NVM_POLL_LIMIT && (status & FLASH_SR_BSY) != 0; i++) {
    status = FLASH_SR;
  }
  FLASH_SR = status & (FLASH_SR_ERRORS | FLASH_SR_EOP);
  return (status & (FLASH_SR_BSY | FLASH_SR_ERRORS)) != 0;
}
