/**
 * The processor models the simulator offers, with the identification values and optional
 * features of each one's Technical Reference Manual (runtime: plain Node).
 */

export type CoreModelName = 'cortex-m0' | 'cortex-m0plus' | 'cortex-m3' | 'cortex-m4' | 'cortex-m4f';

export type Architecture = 'v6m' | 'v7m';

/** CoreSight peripheral ID bytes PIDR0..PIDR4 of one component (CoreSight Architecture D1.2.2). */
export type PeripheralId = readonly [number, number, number, number, number];

export interface CoreModel {
  readonly name: CoreModelName;
  readonly architecture: Architecture;
  /** CPUID (ARMv7-M B3.2.3 / ARMv6-M B3.2.3) as the model's TRM gives it. */
  readonly cpuid: number;
  /** Instruction-address comparators of the FPB (v7-M) or BPU (v6-M). */
  readonly codeComparators: number;
  /** Literal-address comparators of the FPB (v7-M only). */
  readonly literalComparators: number;
  readonly dwtComparators: number;
  /** The VTOR register is implemented (ARMv6-M makes it optional; the M0+ has it, the M0 not). */
  readonly hasVtor: boolean;
  readonly hasFpu: boolean;
  /** ITM and TPIU (v7-M trace); the M4 also answers the ETM's ID space. */
  readonly hasItm: boolean;
  readonly hasEtm: boolean;
  /** Peripheral IDs of the ROM table and of each debug component (CoreSight part numbers from the TRMs). */
  readonly pid: {
    readonly romTable: PeripheralId;
    readonly scs: PeripheralId;
    readonly dwt: PeripheralId;
    readonly fpb: PeripheralId;
    readonly itm?: PeripheralId;
    readonly tpiu?: PeripheralId;
    readonly etm?: PeripheralId;
  };
}

/**
 * Cortex-M0 r0p0 (DDI 0432C): CPUID 0x410CC200; BPU with 4 comparators and DWT with 2, the maximum
 * configuration; no VTOR. Part numbers: ROM table 0x471, SCS 0x008, DWT 0x00A, BPU 0x00B.
 */
const cortexM0: CoreModel = {
  name: 'cortex-m0',
  architecture: 'v6m',
  cpuid: 0x410cc200,
  codeComparators: 4,
  literalComparators: 0,
  dwtComparators: 2,
  hasVtor: false,
  hasFpu: false,
  hasItm: false,
  hasEtm: false,
  pid: {
    romTable: [0x71, 0xb4, 0x0b, 0x00, 0x04],
    scs: [0x08, 0xb0, 0x0b, 0x00, 0x04],
    dwt: [0x0a, 0xb0, 0x0b, 0x00, 0x04],
    fpb: [0x0b, 0xb0, 0x0b, 0x00, 0x04],
  },
};

/**
 * Cortex-M0+ r0p1 (DDI 0484C): CPUID 0x410CC601; 4 breakpoint and 2 watchpoint comparators; the
 * VTOR option is present (as on the STM32L0). Part numbers: ROM table 0x4C0, SCS 0x008, DWT 0x00A, BPU 0x00B.
 */
const cortexM0plus: CoreModel = {
  name: 'cortex-m0plus',
  architecture: 'v6m',
  cpuid: 0x410cc601,
  codeComparators: 4,
  literalComparators: 0,
  dwtComparators: 2,
  hasVtor: true,
  hasFpu: false,
  hasItm: false,
  hasEtm: false,
  pid: {
    romTable: [0xc0, 0xb4, 0x0b, 0x00, 0x04],
    scs: [0x08, 0xb0, 0x0b, 0x00, 0x04],
    dwt: [0x0a, 0xb0, 0x0b, 0x00, 0x04],
    fpb: [0x0b, 0xb0, 0x0b, 0x00, 0x04],
  },
};

/**
 * Cortex-M3 r2p1 (DDI 0337I): CPUID 0x412FC231; FPB with 6 instruction and 2 literal comparators,
 * DWT with 4. Part numbers: ROM table 0x4C3, SCS 0x000, ITM 0x001, DWT 0x002, FPB 0x003, TPIU 0x923.
 */
const cortexM3: CoreModel = {
  name: 'cortex-m3',
  architecture: 'v7m',
  cpuid: 0x412fc231,
  codeComparators: 6,
  literalComparators: 2,
  dwtComparators: 4,
  hasVtor: true,
  hasFpu: false,
  hasItm: true,
  hasEtm: false,
  pid: {
    romTable: [0xc3, 0xb4, 0x0b, 0x00, 0x04],
    scs: [0x00, 0xb0, 0x0b, 0x00, 0x04],
    dwt: [0x02, 0xb0, 0x3b, 0x00, 0x04],
    fpb: [0x03, 0xb0, 0x2b, 0x00, 0x04],
    itm: [0x01, 0xb0, 0x3b, 0x00, 0x04],
    tpiu: [0x23, 0xb9, 0x0b, 0x00, 0x04],
  },
};

/**
 * Cortex-M4 r0p1 (DDI 0439B): CPUID 0x410FC241; FPB 6+2, DWT 4 comparators. Part numbers:
 * ROM table 0x4C4, SCS 0x00C, ITM 0x001, DWT 0x002, FPB 0x003, TPIU 0x9A1, ETM 0x925.
 */
const cortexM4: CoreModel = {
  name: 'cortex-m4',
  architecture: 'v7m',
  cpuid: 0x410fc241,
  codeComparators: 6,
  literalComparators: 2,
  dwtComparators: 4,
  hasVtor: true,
  hasFpu: false,
  hasItm: true,
  hasEtm: true,
  pid: {
    romTable: [0xc4, 0xb4, 0x0b, 0x00, 0x04],
    scs: [0x0c, 0xb0, 0x0b, 0x00, 0x04],
    dwt: [0x02, 0xb0, 0x3b, 0x00, 0x04],
    fpb: [0x03, 0xb0, 0x2b, 0x00, 0x04],
    itm: [0x01, 0xb0, 0x3b, 0x00, 0x04],
    tpiu: [0xa1, 0xb9, 0x0b, 0x00, 0x04],
    etm: [0x25, 0xb9, 0x4b, 0x00, 0x04],
  },
};

/** The M4 with its FPv4-SP floating-point unit (DDI 0439B chapter 7). */
const cortexM4f: CoreModel = { ...cortexM4, name: 'cortex-m4f', hasFpu: true };

export const CORE_MODELS: Readonly<Record<CoreModelName, CoreModel>> = {
  'cortex-m0': cortexM0,
  'cortex-m0plus': cortexM0plus,
  'cortex-m3': cortexM3,
  'cortex-m4': cortexM4,
  'cortex-m4f': cortexM4f,
};
