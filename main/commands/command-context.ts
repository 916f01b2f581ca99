/**
 * What every command receives: the session it acts on (whose target, options and probe it
 * uses; the front end has already taken the session lock for it), the registry for `help`, and
 * the front end's own controls that are not the session's: ending the console and the level of
 * log detail shown.
 */
import type { LogLevel } from '../../shared/log/logger';
import type { Session } from '../session/session';
import type { CommandRegistry } from './command-registry';

/** The log detail a front end shows; the commander prints to stderr, the UI streams the log. */
export interface LogLevelControl {
  get(): LogLevel;
  set(level: LogLevel): void;
}

export interface CommandContext {
  readonly session: Session;
  readonly registry: CommandRegistry<CommandContext>;
  readonly logLevel: LogLevelControl;
  /** Asks the front end to end the console or commander session once this line is done. */
  requestExit(): void;
}
