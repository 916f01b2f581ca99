import { DEBUG_PARTS } from '../adi/debug-parts';
import { createDebugSystem } from '../adi/debug-system';
import { type BoardName, type SimBoard, createBoard } from '../boards/index';
import { JtagDpTap } from '../jtag/jtag-dp-tap';
import { type RemoteBitbangServer, startRemoteBitbangServer } from './remote-bitbang-server';

/**
 * A simulated board on its own, reachable through the simulator's JTAG-DP test port over
 * OpenOCD's remote_bitbang protocol, with its core running in real time (wall-clock paced) so
 * the target behaves as a powered board on the bench. The parts themselves are SWD-only; this
 * port is a test access path of the simulator. The board keeps its non-volatile state in
 * `stateDir` and holds that board's lock until `close()`, which saves the state.
 */
export interface RemoteBitbangBoardOptions {
  readonly board: BoardName;
  /** Where the board's non-volatile state lives (the board's default directory when absent). */
  readonly stateDir?: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
}

export interface RemoteBitbangBoard {
  readonly board: SimBoard;
  /** The TCP port actually bound. */
  readonly port: number;
  /** Stops serving and pacing, saves the board's state and releases its lock. */
  close(): Promise<void>;
}

/** Pacer tick, and the most modeled time one tick may run: a slow host lets the target fall behind wall time instead of stalling the server. */
const PACER_TICK_MS = 10;
const PACER_MAX_STEP_NS = 20_000_000;

export async function serveBoardOverRemoteBitbang(options: RemoteBitbangBoardOptions): Promise<RemoteBitbangBoard> {
  const board = createBoard(options.board, options.stateDir !== undefined ? { stateDir: options.stateDir } : {});
  const now = (): number => board.clock.now;
  const debug = createDebugSystem(DEBUG_PARTS[board.name], {
    bus: board.bus,
    now,
    ...(board.name === 'nrf52840' ? { ahbApEnabled: () => board.debugHooks.ahbApEnabled(), ctrlAp: board.debugHooks.ctrlAp } : {}),
  });
  const dp = debug.dp;
  const tap = new JtagDpTap({
    idcode: dp.description.dpidr,
    inProgress: () => dp.jtagInProgress(),
    waited: () => dp.jtagWait(),
    access: (ap, read, a32, value) => dp.jtagAccess(ap, read, a32, value),
    writeAbort: (value) => dp.jtagAbort(value),
  });
  const runTo = (timeNs: number): void => {
    if (timeNs > board.clock.now) board.runUntil(timeNs);
  };
  let server: RemoteBitbangServer;
  try {
    server = await startRemoteBitbangServer(
      {
        tap,
        setSystemReset: (asserted) => board.setResetPin(asserted),
        advance: (ns) => runTo(board.clock.now + ns),
      },
      options.port,
    );
  } catch (error) {
    board.close();
    throw error;
  }
  // Modeled time follows wall time, and runs ahead of it only by TCK periods the debugger clocks.
  let wallBase = performance.now();
  let modelBase = board.clock.now;
  const pacer = setInterval(() => {
    const target = modelBase + (performance.now() - wallBase) * 1e6;
    const behind = target - board.clock.now;
    if (behind > PACER_MAX_STEP_NS) {
      wallBase = performance.now();
      modelBase = board.clock.now + PACER_MAX_STEP_NS;
    }
    runTo(Math.min(target, board.clock.now + PACER_MAX_STEP_NS));
  }, PACER_TICK_MS);
  const running = server;
  let closed: Promise<void> | undefined;
  return {
    board,
    port: running.port,
    close: () =>
      (closed ??= (async () => {
        clearInterval(pacer);
        try {
          await running.close();
        } finally {
          board.close();
        }
      })()),
  };
}
