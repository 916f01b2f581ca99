// `probedesk sim --board NAME [--factory-reset | --erase-state] [--remote-bitbang PORT]`: manages a
// simulated board's saved non-volatile state, and runs the board standalone behind the simulator's
// JTAG-DP test port for OpenOCD's remote_bitbang adapter. The simulated parts are SWD-only: that
// JTAG port is a test access path of the simulator. `-O sim.state_dir=DIR` names where the state
// lives (relative to the project directory), as it does for sessions.
import { InvalidArgumentError } from 'commander';
import { resetSimulatedBoardState, serveSimulatedBoardJtag, simulatedBoardNames, simulatedBoardStateDir } from '../../probe/sim/simulated-boards';
import { resolveProjectPath, resolveSessionOptions } from '../../session/project-options';
import { CliError, USAGE_EXIT_CODE } from '../cli-error';
import type { CommandContext, RegisterCommand } from '../command-spec';
import { parsePort } from '../launch/run-browser-host';

interface SimOptions {
  board?: string;
  factoryReset?: boolean;
  eraseState?: boolean;
  remoteBitbang?: number;
}

function parseBoard(text: string): string {
  const names = simulatedBoardNames();
  if (!names.includes(text)) throw new InvalidArgumentError(`no simulated board '${text}'; the boards are: ${names.join(', ')}.`);
  return text;
}

/** `-O sim.state_dir=DIR` (or the config file's), resolved against the project directory; undefined when empty. */
function stateDirOption(context: CommandContext<SimOptions>): string | undefined {
  const { globals } = context;
  const { options, projectDir } = resolveSessionOptions({ cli: globals.sessionOptions, projectDir: globals.project, configFile: globals.config });
  const dir = options.get('sim.state_dir');
  return dir ? resolveProjectPath(projectDir, dir) : undefined;
}

function waitForStop(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

async function runSim(context: CommandContext<SimOptions>): Promise<number> {
  const { board, factoryReset, eraseState, remoteBitbang } = context.options;
  if (board === undefined) throw new CliError(`sim: --board is required; the boards are: ${simulatedBoardNames().join(', ')}`, USAGE_EXIT_CODE);
  if (factoryReset === true && eraseState === true) throw new CliError('sim: --factory-reset and --erase-state exclude each other', USAGE_EXIT_CODE);
  if (factoryReset !== true && eraseState !== true && remoteBitbang === undefined) {
    throw new CliError('sim: nothing to do; give --factory-reset, --erase-state or --remote-bitbang PORT', USAGE_EXIT_CODE);
  }
  const stateDir = stateDirOption(context);
  const label = `sim:${board}`;
  if (factoryReset === true || eraseState === true) {
    const state = factoryReset === true ? 'factory' : 'erased';
    resetSimulatedBoardState(board, state, stateDir);
    const result = { board, state, stateDir: simulatedBoardStateDir(stateDir) };
    context.output.result(result, (r) =>
      r.state === 'factory'
        ? `${label}: saved state in ${r.stateDir} reset to the factory state (demo firmware programmed over erased memory)`
        : `${label}: saved state in ${r.stateDir} fully erased (no firmware; factory option bytes and UICR defaults only)`,
    );
  }
  if (remoteBitbang === undefined) return 0;
  const served = await serveSimulatedBoardJtag(board, { stateDir, port: remoteBitbang });
  try {
    context.log.info(`${label} state in ${simulatedBoardStateDir(stateDir)}`);
    context.output.result({ port: served.port }, ({ port }) =>
      `${label} is running; its JTAG-DP test port (OpenOCD remote_bitbang) listens on 127.0.0.1:${port}\nPress Ctrl+C to stop (the board's state is saved).`,
    );
    await waitForStop(context.signal);
  } finally {
    await served.close();
  }
  return 0;
}

export const registerSim: RegisterCommand = (registry) =>
  registry.add<SimOptions>({
    name: 'sim',
    summary: "manage a simulated board's saved state, or run it standalone behind a JTAG test port for OpenOCD",
    configure: (command) =>
      command
        .option('--board <name>', `simulated board: ${simulatedBoardNames().join(', ')}`, parseBoard)
        .option('--factory-reset', 'return the saved flash, UICR/option bytes and EEPROM to the factory state (demo firmware programmed)')
        .option('--erase-state', 'make the saved non-volatile memory fully erased')
        .option('--remote-bitbang <port>', "run the board in real time, serving OpenOCD's JTAG remote_bitbang protocol on 127.0.0.1:PORT (0: a free port)", parsePort),
    run: runSim,
  });
