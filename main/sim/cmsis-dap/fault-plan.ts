/**
 * Faults a test can inject into one simulated probe and its target. Every field is optional;
 * times are virtual-clock nanoseconds.
 */
export interface FaultPlan {
  /** The AHB-AP's bus is held from `fromNs` for `durationNs`: AP accesses are answered WAIT. */
  waitStorm?: { fromNs: number; durationNs: number };
  /** Debugger accesses to [start, end) end in a bus error: STICKYERR, then FAULT. */
  faultRanges?: { start: number; end: number }[];
  /** The target has no power (the DP answers nothing): always, or within [fromNs, untilNs). */
  targetUnpowered?: true | { fromNs?: number; untilNs?: number };
  /** The probe disappears from USB after accepting this many packets. */
  unplugAfterPackets?: number;
  /** The response to the `packet`-th command packet (1-based) is damaged or cut short. */
  corruptResponse?: { packet: number; kind: 'corrupt' | 'short' };
  /** nRESET is pulsed (asserted for 100 µs) at this time. */
  targetResetAtNs?: number;
  /** The target's watchdog resets it at this time. */
  watchdogResetAtNs?: number;
  /** Every flash/NVM operation takes this many times its datasheet duration. */
  flashTimingScale?: number;
  /** Every n-th read data phase arrives with a wrong parity bit. */
  readParityErrorEvery?: number;
}

/** Checks a plan and says which field is wrong. */
export function validateFaultPlan(plan: FaultPlan): void {
  const fail = (field: string, why: string): never => {
    throw new Error(`fault plan: ${field} ${why}`);
  };
  const nonNegative = (field: string, value: number | undefined): void => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) fail(field, `must be a non-negative number, got ${value}`);
  };
  const positiveInteger = (field: string, value: number | undefined): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) fail(field, `must be a positive integer, got ${value}`);
  };
  if (plan.waitStorm !== undefined) {
    nonNegative('waitStorm.fromNs', plan.waitStorm.fromNs);
    nonNegative('waitStorm.durationNs', plan.waitStorm.durationNs);
  }
  for (const [i, r] of (plan.faultRanges ?? []).entries()) {
    nonNegative(`faultRanges[${i}].start`, r.start);
    if (!(r.end > r.start && r.end <= 0x1_0000_0000)) fail(`faultRanges[${i}].end`, `must lie above start and at most 0x100000000, got ${r.end}`);
  }
  if (typeof plan.targetUnpowered === 'object') {
    nonNegative('targetUnpowered.fromNs', plan.targetUnpowered.fromNs);
    nonNegative('targetUnpowered.untilNs', plan.targetUnpowered.untilNs);
  }
  nonNegative('unplugAfterPackets', plan.unplugAfterPackets);
  if (plan.corruptResponse !== undefined) {
    positiveInteger('corruptResponse.packet', plan.corruptResponse.packet);
    if (plan.corruptResponse.kind !== 'corrupt' && plan.corruptResponse.kind !== 'short') fail('corruptResponse.kind', `must be 'corrupt' or 'short'`);
  }
  nonNegative('targetResetAtNs', plan.targetResetAtNs);
  nonNegative('watchdogResetAtNs', plan.watchdogResetAtNs);
  if (plan.flashTimingScale !== undefined && !(plan.flashTimingScale > 0)) fail('flashTimingScale', `must be a positive number, got ${plan.flashTimingScale}`);
  positiveInteger('readParityErrorEvery', plan.readParityErrorEvery);
}

/** Whether the target is unpowered at `now` under this plan. */
export function targetUnpoweredAt(plan: FaultPlan, now: number): boolean {
  const u = plan.targetUnpowered;
  if (u === undefined) return false;
  if (u === true) return true;
  return now >= (u.fromNs ?? 0) && now < (u.untilNs ?? Infinity);
}

/** End of the injected bus stall at `now`, or 0 outside it. */
export function waitStormEnd(plan: FaultPlan, now: number): number {
  const w = plan.waitStorm;
  if (w === undefined || now < w.fromNs || now >= w.fromNs + w.durationNs) return 0;
  return w.fromNs + w.durationNs;
}
