/**
 * What a command declares about itself. Parsing, validation, `help` and completion all come
 * from these declarations, so a command is described in exactly one place.
 */

/** Kinds of parameter value. `int` accepts every integer form of `parseInteger`. */
export type ParamType = 'int' | 'float' | 'str' | 'choice';

/** Where completion candidates for a parameter come from. */
export type CompletionSource = 'register' | 'option' | 'command' | 'none';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly help?: string;
  /** May be left out (only trailing parameters). */
  readonly optional?: boolean;
  /** Takes all remaining words (last parameter only); the value is an array. */
  readonly rest?: boolean;
  /** For `choice`: the allowed words, matched by unambiguous prefix. */
  readonly choices?: readonly string[];
  /** For `int`: a core register name stands for the register's current value (`read32 sp`). */
  readonly acceptsRegister?: boolean;
  readonly completion?: CompletionSource;
}

/** A `-x` switch such as `reg -f`. */
export interface FlagSpec {
  readonly name: string;
  readonly help: string;
  /** Other words that set the switch, such as pyOCD's `reset halt` and `reset -halt` for `-h`. */
  readonly aliases?: readonly string[];
}

export type ArgValue = number | string | readonly (number | string)[] | boolean | undefined;
export type CommandArgs = Readonly<Record<string, ArgValue>>;

/** Where a command writes. Errors are thrown, not written. */
export interface CommandOutput {
  write(text: string): void;
}

/** What argument conversion may ask of the running session. */
export interface ValueResolver {
  /** The current value of a core register, or undefined when `name` is not a register. */
  registerValue(name: string): Promise<number | undefined>;
}

export interface CommandDefinition<Context> {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Heading under which `help` lists the command. */
  readonly group: string;
  /** One line for the overview; the first sentence of `help CMD`. */
  readonly summary: string;
  /** Further paragraphs shown by `help CMD`. */
  readonly details?: string;
  readonly params: readonly ParamSpec[];
  readonly flags?: readonly FlagSpec[];
  /**
   * False for commands that never touch the probe (`help`, `sleep`, `exit`), so front ends run
   * them outside the session lock and a `sleep` never holds the probe from the others.
   */
  readonly usesProbe?: boolean;
  run(context: Context, args: CommandArgs, output: CommandOutput): Promise<void>;
}

/** A command failed in a way the user can fix; the message says what was wrong. */
export class CommandError extends Error {}
