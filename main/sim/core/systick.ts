/**
 * SysTick, the system timer (ARMv7-M B3.3, ARMv6-M B3.3), counting core clock cycles.
 *
 * The counter is not stepped cycle by cycle: it is computed from the core cycle count, and the
 * core asks for the cycle of the next wrap so that it stops there to raise the exception.
 * Core cycles stop while the core is halted, so the counter does too (as the Cortex-M TRMs
 * describe for halting debug).
 */
export class SysTick {
  private enabled = false;
  private tickInterrupt = false;
  private countFlag = false;
  private reload = 0;
  /** The counter held `loadValue` at cycle `loadCycle` (or holds it, while disabled). */
  private loadCycle = 0;
  private loadValue = 0;
  /** Wraps up to this cycle have been processed. */
  private processedCycle = 0;

  constructor(
    private readonly now: () => number,
    private readonly pend: () => void,
  ) {}

  reset(): void {
    this.enabled = false;
    this.tickInterrupt = false;
    this.countFlag = false;
    this.reload = 0;
    this.loadValue = 0;
    this.loadCycle = this.now();
    this.processedCycle = this.loadCycle;
  }

  /** Counter value at `cycle`: counts down; at 0 it reloads RVR on the next cycle (B3.3.1). */
  private valueAt(cycle: number): number {
    if (!this.enabled) return this.loadValue;
    const k = cycle - this.loadCycle;
    const v = this.loadValue;
    if (v > 0 && k <= v) return v - k;
    if (v === 0 && k === 0) return 0;
    if (this.reload === 0) return 0;
    return this.reload - ((k - v - 1) % (this.reload + 1));
  }

  /** First cycle strictly after `cycle` at which the counter steps from 1 to 0, or Infinity. */
  nextWrapAfter(cycle: number): number {
    if (!this.enabled) return Infinity;
    const v = this.loadValue;
    if (v > 0 && this.loadCycle + v > cycle) return this.loadCycle + v;
    if (this.reload === 0) return Infinity;
    const firstReload = this.loadCycle + v + 1;
    const period = this.reload + 1;
    const firstZero = firstReload + this.reload;
    if (firstZero > cycle) return firstZero;
    return firstZero + period * (Math.floor((cycle - firstZero) / period) + 1);
  }

  /** Processes wraps up to the current cycle: COUNTFLAG, and the SysTick exception with TICKINT. */
  update(): void {
    const now = this.now();
    if (now <= this.processedCycle) return;
    const wrap = this.nextWrapAfter(this.processedCycle);
    this.processedCycle = now;
    if (wrap <= now) {
      this.countFlag = true;
      if (this.tickInterrupt) this.pend();
    }
  }

  /** SYST_CSR (B3.3.3): reading clears COUNTFLAG. CLKSOURCE reads as 1: no reference clock (CALIB.NOREF). */
  readCsr(): number {
    this.update();
    const value = (this.countFlag ? 1 << 16 : 0) | (1 << 2) | (this.tickInterrupt ? 2 : 0) | (this.enabled ? 1 : 0);
    this.countFlag = false;
    return value;
  }

  writeCsr(value: number): void {
    this.update();
    const now = this.now();
    const enable = (value & 1) !== 0;
    if (enable !== this.enabled) {
      this.loadValue = this.valueAt(now);
      this.loadCycle = now;
      this.enabled = enable;
    }
    this.tickInterrupt = (value & 2) !== 0;
  }

  readRvr(): number {
    return this.reload;
  }

  writeRvr(value: number): void {
    this.update();
    const now = this.now();
    this.loadValue = this.valueAt(now);
    this.loadCycle = now;
    this.reload = value & 0xffffff;
  }

  readCvr(): number {
    this.update();
    return this.valueAt(this.now());
  }

  /** Any write clears the counter to 0 and COUNTFLAG (B3.3.5). */
  writeCvr(): void {
    this.update();
    this.loadValue = 0;
    this.loadCycle = this.now();
    this.countFlag = false;
  }

  /** SYST_CALIB (B3.3.6): NOREF=1, SKEW=1, TENMS=0 (no calibration value given). */
  readCalib(): number {
    return 0xc0000000;
  }
}
