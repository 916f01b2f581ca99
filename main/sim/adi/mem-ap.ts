import { type AccessWidth, BUS_ERROR, BusMaster } from '../bus/bus-types';
import type { AccessPort, ApResponse } from './swd-types';

/**
 * A simulated AHB-AP, the MEM-AP of Cortex-M parts (ARM IHI 0031 ADIv5.2, C2.6 "MEM-AP
 * programmers' model"; Cortex-M4 TRM and Cortex-M0+ TRM "AHB-AP"). It turns DRW and BD0–BD3
 * accesses into bus transactions by the debug master on the system bus, so it reaches memory
 * and peripherals while the core runs.
 */

/** MEM-AP register offsets (C2.6, table C2-6). */
export const MEM_AP_REG = {
  CSW: 0x00,
  TAR: 0x04,
  DRW: 0x0c,
  BD0: 0x10,
  BD1: 0x14,
  BD2: 0x18,
  BD3: 0x1c,
  CFG: 0xf4,
  BASE: 0xf8,
  IDR: 0xfc,
} as const;

/** CSW fields (C2.6.4). */
export const CSW = {
  SIZE_MASK: 0x7,
  ADDRINC_SHIFT: 4,
  ADDRINC_MASK: 0x3 << 4,
  DEVICE_EN: 1 << 6,
  TR_IN_PROG: 1 << 7,
  MODE_MASK: 0xf << 8,
  /** Prot (HPROT, HMASTER) and DbgSwEnable: stored as written, presented on the bus (TRM "AHB-AP"). */
  PROT_MASK: 0xff000000,
} as const;

export const ADDR_INC = { OFF: 0, SINGLE: 1, PACKED: 2 } as const;

/** What the MEM-AP needs from the system it is wired into. */
export interface MemApBus {
  read(address: number, width: AccessWidth, master: BusMaster): number;
  write(address: number, width: AccessWidth, value: number, master: BusMaster): boolean;
}

export interface MemApDescription {
  idr: number;
  cfg: number;
  /** BASE: the ROM table address with bit 1 (format) and bit 0 (present) set (C2.6.1). */
  base: number;
  /** CSW value at reset (TRM "AHB-AP" register summary). */
  cswReset: number;
  /** Bus time of one transaction, in ns, during which the AP reports TrInProg and the DP answers WAIT. */
  accessTimeNs: number;
  /**
   * Size of the block inside which TAR auto-increments and wraps (C2.6.3: at least 1 KiB, the
   * rest IMPLEMENTATION DEFINED): the processor TRM's figure for its AHB-AP.
   */
  autoIncrementBlock: number;
}

export interface MemApEnvironment {
  bus: MemApBus;
  now: () => number;
  /** False while the system keeps the AP from issuing transactions (DeviceEn, C2.6.4), e.g. nRF52840 APPROTECT. */
  deviceEnabled: () => boolean;
  /** Extra bus time for an access (slow peripherals, flash stalls); 0 when absent. */
  extraAccessTimeNs?: (address: number, write: boolean) => number;
  /** The bus is held by another master until this time: the AP stays busy and the DP answers WAIT. */
  stalledUntil?: () => number;
}

export class MemAp implements AccessPort {
  readonly name = 'AHB-AP';
  readonly description: MemApDescription;
  private readonly env: MemApEnvironment;
  private csw: number;
  private tar = 0;
  private busyUntil = 0;

  constructor(description: MemApDescription, env: MemApEnvironment) {
    this.description = description;
    this.env = env;
    this.csw = description.cswReset;
  }

  busy(): boolean {
    const now = this.env.now();
    return now < this.busyUntil || now < (this.env.stalledUntil?.() ?? 0);
  }

  abort(): void {
    this.busyUntil = 0;
  }

  read(register: number): ApResponse {
    switch (register) {
      case MEM_AP_REG.CSW:
        return okValue(this.readCsw());
      case MEM_AP_REG.TAR:
        return okValue(this.tar);
      case MEM_AP_REG.DRW:
        return this.dataAccess(this.tar, true, 0, true);
      case MEM_AP_REG.BD0:
      case MEM_AP_REG.BD1:
      case MEM_AP_REG.BD2:
      case MEM_AP_REG.BD3:
        return this.dataAccess(this.bankedAddress(register), true, 0, false);
      case MEM_AP_REG.CFG:
        return okValue(this.description.cfg);
      case MEM_AP_REG.BASE:
        return okValue(this.description.base);
      case MEM_AP_REG.IDR:
        return okValue(this.description.idr);
      default:
        // C2.6: reserved AP registers read as zero.
        return okValue(0);
    }
  }

  write(register: number, value: number): ApResponse {
    switch (register) {
      case MEM_AP_REG.CSW:
        this.writeCsw(value);
        return okValue(0);
      case MEM_AP_REG.TAR:
        this.tar = value >>> 0;
        return okValue(0);
      case MEM_AP_REG.DRW:
        return this.dataAccess(this.tar, false, value, true);
      case MEM_AP_REG.BD0:
      case MEM_AP_REG.BD1:
      case MEM_AP_REG.BD2:
      case MEM_AP_REG.BD3:
        return this.dataAccess(this.bankedAddress(register), false, value, false);
      default:
        // Read-only and reserved registers ignore writes.
        return okValue(0);
    }
  }

  private readCsw(): number {
    let value = this.csw & ~(CSW.DEVICE_EN | CSW.TR_IN_PROG);
    if (this.env.deviceEnabled()) value |= CSW.DEVICE_EN;
    if (this.busy()) value |= CSW.TR_IN_PROG;
    return value >>> 0;
  }

  private writeCsw(value: number): void {
    let size = value & CSW.SIZE_MASK;
    // The AHB-AP supports byte, halfword and word; other sizes are reserved and leave Size alone.
    if (size > 2) size = this.csw & CSW.SIZE_MASK;
    let addrInc = (value & CSW.ADDRINC_MASK) >>> CSW.ADDRINC_SHIFT;
    // Packed transfers are not implemented by the Cortex-M AHB-AP: the field reads back as off.
    if (addrInc !== ADDR_INC.SINGLE) addrInc = ADDR_INC.OFF;
    this.csw = ((value & CSW.PROT_MASK) | (addrInc << CSW.ADDRINC_SHIFT) | size) >>> 0;
  }

  private bankedAddress(register: number): number {
    // C2.6.2: BDn addresses TAR[31:4] with n in bits [3:2]; TAR is not incremented.
    return ((this.tar & ~0xf) | (register - MEM_AP_REG.BD0)) >>> 0;
  }

  private dataAccess(address: number, read: boolean, value: number, viaDrw: boolean): ApResponse {
    if (!this.env.deviceEnabled()) return { kind: 'error' };
    const sizeCode = this.csw & CSW.SIZE_MASK;
    const width = (1 << sizeCode) as AccessWidth;
    const aligned = width === 4 ? address & ~3 : address;
    const extra = this.env.extraAccessTimeNs?.(aligned >>> 0, !read) ?? 0;
    this.busyUntil = this.env.now() + this.description.accessTimeNs + extra;
    let response: ApResponse;
    if (width === 2 && (address & 1) !== 0) {
      // An unaligned halfword cannot be put on AHB: the AP answers with an error.
      response = { kind: 'error' };
    } else if (read) {
      const data = this.env.bus.read(aligned >>> 0, width, BusMaster.Debug);
      // C2.6.5 byte lanes: narrow data sits in DRW at the lanes selected by TAR[1:0].
      if (data === BUS_ERROR) response = { kind: 'error' };
      else response = okValue(width === 4 ? data : data << ((address & 3) * 8));
    } else {
      const lane = width === 4 ? value : (value >>> ((address & 3) * 8)) & (width === 2 ? 0xffff : 0xff);
      const accepted = this.env.bus.write(aligned >>> 0, width, lane >>> 0, BusMaster.Debug);
      response = accepted ? okValue(0) : { kind: 'error' };
    }
    if (viaDrw && response.kind === 'ok' && (this.csw & CSW.ADDRINC_MASK) >>> CSW.ADDRINC_SHIFT === ADDR_INC.SINGLE) {
      const size = this.description.autoIncrementBlock;
      this.tar = ((this.tar & ~(size - 1)) | ((this.tar + width) & (size - 1))) >>> 0;
    }
    return response;
  }
}

function okValue(value: number): ApResponse {
  return { kind: 'ok', value: value >>> 0 };
}
