/**
 * Memory commands (pyOCD's `read8/16/32 ADDR [LEN]` and `write8/16/32 ADDR DATA...`) through the
 * selected core's MEM-AP. LEN counts bytes and defaults to one unit. Aligned halfwords and words
 * go as 16- and 32-bit bus accesses, so peripheral registers see the access size they expect;
 * an unaligned start is read or written byte-wise.
 */
import { CommandError, type CommandDefinition, type ParamSpec } from '../command-types';
import type { CommandContext } from '../command-context';
import { formatHexDump, type UnitSize } from './hex-dump';

const ADDRESS_PARAM: ParamSpec = { name: 'addr', type: 'int', acceptsRegister: true, completion: 'register', help: 'Start address, or a register holding it.' };
const UNIT_NAMES: Record<UnitSize, string> = { 1: 'bytes', 2: 'halfwords', 4: 'words' };

function checkRange(command: string, address: number, length: number): void {
  if (address < 0 || address > 0xffffffff) throw new CommandError(`${command}: addr ${address} is not a 32-bit address`);
  if (address + length > 0x100000000) throw new CommandError(`${command}: ${length} bytes from 0x${address.toString(16)} run past the end of the address space`);
}

/** Units as memory holds them: little-endian (ARMv7-M ARM A3.3.1 on these cores). */
function littleEndianBytes(values: ArrayLike<number>, unit: UnitSize): Uint8Array {
  const bytes = new Uint8Array(values.length * unit);
  for (let i = 0; i < values.length; i++) {
    for (let b = 0; b < unit; b++) bytes[i * unit + b] = (values[i]! >>> (8 * b)) & 0xff;
  }
  return bytes;
}

async function readUnits(context: CommandContext, address: number, length: number, unit: UnitSize): Promise<Uint8Array> {
  const target = context.session.target;
  const count = length / unit;
  if (unit === 4 && address % 4 === 0) return littleEndianBytes(await target.readBlock32(address, count), 4);
  if (unit === 2 && address % 2 === 0) {
    const halves = await Promise.all(Array.from({ length: count }, (_, i) => target.read16(address + 2 * i)));
    return littleEndianBytes(halves, 2);
  }
  return target.readBytes(address, length);
}

async function writeUnits(context: CommandContext, address: number, values: readonly number[], unit: UnitSize): Promise<void> {
  const target = context.session.target;
  if (unit === 4 && address % 4 === 0) return target.writeBlock32(address, values);
  if (unit === 2 && address % 2 === 0) {
    await Promise.all(values.map((v, i) => target.write16(address + 2 * i, v)));
    return;
  }
  await target.writeBytes(address, littleEndianBytes(values, unit));
}

function readCommand(unit: UnitSize, alias: string): CommandDefinition<CommandContext> {
  const name = `read${unit * 8}`;
  return {
    name,
    aliases: [alias],
    group: 'Memory',
    summary: `Read ${unit * 8}-bit ${UNIT_NAMES[unit]}.`,
    details: `LEN is the number of bytes (not ${UNIT_NAMES[unit]}) and must be a multiple of ${unit}; without it one ${UNIT_NAMES[unit].slice(0, -1)} is read.`,
    params: [ADDRESS_PARAM, { name: 'len', type: 'int', optional: true, help: 'Bytes to read.' }],
    async run(context, args, output) {
      const address = args.addr as number;
      const length = (args.len as number | undefined) ?? unit;
      if (length <= 0 || length % unit !== 0) throw new CommandError(`${name}: len must be a positive multiple of ${unit} bytes, not ${length}`);
      checkRange(name, address, length);
      output.write(formatHexDump(address, await readUnits(context, address, length, unit), unit));
    },
  };
}

function writeCommand(unit: UnitSize, alias: string): CommandDefinition<CommandContext> {
  const name = `write${unit * 8}`;
  const limit = 2 ** (unit * 8);
  return {
    name,
    aliases: [alias],
    group: 'Memory',
    summary: `Write ${unit * 8}-bit ${UNIT_NAMES[unit]} to memory.`,
    details: `Each DATA value is one ${unit * 8}-bit unit, stored little-endian from ADDR on.`,
    params: [ADDRESS_PARAM, { name: 'data', type: 'int', rest: true, acceptsRegister: true, help: `${unit * 8}-bit values.` }],
    async run(context, args) {
      const address = args.addr as number;
      const data = args.data as number[];
      for (const value of data) {
        if (value < -limit / 2 || value >= limit) throw new CommandError(`${name}: data ${value} does not fit in ${unit * 8} bits`);
      }
      checkRange(name, address, data.length * unit);
      await writeUnits(context, address, data.map((v) => (v < 0 ? v + limit : v)), unit);
    },
  };
}

export const memoryCommands: CommandDefinition<CommandContext>[] = [
  readCommand(1, 'rb'),
  readCommand(2, 'rh'),
  readCommand(4, 'rw'),
  writeCommand(1, 'wb'),
  writeCommand(2, 'wh'),
  writeCommand(4, 'ww'),
];
