/**
 * Exception numbers and fault status bits of the M profile (ARMv7-M B1.5.2 and B3.2.15-B3.2.18;
 * ARMv6-M B1.5.2), shared by the executor, the exception unit and the SCS registers.
 */

export const enum Exception {
  Reset = 1,
  Nmi = 2,
  HardFault = 3,
  MemManage = 4,
  BusFault = 5,
  UsageFault = 6,
  SvCall = 11,
  DebugMonitor = 12,
  PendSv = 14,
  SysTick = 15,
  /** External interrupt 0; IRQ n is exception 16 + n. */
  Irq0 = 16,
}

/** CFSR bits (ARMv7-M B3.2.15): MMFSR [7:0], BFSR [15:8], UFSR [31:16]. */
export const enum Cfsr {
  IaccViol = 1 << 0,
  DaccViol = 1 << 1,
  MUnstkErr = 1 << 3,
  MStkErr = 1 << 4,
  MmarValid = 1 << 7,
  IBusErr = 1 << 8,
  PreciseErr = 1 << 9,
  ImpreciseErr = 1 << 10,
  UnstkErr = 1 << 11,
  StkErr = 1 << 12,
  BfarValid = 1 << 15,
  UndefInstr = 1 << 16,
  InvState = 1 << 17,
  InvPc = 1 << 18,
  NoCp = 1 << 19,
  Unaligned = 1 << 24,
  DivByZero = 1 << 25,
}

/** HFSR bits (ARMv7-M B3.2.16). */
export const enum Hfsr {
  VectTbl = 1 << 1,
  Forced = 1 << 30,
  DebugEvt = 1 << 31,
}

/** DFSR bits (ARMv7-M C1.6.1, ARMv6-M C1.6.1). */
export const enum Dfsr {
  Halted = 1 << 0,
  Bkpt = 1 << 1,
  DwtTrap = 1 << 2,
  VCatch = 1 << 3,
  External = 1 << 4,
}

/** DEMCR bits (ARMv7-M C1.6.5; ARMv6-M has VC_CORERESET, VC_HARDERR and DWTENA in bit 24). */
export const enum Demcr {
  VcCoreReset = 1 << 0,
  VcMmErr = 1 << 4,
  VcNoCpErr = 1 << 5,
  VcChkErr = 1 << 6,
  VcStatErr = 1 << 7,
  VcBusErr = 1 << 8,
  VcIntErr = 1 << 9,
  VcHardErr = 1 << 10,
  MonEn = 1 << 16,
  MonPend = 1 << 17,
  MonStep = 1 << 18,
  MonReq = 1 << 19,
  TrcEna = 1 << 24,
}
