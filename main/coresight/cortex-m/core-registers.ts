/**
 * Core registers reachable through DCRSR.REGSEL (ARMv7-M ARM C1.6.3 Table C1-12, ARMv6-M ARM
 * C1.6.3). PRIMASK, BASEPRI, FAULTMASK and CONTROL share one transfer register (REGSEL 0x14), so
 * they are modelled as byte fields of it; the FP registers exist only with the FP extension.
 */

export interface CoreRegisterInfo {
  readonly name: string;
  /** DCRSR.REGSEL value of the transfer register that holds this register. */
  readonly regsel: number;
  /** Bit offset inside the transfer register, for the packed special registers. */
  readonly shift: number;
  /** Width in bits of the field (32 for whole registers). */
  readonly bits: number;
  readonly group: 'general' | 'special' | 'fpu';
}

const REGSEL_CFBP = 0x14;
const REGSEL_FPSCR = 0x21;
const REGSEL_S0 = 0x40;

function whole(name: string, regsel: number, group: CoreRegisterInfo['group']): CoreRegisterInfo {
  return { name, regsel, shift: 0, bits: 32, group };
}

function packed(name: string, shift: number): CoreRegisterInfo {
  return { name, regsel: REGSEL_CFBP, shift, bits: 8, group: 'special' };
}

const GENERAL: CoreRegisterInfo[] = [
  ...Array.from({ length: 13 }, (_, i) => whole(`r${i}`, i, 'general')),
  whole('sp', 13, 'general'),
  whole('lr', 14, 'general'),
  whole('pc', 15, 'general'),
  whole('xpsr', 16, 'general'),
  whole('msp', 17, 'special'),
  whole('psp', 18, 'special'),
  packed('primask', 0),
  packed('basepri', 8),
  packed('faultmask', 16),
  packed('control', 24),
];

const FPU: CoreRegisterInfo[] = [
  whole('fpscr', REGSEL_FPSCR, 'fpu'),
  ...Array.from({ length: 32 }, (_, i) => whole(`s${i}`, REGSEL_S0 + i, 'fpu')),
];

/** Registers that only ARMv7-M (and Mainline) implements: BASEPRI and FAULTMASK (B1.4.3). */
const MAINLINE_ONLY = new Set(['basepri', 'faultmask']);

const ALIASES: ReadonlyMap<string, string> = new Map([
  ['r13', 'sp'],
  ['r14', 'lr'],
  ['r15', 'pc'],
]);

export interface CoreRegisterSet {
  readonly registers: readonly CoreRegisterInfo[];
  lookup(name: string): CoreRegisterInfo;
}

/** The register set of one core, given its architecture profile and whether it has an FPU. */
export function coreRegisterSet(options: { baseline: boolean; hasFpu: boolean }): CoreRegisterSet {
  const registers = [
    ...GENERAL.filter((r) => !(options.baseline && MAINLINE_ONLY.has(r.name))),
    ...(options.hasFpu ? FPU : []),
  ];
  const byName = new Map(registers.map((r) => [r.name, r]));
  return {
    registers,
    lookup(name: string): CoreRegisterInfo {
      const key = name.toLowerCase();
      const info = byName.get(ALIASES.get(key) ?? key);
      if (!info) {
        throw new RangeError(`Unknown core register "${name}"; this core has: ${registers.map((r) => r.name).join(', ')}`);
      }
      return info;
    },
  };
}
