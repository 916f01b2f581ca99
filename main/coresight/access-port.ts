/**
 * Access ports: IDR decoding and discovery (ADIv5.2 C1.2, C2.6.6) (runtime: plain Node).
 */
import { TransferError } from '../probe/errors';
import type { DebugPort } from './debug-port';
import { jep106Name, type Jep106Code } from './jep106';

/** Register offsets common to every AP (IDR) and of a MEM-AP (ADIv5.2 C2.6). */
export const ApRegister = {
  CSW: 0x00,
  TAR: 0x04,
  TAR_HI: 0x08,
  DRW: 0x0c,
  BD0: 0x10,
  BD1: 0x14,
  BD2: 0x18,
  BD3: 0x1c,
  MBT: 0x20,
  BASE_HI: 0xf0,
  CFG: 0xf4,
  BASE: 0xf8,
  IDR: 0xfc,
} as const;

/** IDR CLASS values (ADIv5.2 C1.2.2): 0 = no defined class (e.g. JTAG-AP, vendor APs), 8 = MEM-AP. */
export const ApClass = { None: 0x0, MemAp: 0x8 } as const;

const MEM_AP_TYPES: Record<number, string> = {
  0x1: 'AHB3',
  0x2: 'APB2/APB3',
  0x4: 'AXI3/AXI4',
  0x5: 'AHB5',
  0x6: 'APB4/APB5',
  0x7: 'AXI5',
  0x8: 'AHB5 with enhanced HPROT',
};

export interface ApIdr {
  readonly raw: number;
  readonly revision: number;
  readonly designer: Jep106Code;
  readonly apClass: number;
  readonly variant: number;
  readonly type: number;
}

export function decodeApIdr(raw: number): ApIdr {
  const value = raw >>> 0;
  return {
    raw: value,
    revision: value >>> 28,
    designer: { continuation: (value >>> 24) & 0xf, identity: (value >>> 17) & 0x7f },
    apClass: (value >>> 13) & 0xf,
    variant: (value >>> 4) & 0xf,
    type: value & 0xf,
  };
}

/** A readable name such as "AHB3 MEM-AP (Arm Ltd)" or "AP class 0x0 type 0x0 (Nordic Semiconductor)". */
export function describeApIdr(idr: ApIdr): string {
  const designer = jep106Name(idr.designer);
  if (idr.apClass === ApClass.MemAp) return `${MEM_AP_TYPES[idr.type] ?? `type 0x${idr.type.toString(16)}`} MEM-AP (${designer})`;
  if (idr.apClass === ApClass.None && idr.type === 0 && idr.designer.continuation === 4 && idr.designer.identity === 0x3b) return `JTAG-AP (${designer})`;
  return `AP class 0x${idr.apClass.toString(16)} type 0x${idr.type.toString(16)} (${designer})`;
}

/** Any AP: raw register access through the DP with the AP's APSEL. */
export class AccessPort {
  constructor(
    readonly dp: DebugPort,
    readonly apsel: number,
    readonly idr: ApIdr,
  ) {}

  get isMemAp(): boolean {
    return this.idr.apClass === ApClass.MemAp;
  }

  get description(): string {
    return describeApIdr(this.idr);
  }

  read(register: number): Promise<number> {
    return this.dp.readAP(this.apsel, register);
  }

  write(register: number, value: number): Promise<void> {
    return this.dp.writeAP(this.apsel, register, value);
  }
}

/**
 * Reads IDR of APSEL 0, 1, 2, ... and stops at the first AP whose IDR reads zero (ADIv5.2 C1.2:
 * an unimplemented AP reads IDR as zero) or whose read fails; at most 256 APs.
 */
export async function scanAccessPorts(dp: DebugPort): Promise<{ apsel: number; idr: ApIdr }[]> {
  const found: { apsel: number; idr: ApIdr }[] = [];
  for (let apsel = 0; apsel < 256; apsel++) {
    let raw: number;
    try {
      raw = await dp.readAP(apsel, ApRegister.IDR);
    } catch (error) {
      if (error instanceof TransferError && !dp.lost && apsel > 0) break;
      throw error;
    }
    if (raw === 0) break;
    found.push({ apsel, idr: decodeApIdr(raw) });
  }
  return found;
}
