import { join } from 'node:path';
import { SystemBus } from '../../bus/system-bus';
import { VirtualClock } from '../../clock/virtual-clock';
import type { BoardCore, CoreLink } from './board-core';
import { BoardIo } from './board-io';
import { BoardLock } from './board-lock';
import { demoImagePath, firmwareRoot, type ImageRegion, loadHexImage } from './firmware-image';
import { FlashTiming } from './flash-timing';
import type { NvmArray } from './nvm-array';
import { NvmStateFile } from './nvm-state-file';
import type { BoardName, BoardOptions, CoreModel, LedInfo, ResetCause } from './sim-board';
import { defaultStateDir } from './state-dir';

/** Host milliseconds between a change of non-volatile memory and its save (a crash loses at most this). */
const SAVE_DELAY_MS = 200;

/** The part-specific facts a board hands to its runtime. */
export interface PartDescription {
  readonly name: BoardName;
  readonly coreModel: CoreModel;
  readonly resetFrequencyHz: number;
  readonly irqCount: number;
  readonly leds: readonly LedInfo[];
}

/**
 * What every board does the same way: owning the clock, bus and core, resets, running, and
 * keeping non-volatile memory on disk under a single-owner lock. A part subclass maps its
 * memories and peripherals and says what a reset does to them.
 */
export abstract class BoardRuntime {
  readonly clock = new VirtualClock();
  readonly bus = new SystemBus();
  readonly io = new BoardIo();
  readonly flashTiming = new FlashTiming();
  readonly label: string;
  readonly leds: readonly LedInfo[];
  readonly stateDir: string | undefined;
  private coreInstance: BoardCore | undefined;
  private lock: BoardLock | undefined;
  private stateFile: NvmStateFile | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private resetCause: ResetCause = 'power-on';
  private resetPinAsserted = false;

  protected constructor(
    protected readonly part: PartDescription,
    protected readonly options: BoardOptions,
  ) {
    this.label = `sim:${part.name}`;
    this.leds = part.leds;
    this.stateDir = options.persist === false ? undefined : (options.stateDir ?? defaultStateDir());
    this.coreHz = part.resetFrequencyHz;
  }

  get core(): BoardCore {
    if (this.coreInstance === undefined) throw new Error(`${this.label}: core not created yet`);
    return this.coreInstance;
  }

  /** The part's non-volatile arrays (saved and restored as a whole). */
  protected abstract nvmArrays(): readonly NvmArray[];
  /** Where each array sits on the bus, for loading images and for stuck-bit injection. */
  protected abstract imageRegions(): readonly ImageRegion[];
  /** Returns every peripheral to its reset state for a reset of the given cause. */
  protected abstract resetPeripherals(cause: ResetCause): void;

  /** The core clock the board last gave the core (Hz). */
  private coreHz: number;

  /**
   * What peripherals reach of the core: wait states and interrupt lines (no-ops before the core
   * exists). A stall also ends the core's current execution batch (by restating its frequency,
   * which CortexM.setFrequency documents as re-basing the batch): during a batch the clock still
   * reads the batch's start time, so a completion a peripheral scheduled from that time may
   * already lie behind the core; ending the batch lets the clock catch up and fire it, so the
   * poll that follows sees the flag change instead of spinning to the end of the batch.
   */
  protected readonly coreLink: CoreLink = {
    stallUntil: (timeNs) => {
      const core = this.coreInstance;
      if (core === undefined) return;
      core.stallUntil(timeNs);
      core.setFrequency(this.coreHz);
    },
    setIrqPending: (irq) => this.coreInstance?.setIrqPending(irq),
  };

  /** Changes the core clock (RCC on the STM32); remembered for the stall above. */
  protected setCoreFrequency(hz: number): void {
    this.coreHz = hz;
    this.coreInstance?.setFrequency(hz);
  }

  /**
   * Brings the board up: takes the lock, restores the saved state (or creates the fresh
   * content), creates the core and powers the board on.
   */
  start(): void {
    const arrays = this.nvmArrays();
    if (this.stateDir !== undefined) {
      this.lock = BoardLock.acquire(join(this.stateDir, `${this.part.name}.lock`), this.label);
      try {
        this.stateFile = new NvmStateFile(this.stateDir, this.part.name);
        if (this.stateFile.exists(arrays)) this.stateFile.load(arrays);
        else {
          this.initialContent(this.options.firmware ?? 'demo');
          this.stateFile.save(arrays, true);
        }
      } catch (err) {
        this.lock.release();
        throw err;
      }
    } else {
      this.initialContent(this.options.firmware ?? 'demo');
    }
    for (const a of arrays) a.onChange(() => this.scheduleSave());
    const createCore = this.options.createCore;
    if (createCore === undefined) throw new Error(`${this.label}: no core factory given`);
    this.coreInstance = createCore({
      model: this.part.coreModel,
      bus: this.bus,
      clock: this.clock,
      frequencyHz: this.part.resetFrequencyHz,
      irqCount: this.part.irqCount,
    });
    this.coreInstance.onSystemResetRequest = () => this.systemReset('sysresetreq');
    this.resetPeripherals('power-on');
    this.coreInstance.powerOnReset();
  }

  /**
   * Replaces the saved state with fresh content (the demo image, or erased memory) without
   * running the board: `--factory-reset` and `--erase-state`. Takes the lock for the duration,
   * so a board in use elsewhere is refused.
   */
  rewriteState(firmware: 'demo' | 'erased'): void {
    if (this.stateDir === undefined) throw new Error(`${this.label}: a board created with persist: false has no saved state`);
    const lock = BoardLock.acquire(join(this.stateDir, `${this.part.name}.lock`), this.label);
    try {
      this.initialContent(firmware);
      new NvmStateFile(this.stateDir, this.part.name).save(this.nvmArrays(), true);
    } finally {
      lock.release();
    }
  }

  /** A fresh board's content: the demo image over erased memory, or erased memory only. */
  private initialContent(firmware: 'demo' | 'erased'): void {
    for (const a of this.nvmArrays()) a.erase(0, a.size);
    this.factoryContent();
    if (firmware === 'demo') {
      loadHexImage(demoImagePath(this.part.name, this.options.firmwareRoot ?? firmwareRoot()), this.imageRegions());
    }
  }

  /** Factory-programmed content outside the user's image (option bytes, UICR defaults). */
  protected factoryContent(): void {}

  runUntil(timeNs: number): void {
    this.core.runUntil(timeNs);
    if (this.clock.now < timeNs) this.clock.advanceTo(timeNs);
  }

  setResetPin(asserted: boolean): void {
    if (asserted === this.resetPinAsserted) return;
    this.resetPinAsserted = asserted;
    this.holdInReset(asserted, 'pin');
  }

  /** Holds (or releases) the whole system in reset; peripherals restart on release. */
  protected holdInReset(asserted: boolean, cause: ResetCause): void {
    this.resetCause = cause;
    this.resetPeripherals(cause);
    this.core.setResetPin(asserted);
  }

  powerOnReset(): void {
    this.resetCause = 'power-on';
    this.resetPeripherals('power-on');
    this.core.powerOnReset();
  }

  /** A reset of the whole system except the debug logic (SYSRESETREQ, watchdog, option load). */
  systemReset(cause: ResetCause): void {
    this.resetCause = cause;
    this.resetPeripherals(cause);
    this.core.systemReset();
  }

  lastResetCause(): ResetCause {
    return this.resetCause;
  }

  injectWatchdogReset(atNs: number): void {
    this.clock.schedule(atNs, () => this.systemReset('watchdog'));
  }

  /** Finds the array holding bus address `address`. */
  protected locate(address: number): { array: NvmArray; offset: number } {
    for (const r of this.imageRegions()) {
      const offset = address - r.base;
      if (offset >= 0 && offset < r.array.size) return { array: r.array, offset };
    }
    throw new Error(`${this.label}: no non-volatile memory at 0x${(address >>> 0).toString(16)}`);
  }

  injectStuckBit(address: number, bit: number, level: 0 | 1 = 1): void {
    const { array, offset } = this.locate(address);
    array.injectStuckBit(offset, bit, level);
  }

  clearStuckBits(): void {
    for (const a of this.nvmArrays()) a.clearStuckBits();
  }

  flush(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.closed || this.stateFile === undefined) return;
    this.stateFile.save(this.nvmArrays());
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.lock?.release();
  }

  private scheduleSave(): void {
    if (this.stateFile === undefined || this.saveTimer !== undefined || this.closed) return;
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }
}
