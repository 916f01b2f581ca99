/**
 * Core run state and halt reason as DHCSR and DFSR report them (ARMv7-M ARM C1.6.1, C1.6.2).
 * Names follow pyOCD's Target.State and Target.HaltReason so the user-script facade can map them.
 */
import { Dfsr, Dhcsr } from './debug-registers';

export const CoreState = {
  Running: 'running',
  Halted: 'halted',
  Sleeping: 'sleeping',
  LockedUp: 'lockedUp',
  Reset: 'reset',
} as const;
export type CoreState = (typeof CoreState)[keyof typeof CoreState];

/**
 * State from two DHCSR reads. S_RESET_ST is sticky (set when the core was reset since the last
 * read), so a core is reported as held in reset only when a second read still shows it.
 */
export function coreStateFromDhcsr(first: number, second?: number): CoreState {
  if (first & Dhcsr.S_RESET_ST && (second === undefined || second & Dhcsr.S_RESET_ST)) return CoreState.Reset;
  const value = second ?? first;
  if (value & Dhcsr.S_LOCKUP) return CoreState.LockedUp;
  if (value & Dhcsr.S_HALT) return CoreState.Halted;
  if (value & Dhcsr.S_SLEEP) return CoreState.Sleeping;
  return CoreState.Running;
}

export const HaltReason = {
  /** A debugger halt request (C_HALT) or the end of a single step: DFSR.HALTED. */
  Debug: 'debug',
  /** A single step requested by the host completed (DFSR.HALTED after C_STEP). */
  Step: 'step',
  Breakpoint: 'breakpoint',
  Watchpoint: 'watchpoint',
  VectorCatch: 'vectorCatch',
  External: 'external',
  Unknown: 'unknown',
} as const;
export type HaltReason = (typeof HaltReason)[keyof typeof HaltReason];

/**
 * Reason from DFSR. Several bits can be set together (e.g. a breakpoint hit while stepping); the
 * most specific event wins, the order pyOCD uses: watchpoint, breakpoint, halt/step, vector catch,
 * external.
 */
export function haltReasonFromDfsr(dfsr: number, lastRequestWasStep: boolean): HaltReason {
  if (dfsr & Dfsr.DWTTRAP) return HaltReason.Watchpoint;
  if (dfsr & Dfsr.BKPT) return HaltReason.Breakpoint;
  if (dfsr & Dfsr.HALTED) return lastRequestWasStep ? HaltReason.Step : HaltReason.Debug;
  if (dfsr & Dfsr.VCATCH) return HaltReason.VectorCatch;
  if (dfsr & Dfsr.EXTERNAL) return HaltReason.External;
  return HaltReason.Unknown;
}
