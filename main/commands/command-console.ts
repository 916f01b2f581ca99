/**
 * The seam every text front end uses (the UI console, `probedesk commander`, later GDB's
 * `monitor`): one line in, its output and outcome out. Each command that touches the probe runs
 * as one serialized session operation (`session.run`), argument conversion included, so a
 * register name read for `read32 sp` and the read itself are not split by another front end's
 * work. Target methods serialize through the same lock and nest inside it.
 */
import { logHub, type LogLevel } from '../../shared/log/logger';
import type { Session } from '../session/session';
import type { CommandContext, LogLevelControl } from './command-context';
import type { CommandRegistry } from './command-registry';
import { runCommandLine } from './command-runner';
import type { ValueResolver } from './command-types';
import { createCoreCommandRegistry } from './core/core-command-registry';
import { registerNames } from './core/registers';

export interface ConsoleReply {
  readonly output: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly exit?: boolean;
}

export interface CommandConsoleOptions {
  readonly registry?: CommandRegistry<CommandContext>;
  /** Where `set log` goes; the process-wide log hub's level unless the front end filters itself. */
  readonly logLevel?: LogLevelControl;
}

const hubLevel: LogLevelControl = {
  get: () => logHub.level,
  set: (level: LogLevel) => logHub.setLevel(level),
};

export class CommandConsole {
  private readonly registry: CommandRegistry<CommandContext>;
  private readonly logLevel: LogLevelControl;

  constructor(private readonly session: Session, options: CommandConsoleOptions = {}) {
    this.registry = options.registry ?? createCoreCommandRegistry();
    this.logLevel = options.logLevel ?? hubLevel;
  }

  /** Runs one line (may hold several `;`-separated commands) through session.run(...) serialization. */
  async execute(line: string): Promise<ConsoleReply> {
    const lines: string[] = [];
    let exit = false;
    const context: CommandContext = {
      session: this.session,
      registry: this.registry,
      logLevel: this.logLevel,
      requestExit: () => void (exit = true),
    };
    const results = await runCommandLine(this.registry, context, line, { write: (text) => lines.push(text) }, {
      resolver: this.resolver(),
      around: (definition, invocation, body) =>
        definition.usesProbe === false ? body() : this.session.run(`console: ${invocation.text}`, body),
    });
    const failed = results.find((r) => !r.ok);
    return {
      output: lines.join('\n'),
      ok: failed === undefined,
      ...(failed ? { error: failed.error } : {}),
      ...(exit ? { exit } : {}),
    };
  }

  /** Completion candidates for the line typed so far (commands, then option names, register names, choices). */
  async complete(line: string): Promise<string[]> {
    const core = this.session.isOpen ? this.session.target.cores[this.session.target.selectedCore] : undefined;
    return this.registry.complete(line, {
      register: core ? registerNames(core) : [],
      option: this.session.options.registry.names,
      command: this.registry.all().map((d) => d.name),
    });
  }

  /** help text, same as the `help` command. */
  help(topic?: string): string {
    return this.registry.help(topic);
  }

  /** A register name where an integer is expected reads the selected core's register (the core must be halted). */
  private resolver(): ValueResolver {
    return {
      registerValue: async (name) => {
        const target = this.session.target;
        if (!target.core.registers.some((r) => r.name === name) && !['r13', 'r14', 'r15'].includes(name)) return undefined;
        return (await target.readCoreRegisters([name]))[0];
      },
    };
  }
}
