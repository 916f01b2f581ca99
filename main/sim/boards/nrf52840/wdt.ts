import type { ClockEvent, VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import { RegisterBlock, StorageRegister } from '../common/register-block';
import { IRQ_WDT } from './memory-map';

/** Register offsets (nRF52840 PS, chapter "WDT — Watchdog timer", "Registers"). */
const TASKS_START = 0x000;
const EVENTS_TIMEOUT = 0x100;
const INTENSET = 0x304;
const INTENCLR = 0x308;
const RUNSTATUS = 0x400;
const REQSTATUS = 0x404;
const CRV = 0x504;
const RREN = 0x508;
const CONFIG = 0x50c;
const RR0 = 0x600;

/** The reload request value (PS register RR[n]: Reload = 0x6E524635). */
export const WDT_RELOAD_VALUE = 0x6e52_4635;
/** The watchdog counts the 32.768 kHz low-frequency clock. */
const LFCLK_HZ = 32_768;
/** PS "Watchdog reset": the reset follows the TIMEOUT event by two 32.768 kHz clock cycles. */
const RESET_DELAY_TICKS = 2;

/**
 * The watchdog (nRF52840 PS "WDT"). Once started it cannot be stopped; CRV, RREN and CONFIG are
 * then read-only. The timeout is (CRV + 1) / 32768 s; writing the reload value to every
 * enabled RR[n] restarts it. On timeout it raises TIMEOUT (and its interrupt when enabled) and
 * resets the system two LFCLK cycles later. CONFIG.HALT/SLEEP are stored; this model keeps
 * counting whatever the CPU does (the reset value's behaviour for HALT).
 */
export class Wdt {
  readonly registers = new RegisterBlock('WDT');
  private readonly crv = new StorageRegister(0xffffffff);
  private readonly rren = new StorageRegister(0x1, 0xff);
  private readonly config = new StorageRegister(0x1, 0x9);
  private running = false;
  private reqStatus = 0x1;
  private timeoutEvent = 0;
  private inten = 0;
  private deadline: ClockEvent | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly core: CoreLink,
    private readonly onWatchdogReset: () => void,
  ) {
    const r = this.registers;
    r.defineFn(TASKS_START, () => 0, (v) => {
      if ((v & 1) === 1 && !this.running) {
        this.running = true;
        this.reload();
      }
    });
    r.defineFn(EVENTS_TIMEOUT, () => this.timeoutEvent, (v) => {
      this.timeoutEvent = v & 1;
    });
    r.defineFn(INTENSET, () => this.inten, (v) => {
      this.inten |= v & 1;
    });
    r.defineFn(INTENCLR, () => this.inten, (v) => {
      this.inten &= ~v;
    });
    r.defineFn(RUNSTATUS, () => (this.running ? 1 : 0));
    r.defineFn(REQSTATUS, () => this.reqStatus);
    for (const [offset, reg] of [
      [CRV, this.crv],
      [RREN, this.rren],
      [CONFIG, this.config],
    ] as const) {
      r.defineFn(offset, () => reg.read(), (v, m) => {
        if (!this.running) reg.write(v, m);
      });
    }
    for (let n = 0; n < 8; n++) {
      r.defineFn(RR0 + 4 * n, () => 0, (v) => this.reloadRequest(n, v));
    }
  }

  reset(): void {
    if (this.deadline !== undefined) this.clock.cancel(this.deadline);
    this.deadline = undefined;
    this.running = false;
    this.crv.reset();
    this.rren.reset();
    this.config.reset();
    this.reqStatus = 0x1;
    this.timeoutEvent = 0;
    this.inten = 0;
  }

  private reloadRequest(n: number, value: number): void {
    if (!this.running || (this.rren.value & (1 << n)) === 0 || value >>> 0 !== WDT_RELOAD_VALUE) return;
    this.reqStatus &= ~(1 << n);
    if ((this.reqStatus & this.rren.value) === 0) this.reload();
  }

  private reload(): void {
    this.reqStatus = this.rren.value;
    if (this.deadline !== undefined) this.clock.cancel(this.deadline);
    const periodNs = ((this.crv.value + 1) * 1e9) / LFCLK_HZ;
    this.deadline = this.clock.after(periodNs, () => this.expire());
  }

  private expire(): void {
    this.timeoutEvent = 1;
    if ((this.inten & 1) !== 0) this.core.setIrqPending(IRQ_WDT);
    this.deadline = this.clock.after((RESET_DELAY_TICKS * 1e9) / LFCLK_HZ, () => {
      this.deadline = undefined;
      this.onWatchdogReset();
    });
  }
}
