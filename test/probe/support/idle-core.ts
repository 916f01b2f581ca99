/**
 * A simulated-board core that executes nothing (for DP/AP/memory tests that need no CPU): time
 * simply advances.
 */
import type { BoardCore, CoreFactory, CoreSpec } from '../../../main/sim/boards/index';

class IdleCore implements BoardCore {
  onSystemResetRequest: (() => void) | undefined;
  status = { halted: false, sleeping: false, lockup: false, inReset: false };
  constructor(private readonly spec: CoreSpec) {}
  powerOnReset(): void {}
  systemReset(): void {}
  setResetPin(asserted: boolean): void {
    this.status.inReset = asserted;
  }
  runUntil(timeNs: number): void {
    this.spec.clock.advanceTo(timeNs);
  }
  stallUntil(): void {}
  setIrqPending(): void {}
  setFrequency(): void {}
}

export const idleCore: CoreFactory = (spec) => new IdleCore(spec);
