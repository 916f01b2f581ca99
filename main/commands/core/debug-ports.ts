/**
 * Raw debug port and access port registers (pyOCD's `readdp`, `writedp`, `readap`, `writeap`).
 * DP registers are named `bank << 4 | address` as DpRegister does (ADIv5.2 B2.2.9: DPBANKSEL
 * selects among the registers at 0x4). AP registers take the APSEL of the selected core's AP
 * unless one is given, or the ADIv5 SELECT form `APSEL << 24 | register` (B2.2.9 APSEL[31:24]).
 */
import { MemAp } from '../../coresight/mem-ap';
import { CommandError, type CommandDefinition } from '../command-types';
import type { CommandContext } from '../command-context';
import { hex } from '../../probe/cmsis-dap/commands';

function checkRegister(command: string, what: string, register: number): void {
  if (register < 0 || register > 0xfc || register % 4 !== 0) {
    throw new CommandError(`${command}: addr 0x${register.toString(16)} is not a ${what} register address (a multiple of 4 from 0x0 to 0xfc)`);
  }
}

function checkWord(command: string, value: number): number {
  if (value < -0x80000000 || value > 0xffffffff) throw new CommandError(`${command}: data ${value} does not fit in 32 bits`);
  return value >>> 0;
}

function apAddress(context: CommandContext, command: string, apsel: number | undefined, addr: number): { apsel: number; register: number } {
  if (apsel === undefined && addr > 0xff) return apAddress(context, command, addr >>> 24, addr & 0xff);
  const memory = context.session.target.core.memory;
  if (apsel === undefined && !(memory instanceof MemAp)) throw new CommandError(`${command}: the selected core is not reached through a MEM-AP; give APSEL`);
  const selected = apsel ?? (memory as MemAp).apsel;
  if (selected < 0 || selected > 0xff) throw new CommandError(`${command}: apsel ${selected} is not an APSEL (0 to 255)`);
  checkRegister(command, 'AP', addr);
  return { apsel: selected, register: addr };
}

/** Names the register in an access's failure, which the probe layer reports without it. */
async function access<T>(command: string, what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw new CommandError(`${command}: ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const apsel = { name: 'apsel', type: 'int', optional: true, help: "Access port number (default: the selected core's AP)." } as const;

export const debugPortCommands: CommandDefinition<CommandContext>[] = [
  {
    name: 'readdp',
    aliases: ['rdp'],
    group: 'Dap',
    summary: 'Read DP register.',
    params: [{ name: 'addr', type: 'int', help: 'Register: 0x0 DPIDR, 0x4 CTRL/STAT, 0x8 RESEND, 0xc RDBUFF; 0x24 TARGETID (bank 2).' }],
    async run(context, args, output) {
      const register = args.addr as number;
      checkRegister('readdp', 'DP', register);
      const value = await access('readdp', `DP register 0x${register.toString(16)}`, () => context.session.target.dp.readDP(register));
      output.write(`DP register 0x${register.toString(16)} = ${hex(value)}`);
    },
  },
  {
    name: 'writedp',
    aliases: ['wdp'],
    group: 'Dap',
    summary: 'Write DP register.',
    params: [
      { name: 'addr', type: 'int', help: 'Register: 0x0 ABORT, 0x4 CTRL/STAT, 0x8 SELECT, 0xc TARGETSEL.' },
      { name: 'data', type: 'int', help: 'Value.' },
    ],
    async run(context, args) {
      const register = args.addr as number;
      checkRegister('writedp', 'DP', register);
      const data = checkWord('writedp', args.data as number);
      await access('writedp', `DP register 0x${register.toString(16)}`, () => context.session.target.dp.writeDP(register, data));
    },
  },
  {
    name: 'readap',
    aliases: ['rap'],
    group: 'Dap',
    summary: 'Read AP register.',
    params: [apsel, { name: 'addr', type: 'int', help: 'Register (0xfc is IDR), or APSEL << 24 | register.' }],
    async run(context, args, output) {
      const { apsel: ap, register } = apAddress(context, 'readap', args.apsel as number | undefined, args.addr as number);
      const value = await access('readap', `AP ${ap} register 0x${register.toString(16)}`, () => context.session.target.dp.readAP(ap, register));
      output.write(`AP register ${ap}:0x${register.toString(16)} = ${hex(value)}`);
    },
  },
  {
    name: 'writeap',
    aliases: ['wap'],
    group: 'Dap',
    summary: 'Write AP register.',
    details: 'Writing a MEM-AP register (CSW, TAR) makes its cached copies stale, so they are dropped.',
    params: [apsel, { name: 'addr', type: 'int', help: 'Register, or APSEL << 24 | register.' }, { name: 'data', type: 'int', help: 'Value.' }],
    async run(context, args) {
      const { apsel: ap, register } = apAddress(context, 'writeap', args.apsel as number | undefined, args.addr as number);
      const target = context.session.target;
      const data = checkWord('writeap', args.data as number);
      await access('writeap', `AP ${ap} register 0x${register.toString(16)}`, () => target.dp.writeAP(ap, register, data));
      const port = target.aps.get(ap);
      if (port instanceof MemAp) port.invalidate();
    },
  },
];
