/**
 * The seam to the simulated boards themselves (runtime: plain Node), for `probedesk sim`: the
 * board names, rewriting a board's saved non-volatile state, and running a board standalone
 * behind the simulator's JTAG-DP test port (OpenOCD remote_bitbang). The simulated parts are
 * SWD-only; that JTAG port is a test access path of the simulator, not of the parts.
 */
import { type BoardName, defaultStateDir, eraseState, factoryReset, listSimulatedBoards, serveBoardOverRemoteBitbang } from '../../sim/index';

/** The board names `probedesk sim --board` accepts, e.g. `nrf52840`. */
export function simulatedBoardNames(): string[] {
  return listSimulatedBoards().map((b) => b.name);
}

/** The directory a board keeps its state in: `stateDir`, or the user's data directory when none is named. */
export function simulatedBoardStateDir(stateDir: string | undefined): string {
  return stateDir ?? defaultStateDir();
}

function boardName(name: string): BoardName {
  const names = simulatedBoardNames();
  if (!names.includes(name)) throw new Error(`unknown simulated board '${name}'; known boards: ${names.join(', ')}`);
  return name as BoardName;
}

/**
 * Rewrites the board's saved state: `factory` is the demo firmware over erased memory (as an
 * evaluation board ships), `erased` fully erased memory. Refused while the board is in use.
 */
export function resetSimulatedBoardState(name: string, content: 'factory' | 'erased', stateDir: string | undefined): void {
  const board = boardName(name);
  if (content === 'factory') factoryReset(board, stateDir);
  else eraseState(board, stateDir);
}

export interface JtagTestPort {
  /** The TCP port bound on 127.0.0.1. */
  readonly port: number;
  /** Stops serving, saves the board's state and releases its lock. */
  close(): Promise<void>;
}

/** Runs the board in real time, serving OpenOCD's remote_bitbang protocol on 127.0.0.1:`port` (0: a free port). */
export async function serveSimulatedBoardJtag(name: string, options: { readonly stateDir: string | undefined; readonly port: number }): Promise<JtagTestPort> {
  const served = await serveBoardOverRemoteBitbang({
    board: boardName(name),
    port: options.port,
    ...(options.stateDir !== undefined ? { stateDir: options.stateDir } : {}),
  });
  return { port: served.port, close: () => served.close() };
}
