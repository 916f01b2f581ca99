/**
 * Durations of non-volatile memory operations on the virtual clock. Each board gives the
 * datasheet figures; `scale` stretches every one of them for the fault-injection case
 * "flash timing scaled up" (issue 6, item 8), so host code's timeouts and busy polling can be
 * exercised against a slow part.
 */
export class FlashTiming {
  private factor = 1;

  get scale(): number {
    return this.factor;
  }

  set scale(factor: number) {
    if (!(factor > 0) || !Number.isFinite(factor)) throw new Error(`flash timing scale must be a positive number, got ${factor}`);
    this.factor = factor;
  }

  /** `datasheetNs` scaled by the current factor. */
  duration(datasheetNs: number): number {
    return datasheetNs * this.factor;
  }
}
