/**
 * Core registers (pyOCD's `reg` and `wreg`): values through DCRSR/DCRDR (ARMv7-M ARM C1.6.3),
 * fault status registers from the System Control Space, and with `-f` the fields of xPSR,
 * CONTROL and the fault registers.
 */
import type { CortexM } from '../../coresight/cortex-m/cortex-m';
import { CommandError, type CommandDefinition, type CommandOutput } from '../command-types';
import type { CommandContext } from '../command-context';
import { CFSR_ADDRESS, FAULT_REGISTERS, findFaultRegister, missingOnBaseline, type FaultRegister } from './fault-registers';
import { hex } from '../../probe/cmsis-dap/commands';
import { decodeControl, decodeXpsr, type CoreFeatures } from './register-fields';

/** Cores with the ARMv7E-M DSP extension (their TRMs), whose APSR has GE[3:0]. */
const DSP_CORES = new Set(['Cortex-M4', 'Cortex-M7']);

function features(core: CortexM): CoreFeatures {
  return { baseline: core.isBaseline, dsp: DSP_CORES.has(core.name), fpu: core.fpu.present };
}

/** Register names `reg` understands on this core: its core registers, then the fault registers. */
export function registerNames(core: CortexM): string[] {
  const faults = FAULT_REGISTERS.filter((r) => !(r.mainlineOnly && core.isBaseline)).map((r) => r.name);
  return [...core.registers.map((r) => r.name), ...faults];
}

/** r13–r15 are the other names of sp, lr and pc (B1.4.1). */
const NUMBERED_ALIASES = ['r13', 'r14', 'r15'];

function checkCoreRegister(command: string, core: CortexM, name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  if (!core.registers.some((r) => r.name === lower) && !NUMBERED_ALIASES.includes(lower)) {
    throw new CommandError(`${command}: reg '${name}' is not a register of this ${core.name} (registers: ${known.join(', ')})`);
  }
  return lower;
}

const line = (name: string, value: number): string => `${name.padStart(9)}: ${hex(value)}`;
const fields = (text: string): string => `${' '.repeat(11)}${text}`;

async function printFaultRegisters(context: CommandContext, registers: readonly FaultRegister[], output: CommandOutput): Promise<void> {
  const target = context.session.target;
  const values = await Promise.all(registers.map((r) => target.read32(r.address)));
  const cfsr = registers.some((r) => r.mainlineOnly) ? await target.read32(CFSR_ADDRESS) : 0;
  registers.forEach((r, i) => output.write(`${line(r.name, values[i]!)}  ${r.describe(values[i]!, cfsr)}`));
}

export const registerCommands: CommandDefinition<CommandContext>[] = [
  {
    name: 'reg',
    aliases: ['rr'],
    group: 'Registers',
    summary: 'Print core register(s).',
    details:
      'Without REG the general registers are printed. REG may also be cfsr, hfsr, dfsr, mmfar or bfar. ' +
      'With -f the fields of xPSR and CONTROL are decoded and, without REG, CONTROL and the fault registers follow.',
    params: [{ name: 'reg', type: 'str', optional: true, rest: true, completion: 'register', help: 'Register names.' }],
    flags: [{ name: 'f', help: 'Decode register fields; without REG add CONTROL and the fault registers.' }],
    async run(context, args, output) {
      const target = context.session.target;
      const core = target.core;
      const requested = args.reg as string[];
      const decode = args.f === true;
      let coreNames: string[];
      let faults: FaultRegister[] = [];
      if (requested.length === 0) {
        coreNames = core.registers.filter((r) => r.group === 'general').map((r) => r.name);
        if (decode) {
          coreNames.push('control');
          faults = FAULT_REGISTERS.filter((r) => !(r.mainlineOnly && core.isBaseline));
        }
      } else {
        coreNames = [];
        for (const name of requested) {
          const fault = findFaultRegister(name);
          if (fault?.mainlineOnly && core.isBaseline) throw new CommandError(`reg: ${missingOnBaseline([fault.name], core.cpuid.architecture)}`);
          if (fault) faults.push(fault);
          else coreNames.push(checkCoreRegister('reg', core, name, registerNames(core)));
        }
      }
      const values = coreNames.length > 0 ? await target.readCoreRegisters(coreNames) : [];
      coreNames.forEach((name, i) => {
        const value = values[i]!;
        output.write(line(name, value));
        if (decode && name === 'xpsr') output.write(fields(decodeXpsr(value, features(core))));
        if (decode && name === 'control') output.write(fields(decodeControl(value, features(core))));
      });
      if (faults.length > 0) await printFaultRegisters(context, faults, output);
      if (decode && requested.length === 0 && core.isBaseline) {
        output.write(fields(missingOnBaseline(['cfsr', 'hfsr', 'mmfar', 'bfar'], core.cpuid.architecture)));
      }
    },
  },
  {
    name: 'wreg',
    aliases: ['wr'],
    group: 'Registers',
    summary: 'Set the value of a core register.',
    params: [
      { name: 'reg', type: 'str', completion: 'register', help: 'Core register name.' },
      { name: 'value', type: 'int', acceptsRegister: true, help: 'New value: an integer or another register.' },
    ],
    async run(context, args) {
      const core = context.session.target.core;
      const name = checkCoreRegister('wreg', core, args.reg as string, core.registers.map((r) => r.name));
      const value = args.value as number;
      if (value < -0x80000000 || value > 0xffffffff) throw new CommandError(`wreg: value ${value} does not fit in 32 bits`);
      await context.session.target.writeCoreRegisters({ [name]: value >>> 0 });
    },
  },
];
