/**
 * Simulated boards (issue 5): `createBoard('nrf52840' | 'stm32l051', options)` returns a
 * SimBoard — the part's memories and peripherals on a SystemBus, its Cortex-M core, the
 * shared VirtualClock and the board I/O channel — with its non-volatile memory restored from
 * the state directory (or freshly programmed with the demo firmware).
 *
 * SimBoard (see common/sim-board.ts for every member's contract):
 *   name, label ("sim:<name>"), clock, bus, core, io, leds, stateDir,
 *   runUntil(timeNs), setResetPin(asserted), powerOnReset(), flush(), close(),
 *   debugHooks: { flashTiming (scale), injectStuckBit(address, bit, level?), clearStuckBits(),
 *                 injectWatchdogReset(atNs), lastResetCause(),
 *                 nRF52840: ctrlAp { setReset, resetRegister, eraseAll, eraseAllStatus,
 *                                    apProtectStatus }, ahbApEnabled()
 *                 STM32L051: rdpLevel() }
 *
 * A board owns its state directory entry exclusively while open: a second process gets
 * "sim:<name> is in use by process N". Always `close()` a board (it saves and unlocks).
 */
import { CortexM } from '../core/cortex-m';
import type { BoardName, BoardOptions, CoreFactory, Nrf52840Board, SimBoard, Stm32l051Board } from './common/sim-board';
import { Nrf52840 } from './nrf52840/board';
import { Stm32l051 } from './stm32l051/board';

export type { BoardIo, GpioChange, UartByte, UartLine } from './common/board-io';
export type { BoardCore, CoreStatus } from './common/board-core';
export type {
  BoardName,
  BoardOptions,
  CommonDebugHooks,
  CoreFactory,
  CoreModel,
  CoreSpec,
  LedInfo,
  Nrf52840Board,
  Nrf52840DebugHooks,
  NrfCtrlApHooks,
  ResetCause,
  SimBoard,
  Stm32l051Board,
  Stm32l051DebugHooks,
} from './common/sim-board';
export { defaultStateDir } from './common/state-dir';

/** The board names `createBoard` accepts. */
export const BOARD_NAMES: readonly BoardName[] = ['nrf52840', 'stm32l051'];

/** The simulator's processor model. */
const cortexM: CoreFactory = (spec) => new CortexM(spec);

function instantiate(name: BoardName, options: BoardOptions): Nrf52840 | Stm32l051 {
  const withCore: BoardOptions = { ...options, createCore: options.createCore ?? cortexM };
  if (name === 'nrf52840') return new Nrf52840(withCore);
  if (name === 'stm32l051') return new Stm32l051(withCore);
  throw new Error(`unknown simulated board "${String(name)}"; known boards: ${BOARD_NAMES.join(', ')}`);
}

export function createBoard(name: 'nrf52840', options?: BoardOptions): Nrf52840Board;
export function createBoard(name: 'stm32l051', options?: BoardOptions): Stm32l051Board;
export function createBoard(name: BoardName, options?: BoardOptions): SimBoard;
export function createBoard(name: BoardName, options: BoardOptions = {}): SimBoard {
  const board = instantiate(name, options);
  board.start();
  return board;
}

/** `--factory-reset`: the board's saved state becomes its demo firmware over erased memory. */
export function factoryReset(name: BoardName, stateDir?: string, firmwareRoot?: string): void {
  instantiate(name, { ...(stateDir !== undefined ? { stateDir } : {}), ...(firmwareRoot !== undefined ? { firmwareRoot } : {}) }).rewriteState('demo');
}

/** `--erase-state`: the board's saved state becomes fully erased memory (factory option bytes/UICR only). */
export function eraseState(name: BoardName, stateDir?: string): void {
  instantiate(name, stateDir !== undefined ? { stateDir } : {}).rewriteState('erased');
}
