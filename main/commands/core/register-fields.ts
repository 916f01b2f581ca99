/**
 * Field decodes that `reg -f` prints: xPSR (ARMv7-M ARM B1.4.2, ARMv6-M ARM B1.4.2), CONTROL
 * (B1.4.4) and the fault status registers CFSR with its MMFSR, BFSR and UFSR parts (B3.2.15),
 * HFSR (B3.2.16), DFSR (C1.6.1), MMFAR (B3.2.17) and BFAR (B3.2.18).
 */

export interface CoreFeatures {
  /** ARMv6-M or ARMv8-M Baseline: no Q, GE or IT in xPSR, IPSR[5:0] only, no CFSR/HFSR/MMFAR/BFAR. */
  readonly baseline: boolean;
  /** The DSP extension of ARMv7E-M, which adds APSR.GE[3:0]. */
  readonly dsp: boolean;
  /** The FP extension, which adds CONTROL.FPCA. */
  readonly fpu: boolean;
}

const bit = (value: number, n: number): number => (value >>> n) & 1;

/** Exception numbers 1–15 (B1.5.2 Table B1-4); 16 and above are external interrupts. */
const EXCEPTION_NAMES: Record<number, string> = {
  0: 'Thread mode',
  1: 'Reset',
  2: 'NMI',
  3: 'HardFault',
  4: 'MemManage',
  5: 'BusFault',
  6: 'UsageFault',
  11: 'SVCall',
  12: 'DebugMonitor',
  14: 'PendSV',
  15: 'SysTick',
};

function exceptionName(number: number): string {
  return EXCEPTION_NAMES[number] ?? (number >= 16 ? `IRQ ${number - 16}` : 'reserved');
}

export function decodeXpsr(value: number, core: CoreFeatures): string {
  const flags = ['N', 'Z', 'C', 'V'].map((name, i) => `${name}=${bit(value, 31 - i)}`);
  if (!core.baseline) flags.push(`Q=${bit(value, 27)}`);
  if (core.dsp) flags.push(`GE=0b${((value >>> 16) & 0xf).toString(2).padStart(4, '0')}`);
  flags.push(`T=${bit(value, 24)}`);
  // EPSR.IT/ICI: IT[1:0] in bits 26:25 and IT[7:2] in bits 15:10 (B1.4.2).
  if (!core.baseline) flags.push(`IT/ICI=0x${((((value >>> 10) & 0x3f) << 2) | ((value >>> 25) & 0x3)).toString(16).padStart(2, '0')}`);
  const isr = value & (core.baseline ? 0x3f : 0x1ff);
  flags.push(`ISR=${isr} (${exceptionName(isr)})`);
  return flags.join(' ');
}

export function decodeControl(value: number, core: CoreFeatures): string {
  const fields = [
    `nPRIV=${bit(value, 0)} (${bit(value, 0) ? 'unprivileged' : 'privileged'} in Thread mode)`,
    `SPSEL=${bit(value, 1)} (${bit(value, 1) ? 'PSP' : 'MSP'} in Thread mode)`,
  ];
  if (core.fpu) fields.push(`FPCA=${bit(value, 2)} (${bit(value, 2) ? 'FP context active' : 'no FP context'})`);
  return fields.join(' ');
}

type BitNames = readonly (readonly [number, string])[];

const MMFSR_BITS: BitNames = [
  [0, 'IACCVIOL'],
  [1, 'DACCVIOL'],
  [3, 'MUNSTKERR'],
  [4, 'MSTKERR'],
  [5, 'MLSPERR'],
  [7, 'MMARVALID'],
];
const BFSR_BITS: BitNames = [
  [8, 'IBUSERR'],
  [9, 'PRECISERR'],
  [10, 'IMPRECISERR'],
  [11, 'UNSTKERR'],
  [12, 'STKERR'],
  [13, 'LSPERR'],
  [15, 'BFARVALID'],
];
const UFSR_BITS: BitNames = [
  [16, 'UNDEFINSTR'],
  [17, 'INVSTATE'],
  [18, 'INVPC'],
  [19, 'NOCP'],
  [24, 'UNALIGNED'],
  [25, 'DIVBYZERO'],
];
const HFSR_BITS: BitNames = [
  [1, 'VECTTBL'],
  [30, 'FORCED'],
  [31, 'DEBUGEVT'],
];
const DFSR_BITS: BitNames = [
  [0, 'HALTED'],
  [1, 'BKPT'],
  [2, 'DWTTRAP'],
  [3, 'VCATCH'],
  [4, 'EXTERNAL'],
];

function setBits(value: number, names: BitNames): string {
  const set = names.filter(([n]) => bit(value, n)).map(([, name]) => name);
  return set.length > 0 ? set.join(' ') : 'none';
}

export const CFSR_MMARVALID = 1 << 7;
export const CFSR_BFARVALID = 1 << 15;

export function decodeCfsr(value: number): string {
  return `MMFSR: ${setBits(value, MMFSR_BITS)}; BFSR: ${setBits(value, BFSR_BITS)}; UFSR: ${setBits(value, UFSR_BITS)}`;
}

export function decodeHfsr(value: number): string {
  return setBits(value, HFSR_BITS);
}

export function decodeDfsr(value: number): string {
  return setBits(value, DFSR_BITS);
}
