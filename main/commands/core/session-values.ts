/**
 * The values `show` and `set` reach (pyOCD commander's "values"): facts about the probe and
 * target, and settings that change the session live. Settings go through the session's typed
 * option registry, so `set` fails with the same validation message a config file or `-O` would.
 */
import { LOG_LEVELS, type LogLevel } from '../../../shared/log/logger';
import type { ResetType } from '../../coresight/cortex-m/reset-type';
import { hex, SwjPin } from '../../probe/cmsis-dap/commands';
import { collectTargetInfo } from '../../session/target-info';
import { CommandError, type CommandOutput } from '../command-types';
import type { CommandContext } from '../command-context';
import { parseFrequencyText } from './frequency-text';
import { RESET_TYPE_WORDS } from './reset-type-names';

export interface SessionValue {
  readonly name: string;
  readonly help: string;
  show?(context: CommandContext, args: readonly string[], output: CommandOutput): Promise<void>;
  set?(context: CommandContext, args: readonly string[], output: CommandOutput): Promise<void>;
}

/** pyOCD's level names map onto ours: warning is warn, critical is error. */
const LOG_LEVEL_WORDS: ReadonlyMap<string, LogLevel> = new Map<string, LogLevel>([
  ...LOG_LEVELS.map((l) => [l, l] as const),
  ['warning', 'warn'],
  ['critical', 'error'],
]);

function single(args: readonly string[], what: string): string {
  if (args.length !== 1) throw new CommandError(`set: ${what} takes one value, got ${args.length}`);
  return args[0]!;
}

/** Options that also change the connected target at once, not only at the next connect. */
async function applyLive(context: CommandContext, name: string): Promise<void> {
  const { session } = context;
  if (name === 'reset_type') {
    for (const core of session.target.cores) core.defaultResetType = session.options.get('reset_type') as ResetType;
  } else if (name === 'frequency') {
    await session.target.dp.setFrequency(session.options.get('frequency'));
  }
}

async function setOption(context: CommandContext, name: string, value: string): Promise<void> {
  context.session.options.set(name, value);
  await applyLive(context, name);
}

export const SESSION_VALUES: readonly SessionValue[] = [
  {
    name: 'probe-uid',
    help: "The probe's unique ID.",
    show: async (context, _args, output) => output.write(context.session.probeCandidate.uniqueId),
  },
  {
    name: 'target',
    help: 'General target information.',
    show: async (context, _args, output) => {
      const { target } = context.session;
      const d = target.definition;
      output.write(`Target:  ${d.name} (${d.vendor} ${d.part})`);
      if (target.dpidr) output.write(`DPIDR:   ${hex(target.dpidr.raw)}`);
      output.write(`Cores:   ${target.cores.length}, selected core ${target.selectedCore}`);
    },
  },
  {
    name: 'cores',
    help: 'The CPU cores of the target.',
    show: async (context, _args, output) => {
      for (const c of (await collectTargetInfo(context.session)).cores) {
        output.write(`Core ${c.number}: ${c.name} ${c.revision} (${c.architecture}), FPU ${c.fpu}, ${c.hardwareBreakpoints} hardware breakpoints, ${c.watchpoints} watchpoints, ${c.state}`);
      }
    },
  },
  {
    name: 'aps',
    help: 'The access ports found on the debug port.',
    show: async (context, _args, output) => {
      for (const ap of (await collectTargetInfo(context.session)).aps) output.write(`AP${ap.apsel}: IDR ${ap.idr}  ${ap.description}`);
    },
  },
  {
    name: 'map',
    help: "The target's memory map.",
    show: async (context, _args, output) => {
      const rows = context.session.target.memoryMap.regions.map((r) => [r.name, r.type, hex(r.start), hex(r.end), `0x${r.length.toString(16)}`, r.access]);
      const table = [['Region', 'Type', 'Start', 'End', 'Size', 'Access'], ...rows];
      const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
      for (const row of table) output.write(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
    },
  },
  {
    name: 'nreset',
    help: 'The nRESET line: 0 is low (reset asserted), 1 is high (released).',
    show: async (context, _args, output) => {
      // DAP_SWJ_Pins with an empty select reads the pins without driving any (CMSIS-DAP DAP_SWJ_Pins).
      const pins = await context.session.probe.swjPins(0, 0);
      output.write(pins & SwjPin.nReset ? '1 (released)' : '0 (asserted)');
    },
    set: async (context, args) => {
      const word = single(args, 'nreset');
      if (word !== '0' && word !== '1') throw new CommandError(`set: nreset must be 0 (assert) or 1 (release), not '${word}'`);
      await context.session.probe.setNReset(word === '0');
    },
  },
  {
    name: 'option',
    help: 'Session options: show option [NAME...], set option NAME=VALUE...',
    show: async (context, args, output) => {
      const { options } = context.session;
      const names = args.length > 0 ? args : options.registry.names;
      for (const name of names) output.write(`${name} = ${JSON.stringify(options.getValue(name))} (${options.source(name)})`);
    },
    set: async (context, args) => {
      if (args.length === 0) throw new CommandError('set: option needs NAME=VALUE');
      for (const arg of args) {
        const eq = arg.indexOf('=');
        if (eq <= 0) throw new CommandError(`set: option expects NAME=VALUE, not '${arg}'`);
        await setOption(context, arg.slice(0, eq), arg.slice(eq + 1));
      }
    },
  },
  {
    name: 'reset-type',
    help: 'The reset type `reset` uses without TYPE (the reset_type option).',
    show: async (context, _args, output) => {
      const { session } = context;
      output.write(`reset_type = ${session.options.get('reset_type')}`);
      for (const core of session.target.cores) {
        const note = core.isBaseline ? '; sw_vectreset is performed as sw_emulated (no VECTRESET on ' + core.cpuid.architecture + ')' : '';
        output.write(`Core ${core.coreNumber}: default ${core.defaultResetType}; types ${[...new Set(RESET_TYPE_WORDS.values())].join(', ')}${note}`);
      }
    },
    set: async (context, args) => {
      const word = single(args, 'reset-type').toLowerCase();
      const type = RESET_TYPE_WORDS.get(word);
      if (type === undefined) throw new CommandError(`set: reset-type must be one of ${[...RESET_TYPE_WORDS.keys()].join(', ')}, not '${word}'`);
      await setOption(context, 'reset_type', type);
    },
  },
  {
    name: 'frequency',
    help: 'The SWD clock in Hz (4000000, 4M, 400k, 2.5MHz).',
    show: async (context, _args, output) => output.write(`${context.session.options.get('frequency')} Hz`),
    set: async (context, args) => {
      const word = single(args, 'frequency');
      const hz = parseFrequencyText(word);
      if (hz === undefined) throw new CommandError(`set: frequency must be a clock in Hz such as 4000000, 4M or 400k, not '${word}'`);
      await setOption(context, 'frequency', String(hz));
    },
  },
  {
    name: 'log',
    help: `The log level: ${[...LOG_LEVEL_WORDS.keys()].join(', ')}.`,
    show: async (context, _args, output) => output.write(context.logLevel.get()),
    set: async (context, args) => {
      const word = single(args, 'log').toLowerCase();
      const level = LOG_LEVEL_WORDS.get(word);
      if (level === undefined) throw new CommandError(`set: log must be one of ${[...LOG_LEVEL_WORDS.keys()].join(', ')}, not '${word}'`);
      context.logLevel.set(level);
    },
  },
];
