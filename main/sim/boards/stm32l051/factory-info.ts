import { RegisterBlock } from '../common/register-block';

/**
 * The factory-programmed words after the option bytes (RM0377 "Device electronic signature"
 * and the datasheet's "Embedded reference voltage" / "Temperature sensor" calibration values),
 * at 0x1FF80020–0x1FF8007F. Only the documented words answer; the rest of the range is not
 * described by the manual and answers a bus error.
 *
 * - 0x1FF80050, 0x1FF80054, 0x1FF80064: the 96-bit unique device ID.
 * - 0x1FF80078: VREFINT_CAL (bits 15:0), TS_CAL1 (bits 31:16).
 * - 0x1FF8007C: F_SIZE (bits 15:0, flash size in KiB = 64), TS_CAL2 (bits 31:16).
 */
export interface FactoryValues {
  readonly uniqueId: readonly [number, number, number];
  readonly vrefintCal: number;
  readonly tsCal1: number;
  readonly tsCal2: number;
  readonly flashKiB: number;
}

/** Offsets relative to 0x1FF80020. */
const U_ID0 = 0x30;
const U_ID1 = 0x34;
const U_ID2 = 0x44;
const CAL_VREF_TS1 = 0x58;
const F_SIZE_TS2 = 0x5c;

export function createFactoryInfo(values: FactoryValues): RegisterBlock {
  const r = new RegisterBlock('factory info');
  r.defineFn(U_ID0, () => values.uniqueId[0]);
  r.defineFn(U_ID1, () => values.uniqueId[1]);
  r.defineFn(U_ID2, () => values.uniqueId[2]);
  r.defineFn(CAL_VREF_TS1, () => ((values.tsCal1 << 16) | values.vrefintCal) >>> 0);
  r.defineFn(F_SIZE_TS2, () => ((values.tsCal2 << 16) | values.flashKiB) >>> 0);
  return r;
}
