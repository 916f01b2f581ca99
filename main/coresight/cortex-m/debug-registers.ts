/**
 * System Control Space registers the host uses for halting debug (runtime: plain Node).
 * Addresses and bit positions from the ARMv7-M ARM (DDI0403E) C1.6 "Debug system registers",
 * B3.2 "System Control Space", C1.8 (DWT) and C1.11 (FPB); the ARMv6-M ARM (DDI0419E) C1.6
 * gives the same addresses with fewer fields.
 */

/** CPUID Base Register, B3.2.3. */
export const CPUID = 0xe000ed00;
/** Interrupt Control and State Register, B3.2.4. */
export const ICSR = 0xe000ed04;
/** Vector Table Offset Register, B3.2.5 (optional on ARMv6-M, where it may read as zero). */
export const VTOR = 0xe000ed08;
/** Application Interrupt and Reset Control Register, B3.2.6. */
export const AIRCR = 0xe000ed0c;
/** Debug Fault Status Register, C1.6.1. */
export const DFSR = 0xe000ed30;
/** Coprocessor Access Control Register, B3.2.20. */
export const CPACR = 0xe000ed88;
/** Debug Halting Control and Status Register, C1.6.2. */
export const DHCSR = 0xe000edf0;
/** Debug Core Register Selector Register, C1.6.3. */
export const DCRSR = 0xe000edf4;
/** Debug Core Register Data Register, C1.6.4. */
export const DCRDR = 0xe000edf8;
/** Debug Exception and Monitor Control Register, C1.6.5. */
export const DEMCR = 0xe000edfc;
/** Media and VFP Feature Register 0, B4.1.2 (ARMv7-M with the FP extension). */
export const MVFR0 = 0xe000ef40;

/** DHCSR fields, C1.6.2. Writes must carry DBGKEY in bits [31:16] or they are ignored. */
export const Dhcsr = {
  DBGKEY: 0xa05f << 16,
  C_DEBUGEN: 1 << 0,
  C_HALT: 1 << 1,
  C_STEP: 1 << 2,
  C_MASKINTS: 1 << 3,
  C_SNAPSTALL: 1 << 5,
  S_REGRDY: 1 << 16,
  S_HALT: 1 << 17,
  S_SLEEP: 1 << 18,
  S_LOCKUP: 1 << 19,
  S_RETIRE_ST: 1 << 24,
  S_RESET_ST: 1 << 25,
} as const;

/** DCRSR fields, C1.6.3: REGWnR selects a write, REGSEL the register. */
export const Dcrsr = {
  REGWnR: 1 << 16,
  REGSEL_MASK: 0x7f,
} as const;

/** DEMCR fields, C1.6.5. ARMv6-M implements only TRCENA (DWTENA), VC_HARDERR and VC_CORERESET. */
export const Demcr = {
  VC_CORERESET: 1 << 0,
  VC_MMERR: 1 << 4,
  VC_NOCPERR: 1 << 5,
  VC_CHKERR: 1 << 6,
  VC_STATERR: 1 << 7,
  VC_BUSERR: 1 << 8,
  VC_INTERR: 1 << 9,
  VC_HARDERR: 1 << 10,
  TRCENA: 1 << 24,
} as const;

/** DFSR fields, C1.6.1; each bit is sticky and cleared by writing one to it. */
export const Dfsr = {
  HALTED: 1 << 0,
  BKPT: 1 << 1,
  DWTTRAP: 1 << 2,
  VCATCH: 1 << 3,
  EXTERNAL: 1 << 4,
  ALL: 0x1f,
} as const;

/** AIRCR fields, B3.2.6. VECTRESET exists only on ARMv7-M; writes need VECTKEY. */
export const Aircr = {
  VECTKEY: 0x05fa << 16,
  VECTRESET: 1 << 0,
  VECTCLRACTIVE: 1 << 1,
  SYSRESETREQ: 1 << 2,
} as const;

/** CPACR CP10 and CP11 full-access fields, B3.2.20. */
export const Cpacr = {
  CP10_CP11_FULL: 0xf << 20,
} as const;

/** Flash Patch and Breakpoint unit, C1.11 (and the ARMv6-M BPU, C1.8, same layout as FPB v1). */
export const Fpb = {
  FP_CTRL: 0xe0002000,
  FP_REMAP: 0xe0002004,
  FP_COMP0: 0xe0002008,
  CTRL_ENABLE: 1 << 0,
  CTRL_KEY: 1 << 1,
  /** FPB v1 / BPU can only match addresses in the Code region (C1.11.5). */
  V1_ADDRESS_LIMIT: 0x20000000,
} as const;

/** Data Watchpoint and Trace unit, C1.8. Comparator n sits at a 16-byte stride. */
export const Dwt = {
  DWT_CTRL: 0xe0001000,
  DWT_COMP0: 0xe0001020,
  DWT_MASK0: 0xe0001024,
  DWT_FUNCTION0: 0xe0001028,
  STRIDE: 0x10,
} as const;
