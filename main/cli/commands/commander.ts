// `probedesk commander [-c CMD]... [-x FILE]...`: pyOCD's commander over the shared command
// registry. With -c/-x it runs the lines in the order given, prints each one's output, and stops
// at the first error with one line naming the command (and FILE:LINE) and a non-zero exit.
// Without them it opens the interactive prompt. The session is always closed at the end, which
// lets the target run again per the resume_on_disconnect option.
import { CommandConsole } from '../../commands/command-console';
import { openSession } from '../../session/open-session';
import { CliError } from '../cli-error';
import type { RegisterCommand } from '../command-spec';
import { commanderLogLevel } from '../commander/commander-log-level';
import { commandLines, type CommandStep } from '../commander/command-steps';
import { runInteractivePrompt } from '../commander/interactive-prompt';

interface CommanderOptions {
  /** -c and -x share one list, so the steps keep their command-line order. */
  command?: CommandStep[];
  execute?: CommandStep[];
}

interface LineResult {
  readonly command: string;
  readonly ok: boolean;
  readonly output: string;
  readonly error?: string;
}

export const registerCommander: RegisterCommand = (registry) =>
  registry.add<CommanderOptions>({
    name: 'commander',
    summary: 'run debugger commands: an interactive prompt, or a batch from -c and -x',
    configure: (command) => {
      const steps: CommandStep[] = [];
      command
        .option('-c, --command <cmd>', "run a command line (repeatable; several commands separated by ';')", (text: string) => {
          steps.push({ kind: 'command', text });
          return steps;
        })
        .option('-x, --execute <file>', "run the command lines of a file ('#' starts a comment; repeatable)", (path: string) => {
          steps.push({ kind: 'file', path });
          return steps;
        });
    },
    run: async (context) => {
      const steps = context.options.command ?? context.options.execute ?? [];
      // A person drives the commander (`continue; sleep 500; halt` means half a second of running):
      // a simulated board runs in real time unless -O sim.real_time=false.
      const sessionOptions = { 'sim.real_time': 'true', ...context.globals.sessionOptions };
      const { session, warnings } = await openSession({ ...context.globals, sessionOptions });
      for (const warning of warnings) context.log.debug(warning);
      const logLevel = commanderLogLevel(context.io, context.globals.logLevel);
      const commands = new CommandConsole(session, { logLevel });
      try {
        if (steps.length === 0) {
          await runInteractivePrompt(commands, context.io, { input: process.stdin, output: process.stdout }, context.signal);
          return;
        }
        for await (const line of commandLines(steps)) {
          if (context.signal.aborted) throw new CliError('interrupted', 130);
          const reply = await commands.execute(line.text);
          const result: LineResult = { command: line.text, ok: reply.ok, output: reply.output, ...(reply.error ? { error: reply.error } : {}) };
          context.output.result(result, (r) => r.output);
          if (!reply.ok) throw new CliError(`${line.where ? `${line.where}: ` : ''}command '${line.text}' failed: ${reply.error}`);
          if (reply.exit) return;
        }
      } finally {
        logLevel.dispose();
        await session.close();
      }
    },
  });
