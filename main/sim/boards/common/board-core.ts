/**
 * What a board needs from its processor model (main/sim/core/cortex-m.ts implements it).
 * Boards talk to the core only through this, so a peripheral can be exercised with any
 * object of this shape.
 */
export interface CoreStatus {
  readonly halted: boolean;
  readonly sleeping: boolean;
  readonly lockup: boolean;
  readonly inReset: boolean;
}

export interface BoardCore {
  powerOnReset(): void;
  systemReset(): void;
  setResetPin(asserted: boolean): void;
  /** Set by the board: the core asks for a system reset (AIRCR.SYSRESETREQ, ARMv7-M B3.2.6). */
  onSystemResetRequest?: (() => void) | undefined;
  runUntil(timeNs: number): void;
  /** The current bus access takes until `timeNs` (wait states): polling a busy flag costs time, not instructions. */
  stallUntil(timeNs: number): void;
  setIrqPending(irq: number): void;
  setFrequency(hz: number): void;
  readonly status: CoreStatus;
}

/** The part of the core a peripheral may reach: wait states and interrupt lines. */
export interface CoreLink {
  stallUntil(timeNs: number): void;
  setIrqPending(irq: number): void;
}
