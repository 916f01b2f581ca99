import { MemorySlave } from '../../bus/system-bus';
import { INFO_PAGE_SIZE } from './memory-map';

/**
 * FICR — factory information configuration registers (nRF52840 PS 4.4). The FICR is a
 * factory-programmed flash information page: read-only to software and debugger, and the
 * words the PS does not list hold the erased flash value 0xFFFFFFFF (they are unprogrammed
 * cells, not absent ones), which is what this page returns for them. Writes answer a bus
 * error, as a write to read-only memory does on the bus.
 */
export interface FicrIdentity {
  /** DEVICEID[0..1]: the 64-bit unique device identifier. */
  readonly deviceId: readonly [number, number];
  /** DEVICEADDR[0..1]: the 48-bit device address (DEVICEADDR[1] bits 15:0 used). */
  readonly deviceAddr: readonly [number, number];
}

/** Register offsets and values of PS 4.4.1 "Registers". */
const CODEPAGESIZE = 0x010;
const CODESIZE = 0x014;
const DEVICEID = 0x060;
const ER = 0x080;
const IR = 0x090;
const DEVICEADDRTYPE = 0x0a0;
const DEVICEADDR = 0x0a4;
const INFO_PART = 0x100;
const INFO_VARIANT = 0x104;
const INFO_PACKAGE = 0x108;
const INFO_RAM = 0x10c;
const INFO_FLASH = 0x110;

/** INFO.VARIANT "AAD0" (ASCII, PS 4.4.1.x), INFO.PACKAGE QI = 0x2004 (aQFN73), RAM K256 = 0x100, FLASH K1024 = 0x400. */
export const FICR_VALUES = {
  codePageSize: 0x1000,
  codeSize: 0x100,
  part: 0x52840,
  variant: 0x4141_4430,
  package: 0x2004,
  ramKiB: 0x100,
  flashKiB: 0x400,
} as const;

export function createFicr(identity: FicrIdentity): MemorySlave {
  const ficr = new MemorySlave('FICR', INFO_PAGE_SIZE, false);
  const bytes = ficr.directBytes;
  bytes.fill(0xff);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const put = (offset: number, value: number): void => view.setUint32(offset, value >>> 0, true);
  put(CODEPAGESIZE, FICR_VALUES.codePageSize);
  put(CODESIZE, FICR_VALUES.codeSize);
  put(DEVICEID, identity.deviceId[0]);
  put(DEVICEID + 4, identity.deviceId[1]);
  // ER and IR: the 128-bit encryption and identity root keys, derived from the device ID so
  // each simulated part has its own.
  for (let i = 0; i < 4; i++) {
    put(ER + 4 * i, Math.imul(identity.deviceId[i & 1] ^ (0x9e3779b9 * (i + 1)), 0x85ebca6b));
    put(IR + 4 * i, Math.imul(identity.deviceId[(i + 1) & 1] ^ (0xc2b2ae35 * (i + 1)), 0x27d4eb2f));
  }
  put(DEVICEADDRTYPE, 0xffffffff); // Random address (bit 0 = 1)
  put(DEVICEADDR, identity.deviceAddr[0]);
  put(DEVICEADDR + 4, identity.deviceAddr[1] | 0xffff0000);
  put(INFO_PART, FICR_VALUES.part);
  put(INFO_VARIANT, FICR_VALUES.variant);
  put(INFO_PACKAGE, FICR_VALUES.package);
  put(INFO_RAM, FICR_VALUES.ramKiB);
  put(INFO_FLASH, FICR_VALUES.flashKiB);
  return ficr;
}
