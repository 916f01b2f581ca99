// Builds the `probedesk` command line from the registered subcommands and runs one invocation.
import { Command, CommanderError } from 'commander';
import { levelRank, logHub, type LogRecord } from '../../shared/log/logger';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import type { CommandContext, CommandOutput, CommandRegistry, CommandSpec, RegisterCommand } from './command-spec';
import { addGlobalOptions, readGlobalOptions, type GlobalOptions } from './global-options';

export interface RunOptions {
  readonly io: CliIo;
  readonly version: string;
  readonly commands: readonly RegisterCommand[];
  /** Aborted when the process is asked to stop. */
  readonly signal: AbortSignal;
}

function createOutput(io: CliIo, json: boolean): CommandOutput {
  return {
    json,
    result: (value, toText) => {
      if (json) io.stdout(`${JSON.stringify(value)}\n`);
      else {
        const text = toText(value);
        if (text.length > 0) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
      }
    },
    text: (line) => (json ? io.stderr(`${line}\n`) : io.stdout(`${line}\n`)),
    notice: (line) => io.stderr(`${line}\n`),
  };
}

function formatLogRecord(record: LogRecord): string {
  return `${record.level.padEnd(5)} ${record.scope}: ${record.message}\n`;
}

/** Runs one command line; returns the process exit code. Never throws. */
export async function runCli(argv: readonly string[], options: RunOptions): Promise<number> {
  const { io } = options;
  let exitCode = 0;
  let verboseErrors = false;
  const program = new Command('probedesk')
    .description('ProbeDesk: debug and flash Arm Cortex-M microcontrollers over CMSIS-DAP probes.')
    .version(options.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  addGlobalOptions(program);

  const registry: CommandRegistry = {
    add<O>(spec: CommandSpec<O>) {
      const command = program.command(spec.name).description(spec.summary);
      for (const alias of spec.aliases ?? []) command.alias(alias);
      spec.configure?.(command);
      command.action(async (...actionArgs: unknown[]) => {
        // commander passes: ...positional arguments, this command's options, the command itself.
        const self = actionArgs[actionArgs.length - 1] as Command;
        const globals: GlobalOptions = readGlobalOptions(program.opts());
        verboseErrors = globals.logLevel === 'debug' || globals.logLevel === 'trace';
        // The hub keeps info and above for the UI's Log view even when the terminal shows less.
        const printed = levelRank(globals.logLevel);
        logHub.setLevel(printed < levelRank('info') ? globals.logLevel : 'info');
        const stopLogging = logHub.subscribe((record) => {
          if (levelRank(record.level) >= printed) io.stderr(formatLogRecord(record));
        });
        const context: CommandContext<O> = {
          args: actionArgs.slice(0, -2),
          options: self.opts() as O,
          globals,
          output: createOutput(io, globals.json),
          log: logHub.logger(`cli.${self.name()}`),
          signal: options.signal,
          io,
        };
        try {
          exitCode = (await spec.run(context)) ?? 0;
        } finally {
          stopLogging();
        }
      });
    },
  };
  for (const register of options.commands) register(registry);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here with code 0; usage errors were already printed by commander.
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`probedesk: error: ${message}\n`);
    if (verboseErrors && error instanceof Error && error.stack && !(error instanceof CliError)) io.stderr(`${error.stack}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
