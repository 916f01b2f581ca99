import type { SystemBus } from '../../bus/system-bus';
import type { VirtualClock } from '../../clock/virtual-clock';
import type { BoardCore } from './board-core';
import type { BoardIo } from './board-io';
import type { FlashTiming } from './flash-timing';

/** The boards the simulator models. */
export type BoardName = 'nrf52840' | 'stm32l051';

/** Processor models a board asks its core factory for (Cortex-M TRMs). */
export type CoreModel = 'cortex-m4f' | 'cortex-m0plus';

/** What a board asks of its core factory: exactly the options of `new CortexM(...)`. */
export interface CoreSpec {
  readonly model: CoreModel;
  readonly bus: SystemBus;
  readonly clock: VirtualClock;
  readonly frequencyHz: number;
  readonly irqCount: number;
}

export type CoreFactory = (spec: CoreSpec) => BoardCore;

/** An LED of the evaluation board the simulated part sits on. */
export interface LedInfo {
  readonly name: string;
  readonly port: string;
  readonly pin: number;
  /** The LED lights when the pin drives 0. */
  readonly activeLow: boolean;
}

/** Why the system was last reset (what the part's own reset-reason register records). */
export type ResetCause = 'power-on' | 'pin' | 'sysresetreq' | 'watchdog' | 'debug' | 'option-load';

/** Fault-injection and inspection hooks shared by every board (issue 6, item 8). */
export interface CommonDebugHooks {
  /** Multiplies every flash/NVM operation time ("flash timing scaled up"); 1 = datasheet. */
  readonly flashTiming: FlashTiming;
  /**
   * Fault injection: bit `bit` (0–7) of the non-volatile byte at bus address `address`
   * stays at `level` (default 1) after every program and erase, as a worn cell would.
   */
  injectStuckBit(address: number, bit: number, level?: 0 | 1): void;
  clearStuckBits(): void;
  /** Fault injection: the watchdog resets the system at virtual time `atNs`. */
  injectWatchdogReset(atNs: number): void;
  /** The cause of the most recent reset. */
  lastResetCause(): ResetCause;
}

/** The nRF52840 CTRL-AP operations (nRF52840 PS, CTRL-AP chapter) as the debug port reaches them. */
export interface NrfCtrlApHooks {
  /** CTRL-AP RESET register: 1 holds the whole device in reset (soft reset), 0 releases it. */
  setReset(asserted: boolean): void;
  /** The value last written to RESET (0 or 1). */
  readonly resetRegister: number;
  /** CTRL-AP ERASEALL: erases flash, UICR and RAM; ERASEALLSTATUS reads busy until it ends. */
  eraseAll(): void;
  /** ERASEALLSTATUS: 1 while an ERASEALL is in progress. */
  readonly eraseAllStatus: number;
  /** APPROTECTSTATUS: 1 when access port protection is not enabled, 0 when it is. */
  readonly apProtectStatus: number;
}

export interface Nrf52840DebugHooks extends CommonDebugHooks {
  readonly ctrlAp: NrfCtrlApHooks;
  /** False while UICR.APPROTECT closed the AHB-AP at the last reset and no ERASEALL has run since. */
  ahbApEnabled(): boolean;
}

export interface Stm32l051DebugHooks extends CommonDebugHooks {
  /** The read protection level in force (loaded from the option bytes at the last reset). */
  rdpLevel(): 0 | 1 | 2;
}

/**
 * A simulated board: a part's memories and peripherals on a SystemBus, its core, the shared
 * virtual clock and its I/O channel. The debug port (main/sim/adi) builds on this.
 *
 * - `bus`: every access the MEM-AP makes goes through `bus.read/write(..., BusMaster.Debug)`;
 *   the core maps its Private Peripheral Bus itself, everything else is on `bus`. Reads and
 *   writes that no slave decodes return BUS_ERROR / false. Debug-side masters must use
 *   `read/write`, never a slave's `directBytes`, because read protection and flash busy
 *   stalls live there.
 * - `runUntil(t)`: runs the core and every peripheral to virtual time t (ns).
 * - `setResetPin(asserted)`: the nRESET line (held in reset while asserted).
 * - `powerOnReset()`: a power cycle (non-volatile memory keeps its content).
 * - `flush()`: saves changed non-volatile memory now; `close()` flushes and releases the
 *   board's lock. Both are no-ops for a board created with `persist: false`.
 */
export interface SimBoardBase {
  readonly name: BoardName;
  /** "sim:<name>", the board's name in user-facing messages. */
  readonly label: string;
  readonly clock: VirtualClock;
  readonly bus: SystemBus;
  readonly core: BoardCore;
  readonly io: BoardIo;
  readonly leds: readonly LedInfo[];
  /** Directory holding this board's saved state, or undefined when it does not persist. */
  readonly stateDir: string | undefined;
  runUntil(timeNs: number): void;
  setResetPin(asserted: boolean): void;
  powerOnReset(): void;
  flush(): void;
  close(): void;
}

export interface Nrf52840Board extends SimBoardBase {
  readonly name: 'nrf52840';
  readonly debugHooks: Nrf52840DebugHooks;
}

export interface Stm32l051Board extends SimBoardBase {
  readonly name: 'stm32l051';
  readonly debugHooks: Stm32l051DebugHooks;
}

export type SimBoard = Nrf52840Board | Stm32l051Board;

/** Options of `createBoard`. */
export interface BoardOptions {
  /** Where state persists; defaults to the user data directory (see defaultStateDir). */
  readonly stateDir?: string;
  /** Content of a board that has no saved state yet: its demo firmware (default) or erased. */
  readonly firmware?: 'demo' | 'erased';
  /** false: nothing is read from or written to disk and no lock is taken (tests, benchmarks). */
  readonly persist?: boolean;
  /** Builds the processor; defaults to the simulator's CortexM. */
  readonly createCore?: CoreFactory;
  /** Root of the committed firmware (resources/firmware/); defaults to this checkout's. */
  readonly firmwareRoot?: string;
}
