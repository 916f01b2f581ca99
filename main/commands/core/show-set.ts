/** `show NAME` and `set NAME VALUE...` over the session values (see session-values.ts). */
import { CommandError, type CommandDefinition } from '../command-types';
import type { CommandContext } from '../command-context';
import { SESSION_VALUES, type SessionValue } from './session-values';

/** pyOCD's short name for probe-uid. */
const VALUE_ALIASES: Record<string, string> = { uid: 'probe-uid' };

function lookup(name: string): SessionValue {
  const value = SESSION_VALUES.find((v) => v.name === (VALUE_ALIASES[name] ?? name));
  if (value === undefined) throw new CommandError(`no value named '${name}'`);
  return value;
}

const listing = (values: readonly SessionValue[]): string => values.map((v) => `  ${v.name.padEnd(11)} ${v.help}`).join('\n');
const readable = SESSION_VALUES.filter((v) => v.show);
const writable = SESSION_VALUES.filter((v) => v.set);

export const showSetCommands: CommandDefinition<CommandContext>[] = [
  {
    name: 'show',
    group: 'Values',
    summary: 'Display a value.',
    details: `Values:\n${listing(readable)}`,
    params: [
      { name: 'name', type: 'choice', choices: [...readable.map((v) => v.name), ...Object.keys(VALUE_ALIASES)] },
      { name: 'args', type: 'str', optional: true, rest: true, completion: 'option', help: 'For option: the option names (default: all).' },
    ],
    async run(context, args, output) {
      await lookup(args.name as string).show!(context, args.args as string[], output);
    },
  },
  {
    name: 'set',
    group: 'Values',
    summary: 'Set a value.',
    details: `Values:\n${listing(writable)}`,
    params: [
      { name: 'name', type: 'choice', choices: writable.map((v) => v.name) },
      { name: 'value', type: 'str', rest: true, completion: 'option', help: 'The new value; for option one or more NAME=VALUE.' },
    ],
    async run(context, args, output) {
      await lookup(args.name as string).set!(context, args.value as string[], output);
    },
  },
];
