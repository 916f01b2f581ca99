/**
 * FPU detection (ARMv7-M ARM B3.2.20 CPACR, B4.1.2 MVFR0). CP10/CP11 access bits in CPACR are
 * writable only when the FP extension exists, so the host writes full access, reads back and
 * restores the original value; MVFR0's single/double precision fields then tell which FPU it is.
 * ARMv6-M and ARMv8-M Baseline have no FP extension.
 */
import type { MemoryInterface } from '../memory-interface';
import { CPACR, Cpacr, MVFR0 } from './debug-registers';

export interface FpuInfo {
  readonly present: boolean;
  readonly singlePrecision: boolean;
  readonly doublePrecision: boolean;
  readonly mvfr0: number;
}

export const NO_FPU: FpuInfo = { present: false, singlePrecision: false, doublePrecision: false, mvfr0: 0 };

export async function detectFpu(memory: MemoryInterface): Promise<FpuInfo> {
  const original = await memory.read32(CPACR);
  await memory.write32(CPACR, (original | Cpacr.CP10_CP11_FULL) >>> 0);
  const probe = await memory.read32(CPACR);
  await memory.write32(CPACR, original >>> 0);
  if ((probe & Cpacr.CP10_CP11_FULL) === 0) return NO_FPU;
  const mvfr0 = (await memory.read32(MVFR0)) >>> 0;
  // MVFR0.SP [7:4] and DP [11:8]: 0b0010 means supported.
  return { present: true, singlePrecision: ((mvfr0 >>> 4) & 0xf) !== 0, doublePrecision: ((mvfr0 >>> 8) & 0xf) !== 0, mvfr0 };
}
