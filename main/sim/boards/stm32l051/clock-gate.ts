import type { AccessWidth, BusMaster, BusSlave } from '../../bus/bus-types';

/**
 * A peripheral behind its RCC clock enable. RM0377 7.3 (RCC_IOPENR, RCC_APBxENR): with the
 * clock off the peripheral's registers cannot be accessed; the bus still completes the
 * access, so reads return 0 and writes are lost, which is what firmware that forgets the
 * enable observes on the part.
 */
export class ClockGate implements BusSlave {
  constructor(
    private readonly inner: BusSlave,
    private readonly enabled: () => boolean,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  read(offset: number, width: AccessWidth, master: BusMaster): number {
    return this.enabled() ? this.inner.read(offset, width, master) : 0;
  }

  write(offset: number, width: AccessWidth, value: number, master: BusMaster): boolean {
    return this.enabled() ? this.inner.write(offset, width, value, master) : true;
  }
}
