// The options every subcommand shares (pyOCD's names: -u, -t, -f, -j, -O, --config). They are
// declared once on the program, parsed once, and handed to each subcommand as `GlobalOptions`.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { LogLevel } from '../../shared/log/logger';

export interface GlobalOptions {
  /** Probe unique ID (or a prefix of it), e.g. `sim:nrf52840`. */
  readonly uid?: string;
  /** Target type name, e.g. `nrf52840`. */
  readonly target?: string;
  /** SWD/JTAG clock in Hz. */
  readonly frequency?: number;
  /** Project directory holding the config file and user script. */
  readonly project?: string;
  /** Config file path; `false` when `--no-config` was given (ignore any config file). */
  readonly config?: string | false;
  /** Session options from repeated `-O name=value`, in the order given (later wins). */
  readonly sessionOptions: Readonly<Record<string, string>>;
  /** Lowest level printed on stderr: warn by default, -v info, -vv debug, -vvv trace, -q error. */
  readonly logLevel: LogLevel;
  /** Print results as JSON on stdout. */
  readonly json: boolean;
}

/** Parses `4000000`, `4000k`, `4M`, `1.5MHz`, `400kHz` into Hz. */
export function parseFrequency(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)(?:[hH][zZ])?\s*$/.exec(text);
  const scale = match ? ({ '': 1, k: 1e3, m: 1e6 } as const)[match[2]!.toLowerCase() as '' | 'k' | 'm'] : 0;
  const hz = match ? Math.round(Number(match[1]) * scale) : NaN;
  if (!Number.isFinite(hz) || hz <= 0) {
    throw new InvalidArgumentError('not a frequency (examples: 4000000, 4M, 400k).');
  }
  return hz;
}

/** Parses one `-O name=value` and adds it to the collected map. */
export function collectSessionOption(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = text.indexOf('=');
  const name = eq > 0 ? text.slice(0, eq).trim() : '';
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) {
    throw new InvalidArgumentError('expected name=value.');
  }
  return { ...previous, [name]: text.slice(eq + 1) };
}

const count = (_: string, previous: number) => previous + 1;

export function addGlobalOptions(program: Command): Command {
  return program
    .option('-u, --uid <uid>', 'probe unique ID (a unique prefix is enough)')
    .option('-t, --target <name>', 'target type, e.g. nrf52840')
    .option('-f, --frequency <hz>', 'SWD/JTAG clock: Hz, or with k/M suffix', parseFrequency)
    .option('-j, --project <dir>', 'project directory (config file and user script)')
    .option('--config <file>', 'config file to use')
    .option('--no-config', 'ignore any config file')
    .option('-O, --option <name=value>', 'session option (repeatable)', collectSessionOption)
    .addOption(new Option('-v, --verbose', 'more log output: info, then debug, then trace').argParser(count).default(0))
    .addOption(new Option('-q, --quiet', 'less log output: errors only').argParser(count).default(0))
    .option('--json', 'print results as JSON on stdout');
}

/** Turns commander's raw option bag into `GlobalOptions`. */
export function readGlobalOptions(raw: Record<string, unknown>): GlobalOptions {
  const verbose = Number(raw.verbose ?? 0);
  const quiet = Number(raw.quiet ?? 0);
  const level = verbose - quiet;
  // pyOCD's scale: warnings by default, each -v one level more detail, -q errors only.
  const logLevel: LogLevel = level >= 3 ? 'trace' : level === 2 ? 'debug' : level === 1 ? 'info' : level === 0 ? 'warn' : 'error';
  return {
    uid: raw.uid as string | undefined,
    target: raw.target as string | undefined,
    frequency: raw.frequency as number | undefined,
    project: raw.project as string | undefined,
    // commander sets `config` to false for --no-config and to true when neither form was given.
    config: raw.config === true ? undefined : (raw.config as string | false | undefined),
    sessionOptions: (raw.option as Record<string, string> | undefined) ?? {},
    logLevel,
    json: raw.json === true,
  };
}
