// `probedesk reset [--halt] [-m TYPE]`: resets the target with the given or configured reset type
// (the `reset_type` option), optionally halting on the reset handler's first instruction.
import { InvalidArgumentError } from 'commander';
import { RESET_TYPES, isResetType, type ResetType } from '../../coresight/cortex-m/reset-type';
import { openSession } from '../../session/open-session';
import type { RegisterCommand } from '../command-spec';

interface ResetOptions {
  halt?: boolean;
  method?: ResetType;
}

function parseResetType(text: string): ResetType {
  if (!isResetType(text)) throw new InvalidArgumentError(`expected one of ${RESET_TYPES.join(', ')}.`);
  return text;
}

export const registerReset: RegisterCommand = (registry) =>
  registry.add<ResetOptions>({
    name: 'reset',
    summary: 'reset the target, and with --halt stop it at the reset handler',
    configure: (command) =>
      command
        .option('--halt', 'halt on the first instruction of the reset handler')
        .option('-m, --method <type>', `reset type: ${RESET_TYPES.join(', ')} (default: the reset_type option)`, parseResetType),
    run: async (context) => {
      // Connect without halting so a plain reset leaves the program running as before.
      const sessionOptions = { connect_mode: 'attach', ...context.globals.sessionOptions };
      const { session } = await openSession({ ...context.globals, sessionOptions });
      try {
        const target = session.target;
        const done = await target.reset(context.options.method, { halt: context.options.halt === true });
        const [pc] = context.options.halt ? await target.readCoreRegisters(['pc']) : [undefined];
        const result = { resetType: done, halted: context.options.halt === true, pc };
        context.output.result(result, (r) =>
          r.halted ? `Reset (${r.resetType}) and halted at pc 0x${r.pc!.toString(16).padStart(8, '0')}` : `Reset (${r.resetType}); the target is running`,
        );
      } finally {
        // A halted reset stays halted: that is what was asked for.
        await session.close(context.options.halt ? { resume: false } : undefined);
      }
    },
  });
