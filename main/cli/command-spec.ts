// What a subcommand is: one file in main/cli/commands/ exporting a `RegisterCommand` function that
// adds a `CommandSpec`. The framework parses the global options once, sets up logging and output,
// runs the command, and turns a thrown error into one line on stderr and a non-zero exit code.
import type { Command } from 'commander';
import type { Logger } from '../../shared/log/logger';
import type { CliIo } from './cli-io';
import type { GlobalOptions } from './global-options';

export interface CommandOutput {
  /** True when `--json` was given. */
  readonly json: boolean;
  /** Prints a command's result: JSON (one line) under `--json`, else `toText(value)`. */
  result<T>(value: T, toText: (value: T) => string): void;
  /** Human-readable text on stdout; under `--json` it goes to stderr so stdout stays pure JSON. */
  text(line: string): void;
  /** A notice for the person at the terminal, always on stderr. */
  notice(line: string): void;
}

export interface CommandContext<O = Record<string, unknown>> {
  /** Positional arguments in declaration order. */
  readonly args: readonly unknown[];
  /** This subcommand's own options (already parsed by the parsers given in `configure`). */
  readonly options: O;
  readonly globals: GlobalOptions;
  readonly output: CommandOutput;
  readonly log: Logger;
  /** Aborted on Ctrl+C / SIGTERM: long-running commands (serve, gdbserver) stop when it fires. */
  readonly signal: AbortSignal;
  readonly io: CliIo;
}

export interface CommandSpec<O = Record<string, unknown>> {
  /** Name with argument syntax, e.g. `read32 <address> [length]` or just `list`. */
  readonly name: string;
  readonly summary: string;
  readonly aliases?: readonly string[];
  /** Adds this command's own options and arguments. */
  configure?(command: Command): void;
  /** Returns the exit code (0 when omitted). Throw `CliError` (or any Error) to fail with one line. */
  run(context: CommandContext<O>): Promise<number | void>;
}

export interface CommandRegistry {
  add<O = Record<string, unknown>>(spec: CommandSpec<O>): void;
}

export type RegisterCommand = (registry: CommandRegistry) => void;
