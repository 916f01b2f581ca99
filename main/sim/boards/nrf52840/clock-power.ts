import { BusMaster } from '../../bus/bus-types';
import type { ClockEvent, VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import { RegisterBlock, StorageRegister } from '../common/register-block';
import type { ResetCause } from '../common/sim-board';
import { IRQ_POWER_CLOCK } from './memory-map';

/** CLOCK register offsets (nRF52840 PS, chapter "CLOCK — Clock control", "Registers"). */
const TASKS_HFCLKSTART = 0x000;
const TASKS_HFCLKSTOP = 0x004;
const TASKS_LFCLKSTART = 0x008;
const TASKS_LFCLKSTOP = 0x00c;
const TASKS_CAL = 0x010;
const EVENTS_HFCLKSTARTED = 0x100;
const EVENTS_LFCLKSTARTED = 0x104;
const EVENTS_DONE = 0x10c;
const INTENSET = 0x304;
const INTENCLR = 0x308;
const HFCLKRUN = 0x408;
const HFCLKSTAT = 0x40c;
const LFCLKRUN = 0x414;
const LFCLKSTAT = 0x418;
const LFCLKSRCCOPY = 0x41c;
const LFCLKSRC = 0x518;

/** POWER register offsets (PS, chapter "POWER — Power supply", "Registers"); same peripheral ID 0. */
const TASKS_CONSTLAT = 0x078;
const TASKS_LOWPWR = 0x07c;
const EVENTS_POFWARN = 0x108;
const EVENTS_SLEEPENTER = 0x114;
const EVENTS_SLEEPEXIT = 0x118;
const RESETREAS = 0x400;
const USBREGSTATUS = 0x438;
const SYSTEMOFF = 0x500;
const POFCON = 0x510;
const GPREGRET = 0x51c;
const GPREGRET2 = 0x520;
const DCDCEN = 0x578;
const DCDCEN0 = 0x580;
const MAINREGSTATUS = 0x640;
const RAM_POWER = 0x900;

/**
 * Oscillator start-up times: the PS electrical specifications give typical values that depend
 * on the crystal — HFXO tSTART,HFXO 0.36 ms (32 MHz crystal), LFXO tSTART,LFXO 0.25 s,
 * LFRC tSTART,LFRC 0.6 ms; the synthesized LFCLK starts once HFCLK runs.
 */
const T_START_HFXO_NS = 360_000;
const T_START_LFXO_NS = 250_000_000;
const T_START_LFRC_NS = 600_000;
const T_START_LFSYNT_NS = 360_000;

/** RESETREAS bits (PS register RESETREAS). */
const RESETREAS_RESETPIN = 1 << 0;
const RESETREAS_DOG = 1 << 1;
/** SREQ also records the CTRL-AP soft reset (PS, CTRL-AP register RESET). */
const RESETREAS_SREQ = 1 << 2;

/**
 * CLOCK and POWER, which share peripheral ID 0 at 0x40000000: HFCLK/LFCLK start and stop with
 * their STARTED events after the oscillator start-up time, the run/status registers, and the
 * POWER registers firmware touches at start-up (reset reason, retention registers, DC/DC
 * enables, RAM power). The core clock is 64 MHz whichever HFCLK source runs (PS "HFCLK
 * controller"), so the source changes only the status registers.
 */
export class ClockPower {
  readonly registers = new RegisterBlock('CLOCK/POWER');
  private hfclkRun = 0;
  private hfxoRunning = false;
  private lfclkRun = 0;
  private lfclkRunning = false;
  private lfclkSrcCopy = 0;
  private readonly lfclkSrc = new StorageRegister(0, 0x0003_0003);
  private readonly events = new Map<number, number>();
  private inten = 0;
  private resetReason = 0;
  private readonly retained = { gpregret: 0, gpregret2: 0 };
  private readonly pofcon = new StorageRegister(0, 0x0000_0f1f);
  private readonly dcdcen = new StorageRegister(0, 1);
  private readonly dcdcen0 = new StorageRegister(0, 1);
  private readonly ramPower: StorageRegister[] = [];
  private readonly pending: ClockEvent[] = [];
  /** Event register offset → time its start-up ends. */
  private readonly starting = new Map<number, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly core: CoreLink,
  ) {
    const r = this.registers;
    const task = (offset: number, run: () => void): void =>
      r.defineFn(offset, () => 0, (v) => {
        if ((v & 1) !== 0) run();
      });
    task(TASKS_HFCLKSTART, () => this.startHfxo());
    task(TASKS_HFCLKSTOP, () => {
      this.hfxoRunning = false;
      this.hfclkRun = 0;
    });
    task(TASKS_LFCLKSTART, () => this.startLfclk());
    task(TASKS_LFCLKSTOP, () => {
      this.lfclkRunning = false;
      this.lfclkRun = 0;
    });
    task(TASKS_CAL, () => this.after(EVENTS_DONE, T_START_LFRC_NS, () => this.raise(EVENTS_DONE, 1 << 3)));
    task(TASKS_CONSTLAT, () => undefined);
    task(TASKS_LOWPWR, () => undefined);
    for (const e of [EVENTS_HFCLKSTARTED, EVENTS_LFCLKSTARTED, EVENTS_DONE, EVENTS_POFWARN, EVENTS_SLEEPENTER, EVENTS_SLEEPEXIT]) {
      r.defineFn(e, (master) => this.readEvent(e, master), (v) => {
        this.events.set(e, v & 1);
      });
    }
    r.defineFn(INTENSET, () => this.inten, (v) => {
      this.inten |= v;
    });
    r.defineFn(INTENCLR, () => this.inten, (v) => {
      this.inten &= ~v;
    });
    r.defineFn(HFCLKRUN, () => this.hfclkRun);
    // HFCLKSTAT: SRC (bit 0, 1 = Xtal) and STATE (bit 16, always running: the CPU needs it).
    r.defineFn(HFCLKSTAT, () => (this.hfxoRunning ? 1 : 0) | (1 << 16));
    r.defineFn(LFCLKRUN, () => this.lfclkRun);
    r.defineFn(LFCLKSTAT, () => (this.lfclkRunning ? (this.lfclkSrcCopy & 3) | (1 << 16) : 0));
    r.defineFn(LFCLKSRCCOPY, () => this.lfclkSrcCopy);
    r.define(LFCLKSRC, this.lfclkSrc);

    r.defineFn(RESETREAS, () => this.resetReason, (v) => {
      this.resetReason &= ~v;
    });
    r.defineFn(USBREGSTATUS, () => 0);
    r.defineFn(SYSTEMOFF, () => 0, () => undefined);
    r.define(POFCON, this.pofcon);
    r.defineFn(GPREGRET, () => this.retained.gpregret, (v, m) => {
      this.retained.gpregret = ((this.retained.gpregret & ~m) | (v & m)) & 0xff;
    });
    r.defineFn(GPREGRET2, () => this.retained.gpregret2, (v, m) => {
      this.retained.gpregret2 = ((this.retained.gpregret2 & ~m) | (v & m)) & 0xff;
    });
    r.define(DCDCEN, this.dcdcen);
    r.define(DCDCEN0, this.dcdcen0);
    r.defineFn(MAINREGSTATUS, () => 0);
    // RAM[n].POWER / POWERSET / POWERCLR for the nine RAM blocks; reset value 0xFFFF (all on).
    for (let n = 0; n < 9; n++) {
      const reg = new StorageRegister(0xffff, 0xffff_ffff);
      this.ramPower.push(reg);
      const base = RAM_POWER + 0x10 * n;
      r.define(base, reg);
      r.defineFn(base + 4, () => reg.value, (v) => {
        reg.value = (reg.value | v) >>> 0;
      });
      r.defineFn(base + 8, () => reg.value, (v) => {
        reg.value = (reg.value & ~v) >>> 0;
      });
    }
  }

  /** Resets the registers and records why (RESETREAS accumulates until software clears it). */
  reset(cause: ResetCause): void {
    for (const e of this.pending) this.clock.cancel(e);
    this.pending.length = 0;
    this.starting.clear();
    this.hfclkRun = 0;
    this.hfxoRunning = false;
    this.lfclkRun = 0;
    this.lfclkRunning = false;
    this.lfclkSrcCopy = 0;
    this.lfclkSrc.reset();
    this.events.clear();
    this.inten = 0;
    this.pofcon.reset();
    this.dcdcen.reset();
    this.dcdcen0.reset();
    for (const reg of this.ramPower) reg.reset();
    if (cause === 'power-on') {
      // RESETREAS reads 0 after power-on; GPREGRET/GPREGRET2 are retained through every other reset.
      this.resetReason = 0;
      this.retained.gpregret = 0;
      this.retained.gpregret2 = 0;
    } else {
      this.resetReason |= { pin: RESETREAS_RESETPIN, watchdog: RESETREAS_DOG, sysresetreq: RESETREAS_SREQ, debug: RESETREAS_SREQ, 'option-load': 0 }[cause];
    }
  }

  /**
   * An event register; a core polling a STARTED event while its oscillator is starting waits
   * for it in one stall, so the polling loop costs virtual time, not instructions.
   */
  private readEvent(event: number, master: BusMaster): number {
    const value = this.events.get(event) ?? 0;
    const startingUntil = this.starting.get(event);
    if (value === 0 && master === BusMaster.Core && startingUntil !== undefined) this.core.stallUntil(startingUntil);
    return value;
  }

  private startHfxo(): void {
    this.hfclkRun = 1;
    this.after(EVENTS_HFCLKSTARTED, T_START_HFXO_NS, () => {
      this.hfxoRunning = true;
      this.raise(EVENTS_HFCLKSTARTED, 1 << 0);
    });
  }

  private startLfclk(): void {
    this.lfclkRun = 1;
    this.lfclkSrcCopy = this.lfclkSrc.value & 3;
    const t = [T_START_LFRC_NS, T_START_LFXO_NS, T_START_LFSYNT_NS][this.lfclkSrcCopy] ?? T_START_LFRC_NS;
    this.after(EVENTS_LFCLKSTARTED, t, () => {
      this.lfclkRunning = true;
      this.raise(EVENTS_LFCLKSTARTED, 1 << 1);
    });
  }

  /** Schedules the end of a start-up that will raise `event`. */
  private after(event: number, ns: number, run: () => void): void {
    const e = this.clock.after(ns, () => {
      this.pending.splice(this.pending.indexOf(e), 1);
      this.starting.delete(event);
      run();
    });
    this.pending.push(e);
    this.starting.set(event, e.at);
  }

  private raise(event: number, intenBit: number): void {
    this.events.set(event, 1);
    if ((this.inten & intenBit) !== 0) this.core.setIrqPending(IRQ_POWER_CLOCK);
  }
}
