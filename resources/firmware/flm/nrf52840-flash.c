/*
 * Flash algorithm for the nRF52840's internal flash: 1 MiB at 0x0 in 256 pages
 * of 4 KiB (nRF52840 PS v1.7, "Memory" chapter, and section 4.3 "NVMC").
 */
#include "flash-os.h"
#include "flm-static.h"
#include "nrf52840-nvmc.h"

#define FLASH_SIZE 0x100000u
#define FLASH_PAGE_SIZE 0x1000u

FLASH_DEVICE_DESCRIPTOR const struct FlashDevice FlashDevice = {
    .Vers = FLASH_DRV_VERS,
    .DevName = "nRF52840 internal flash 1MB (ProbeDesk)",
    .DevType = FLASH_DEV_TYPE_ONCHIP,
    .DevAdr = 0x00000000u,
    .szDev = FLASH_SIZE,
    .szPage = FLASH_PAGE_SIZE,
    .Res = 0,
    .valEmpty = 0xFFu,
    /* A page is 1024 word writes of at most t_WRITE = 41 us: 42 ms. */
    .toProgPage = 100u,
    /* t_ERASEPAGE is at most 85 ms. */
    .toErase = 500u,
    .sectors = {{FLASH_PAGE_SIZE, 0x00000000u}, SECTOR_END},
};

int Init(uint32_t adr, uint32_t clk, uint32_t fnc) {
  (void)adr;
  (void)clk;
  if (flm_enter(fnc) != 0) {
    return 1;
  }
  return nvmc_set_mode(NVMC_CONFIG_REN);
}

int UnInit(uint32_t fnc) {
  (void)fnc;
  int result = nvmc_set_mode(NVMC_CONFIG_REN);
  return flm_leave() | result;
}

/* ERASEALL erases all flash pages and the UICR (PS 4.3, "Erase all"). */
int EraseChip(void) {
  if (!flm_ready()) {
    return 1;
  }
  return nvmc_erase(&NVMC_ERASEALL, 1u);
}

int EraseSector(uint32_t adr) {
  if (!flm_ready() || adr >= FLASH_SIZE) {
    return 1;
  }
  return nvmc_erase(&NVMC_ERASEPAGE, adr & ~(FLASH_PAGE_SIZE - 1u));
}

int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  if (!flm_ready() || adr >= FLASH_SIZE || sz > FLASH_SIZE - adr) {
    return 1;
  }
  return nvmc_program(adr, sz, buf);
}
