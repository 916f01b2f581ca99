import type { VirtualClock } from '../../../main/sim/clock/virtual-clock';
import type { BoardCore, CoreFactory, CoreSpec } from '../../../main/sim/boards';

/**
 * A core that executes nothing and records what the board asked of it: for testing
 * peripherals through the bus with exact control of virtual time.
 */
export class RecordingCore implements BoardCore {
  readonly stalls: number[] = [];
  readonly irqs: number[] = [];
  readonly frequencies: number[] = [];
  readonly resets: string[] = [];
  onSystemResetRequest: (() => void) | undefined;
  status = { halted: false, sleeping: false, lockup: false, inReset: false };
  private readonly clock: VirtualClock;

  constructor(readonly spec: CoreSpec) {
    this.clock = spec.clock;
    this.frequencies.push(spec.frequencyHz);
  }

  powerOnReset(): void {
    this.resets.push('power-on');
  }

  systemReset(): void {
    this.resets.push('system');
  }

  setResetPin(asserted: boolean): void {
    this.status.inReset = asserted;
    this.resets.push(asserted ? 'pin-asserted' : 'pin-released');
  }

  runUntil(timeNs: number): void {
    this.clock.advanceTo(timeNs);
  }

  stallUntil(timeNs: number): void {
    this.stalls.push(timeNs);
  }

  setIrqPending(irq: number): void {
    this.irqs.push(irq);
  }

  setFrequency(hz: number): void {
    this.frequencies.push(hz);
  }
}

/** A core factory that keeps the created core for inspection. */
export function recordingCores(): { factory: CoreFactory; cores: RecordingCore[] } {
  const cores: RecordingCore[] = [];
  return {
    cores,
    factory: (spec) => {
      const core = new RecordingCore(spec);
      cores.push(core);
      return core;
    },
  };
}
