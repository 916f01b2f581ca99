/*
 * The CMSIS-Pack flash algorithm interface (CMSIS-Pack "Flash Programming"
 * documentation, FlashOS.h), declared here from its documented layout:
 *
 *   offset  field
 *   0       uint16 Vers        driver version, 0x0101
 *   2       char   DevName[128]
 *   130     uint16 DevType     1 = on-chip flash
 *   132     uint32 DevAdr      default device start address
 *   136     uint32 szDev       total size
 *   140     uint32 szPage      programming page size (ProgramPage's maximum sz)
 *   144     uint32 Res         reserved, 0
 *   148     uint8  valEmpty    content of erased memory
 *   152     uint32 toProgPage  ProgramPage timeout in ms
 *   156     uint32 toErase     EraseSector timeout in ms
 *   160     {uint32 szSector, uint32 AddrSector}[SECTOR_NUM], AddrSector
 *           relative to DevAdr, ended by {0xFFFFFFFF, 0xFFFFFFFF}
 *
 * sizeof(struct FlashDevice) = 160 + 8 * 512 = 4256 bytes.
 */
#ifndef FLASH_OS_H
#define FLASH_OS_H

#include <stdint.h>

#define FLASH_DRV_VERS 0x0101u
#define FLASH_DEV_TYPE_ONCHIP 1u
#define SECTOR_NUM 512
#define SECTOR_END {0xFFFFFFFFu, 0xFFFFFFFFu}

/* Function codes passed to Init and UnInit. */
#define FLASH_FUNCTION_ERASE 1u
#define FLASH_FUNCTION_PROGRAM 2u
#define FLASH_FUNCTION_VERIFY 3u

struct FlashSectors {
  uint32_t szSector;
  uint32_t AddrSector;
};

struct FlashDevice {
  uint16_t Vers;
  char DevName[128];
  uint16_t DevType;
  uint32_t DevAdr;
  uint32_t szDev;
  uint32_t szPage;
  uint32_t Res;
  uint8_t valEmpty;
  uint32_t toProgPage;
  uint32_t toErase;
  struct FlashSectors sectors[SECTOR_NUM];
};

_Static_assert(__builtin_offsetof(struct FlashDevice, DevType) == 130, "FlashDevice.DevType offset");
_Static_assert(__builtin_offsetof(struct FlashDevice, DevAdr) == 132, "FlashDevice.DevAdr offset");
_Static_assert(__builtin_offsetof(struct FlashDevice, valEmpty) == 148, "FlashDevice.valEmpty offset");
_Static_assert(__builtin_offsetof(struct FlashDevice, toProgPage) == 152, "FlashDevice.toProgPage offset");
_Static_assert(__builtin_offsetof(struct FlashDevice, sectors) == 160, "FlashDevice.sectors offset");
_Static_assert(sizeof(struct FlashDevice) == 4256, "FlashDevice size");

/* The descriptor lives in its own section, DevDscr, which the host reads from
 * the file and never loads. */
#define FLASH_DEVICE_DESCRIPTOR __attribute__((section("DevDscr"), used))

/* Entry points, return 0 on success and 1 on failure, except Verify which
 * returns adr + sz on success and the first differing address otherwise. */
int Init(uint32_t adr, uint32_t clk, uint32_t fnc);
int UnInit(uint32_t fnc);
int EraseChip(void);
int EraseSector(uint32_t adr);
int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf);
uint32_t Verify(uint32_t adr, uint32_t sz, const uint8_t *buf);
int BlankCheck(uint32_t adr, uint32_t sz, uint8_t pat);

#endif
