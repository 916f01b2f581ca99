/**
 * Run control of the selected core, named as pyOCD's commander: `status`, `halt`, `continue`,
 * `step [COUNT]` and `reset [halt] [TYPE]`.
 */
import { CoreState } from '../../coresight/cortex-m/core-state';
import { CommandError, type CommandDefinition } from '../command-types';
import type { CommandContext } from '../command-context';
import { hex } from '../../probe/cmsis-dap/commands';
import { DEFAULT_RESET_WORD, RESET_TYPE_WORDS } from './reset-type-names';

const STATE_NAMES: Record<CoreState, string> = {
  running: 'Running',
  halted: 'Halted',
  sleeping: 'Sleeping',
  lockedUp: 'Locked up',
  reset: 'Held in reset',
};

async function pc(context: CommandContext): Promise<number> {
  return (await context.session.target.readCoreRegisters(['pc']))[0]!;
}

export const targetControlCommands: CommandDefinition<CommandContext>[] = [
  {
    name: 'status',
    aliases: ['st'],
    group: 'Target',
    summary: "Show the target's current state.",
    details: 'For a halted core the halt reason (from DFSR, ARMv7-M ARM C1.6.1) and the PC follow.',
    params: [],
    async run(context, _args, output) {
      const target = context.session.target;
      for (const core of target.cores) {
        const state = await core.getState();
        let line = `Core ${core.coreNumber} status: ${STATE_NAMES[state]}`;
        if (state === CoreState.Halted) {
          const [at] = await core.readCoreRegisters(['pc']);
          line += ` (reason: ${await core.getHaltReason()}) at pc ${hex(at!)}`;
        }
        output.write(line);
      }
    },
  },
  {
    name: 'halt',
    aliases: ['h'],
    group: 'Core',
    summary: 'Halt the target.',
    params: [],
    async run(context, _args, output) {
      const target = context.session.target;
      if ((await target.getState()) === CoreState.Halted) {
        output.write(`Core is already halted at pc ${hex(await pc(context))}`);
        return;
      }
      await target.halt();
      output.write(`Successfully halted device at pc ${hex(await pc(context))}`);
    },
  },
  {
    name: 'continue',
    aliases: ['c', 'cont', 'go', 'g'],
    group: 'Core',
    summary: 'Resume execution of the target.',
    details: 'The state is read back after resuming: a core that halted again at once most likely hit a breakpoint.',
    params: [],
    async run(context, _args, output) {
      const target = context.session.target;
      await target.resume();
      const state = await target.getState();
      output.write(state === CoreState.Running || state === CoreState.Sleeping ? 'Successfully resumed device' : `Resumed; the core is now ${STATE_NAMES[state].toLowerCase()}`);
    },
  },
  {
    name: 'step',
    aliases: ['s'],
    group: 'Core',
    summary: 'Step one or more instructions.',
    details: 'Interrupts stay masked while stepping (DHCSR.C_MASKINTS, ARMv7-M ARM C1.6.2).',
    params: [{ name: 'count', type: 'int', optional: true, help: 'Instructions to step (default 1).' }],
    async run(context, args, output) {
      const count = (args.count as number | undefined) ?? 1;
      if (count < 1) throw new CommandError(`step: count must be at least 1, not ${count}`);
      const target = context.session.target;
      for (let i = 0; i < count; i++) await target.step();
      output.write(`pc ${hex(await pc(context))}`);
    },
  },
  {
    name: 'reset',
    group: 'Device',
    summary: 'Reset the target, optionally with halt and/or specifying the reset type.',
    details:
      `TYPE is one of ${[DEFAULT_RESET_WORD, ...RESET_TYPE_WORDS.keys()].join(', ')}; without it, or with ` +
      `'${DEFAULT_RESET_WORD}', the reset_type option decides. With halt the core stops on the first instruction of the reset handler.`,
    params: [{ name: 'type', type: 'choice', choices: [DEFAULT_RESET_WORD, ...RESET_TYPE_WORDS.keys()], optional: true, help: 'Reset type.' }],
    flags: [{ name: 'h', aliases: ['halt', '-halt'], help: 'Halt on the reset handler.' }],
    async run(context, args, output) {
      const word = args.type as string | undefined;
      const type = word === undefined || word === DEFAULT_RESET_WORD ? undefined : RESET_TYPE_WORDS.get(word);
      const halt = args.h === true;
      const target = context.session.target;
      const done = await target.reset(type, { halt });
      output.write(halt ? `Reset (${done}) and halted at pc ${hex(await pc(context))}` : `Reset (${done}); the target is running`);
    },
  },
];
