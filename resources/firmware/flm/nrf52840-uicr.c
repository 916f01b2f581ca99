/*
 * Flash algorithm for the nRF52840's UICR: one 4 KiB region at 0x10001000
 * (nRF52840 PS v1.7, "UICR - User information configuration registers"),
 * erased as a whole by ERASEUICR (section 4.3, NVMC).
 */
#include "flash-os.h"
#include "flm-static.h"
#include "nrf52840-nvmc.h"

#define UICR_BASE 0x10001000u
#define UICR_SIZE 0x1000u

FLASH_DEVICE_DESCRIPTOR const struct FlashDevice FlashDevice = {
    .Vers = FLASH_DRV_VERS,
    .DevName = "nRF52840 UICR 4KB (ProbeDesk)",
    .DevType = FLASH_DEV_TYPE_ONCHIP,
    .DevAdr = UICR_BASE,
    .szDev = UICR_SIZE,
    .szPage = UICR_SIZE,
    .Res = 0,
    .valEmpty = 0xFFu,
    .toProgPage = 100u,
    .toErase = 500u,
    .sectors = {{UICR_SIZE, 0x00000000u}, SECTOR_END},
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

int EraseChip(void) {
  if (!flm_ready()) {
    return 1;
  }
  return nvmc_erase(&NVMC_ERASEUICR, 1u);
}

int EraseSector(uint32_t adr) {
  if (!flm_ready() || adr - UICR_BASE >= UICR_SIZE) {
    return 1;
  }
  return nvmc_erase(&NVMC_ERASEUICR, 1u);
}

int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  if (!flm_ready() || adr - UICR_BASE >= UICR_SIZE || sz > UICR_BASE + UICR_SIZE - adr) {
    return 1;
  }
  return nvmc_program(adr, sz, buf);
}
