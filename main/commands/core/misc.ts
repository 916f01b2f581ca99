/** Commands of the console itself: `help`, `sleep` and `exit`. None of them touches the probe. */
import { CommandError, type CommandDefinition } from '../command-types';
import type { CommandContext } from '../command-context';

export const miscCommands: CommandDefinition<CommandContext>[] = [
  {
    name: 'help',
    aliases: ['?'],
    group: 'General',
    summary: 'Show help for commands.',
    params: [{ name: 'cmd', type: 'str', optional: true, completion: 'command', help: 'A command name, alias or unambiguous prefix.' }],
    usesProbe: false,
    async run(context, args, output) {
      output.write(context.registry.help(args.cmd as string | undefined));
    },
  },
  {
    name: 'sleep',
    group: 'Utility',
    summary: 'Sleep for a number of milliseconds before continuing.',
    params: [{ name: 'ms', type: 'int', help: 'Milliseconds.' }],
    usesProbe: false,
    async run(_context, args) {
      const ms = args.ms as number;
      if (ms < 0) throw new CommandError(`sleep: ms must not be negative, not ${ms}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  },
  {
    name: 'exit',
    aliases: ['quit'],
    group: 'Commander',
    summary: 'Quit the console or commander.',
    params: [],
    usesProbe: false,
    async run(context) {
      context.requestExit();
    },
  },
];
