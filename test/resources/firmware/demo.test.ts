import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MemoryMap from 'nrf-intel-hex';
import { describe, expect, it } from 'vitest';
import { FIRMWARE_DIR } from '../../../scripts/firmware/check-firmware';
import { EM_ARM, bytesAt, parseElf32, section, symbol } from './elf32';

interface ExpectedDemo {
  board: string;
  name: string;
  flashBase: number;
  ramEnd: number;
  irqCount: number;
  coreClockHz: number;
}

const DEMOS: ExpectedDemo[] = [
  { board: 'nrf52840', name: 'ProbeDesk demo nRF52840', flashBase: 0x0, ramEnd: 0x20040000, irqCount: 48, coreClockHz: 64_000_000 },
  { board: 'stm32l051', name: 'ProbeDesk demo STM32L051', flashBase: 0x08000000, ramEnd: 0x20002000, irqCount: 32, coreClockHz: 32_000_000 },
];

async function demoFile(board: string, extension: string): Promise<Buffer> {
  return readFile(join(FIRMWARE_DIR, board, 'build', `demo.${extension}`));
}

describe.each(DEMOS)('$board demo', (demo) => {
  it('starts with a vector table whose SP is the top of RAM and whose Reset/HardFault/SysTick entries are our Thumb handlers', async () => {
    const elf = parseElf32(await demoFile(demo.board, 'elf'));
    expect(elf.machine).toBe(EM_ARM);
    const table = symbol(elf, 'vector_table');
    expect(table.value).toBe(demo.flashBase);
    expect(table.size).toBe(4 * (16 + demo.irqCount));
    const vectors = bytesAt(elf, table.value, table.size);
    expect(vectors.readUInt32LE(0)).toBe(demo.ramEnd);
    expect(vectors.readUInt32LE(4)).toBe(symbol(elf, 'Reset_Handler').value);
    expect(vectors.readUInt32LE(12)).toBe(symbol(elf, 'HardFault_Handler').value);
    expect(vectors.readUInt32LE(60)).toBe(symbol(elf, 'SysTick_Handler').value);
    expect(symbol(elf, 'Reset_Handler').value & 1).toBe(1);
  });

  it('initialises demo_state with the magic, version and board name, and places demo_ticks, demo_fault_request and _SEGGER_RTT in zero-initialised RAM', async () => {
    const elf = parseElf32(await demoFile(demo.board, 'elf'));
    const state = symbol(elf, 'demo_state');
    expect(state.value).toBe(0x20000000);
    expect(state.size).toBe(64);
    const data = section(elf, '.data');
    const image = data.data.subarray(state.value - data.addr, state.value - data.addr + state.size);
    expect(image.readUInt32LE(0)).toBe(0xc0ffee42);
    expect(image.readUInt32LE(4)).toBe(0x00010000);
    expect(image.toString('latin1', 8, 8 + image.subarray(8, 40).indexOf(0))).toBe(demo.name);
    for (const name of ['demo_ticks', 'demo_fault_request', '_SEGGER_RTT']) {
      const s = symbol(elf, name);
      expect(s.value, name).toBeGreaterThanOrEqual(section(elf, '.bss').addr);
      expect(s.value, name).toBeLessThan(demo.ramEnd);
    }
    expect(symbol(elf, '_SEGGER_RTT').size).toBe(16 + 4 + 4 + 24 + 24);
  });

  it('ships the same bytes in the ELF, the Intel HEX and the raw binary', async () => {
    const elf = parseElf32(await demoFile(demo.board, 'elf'));
    const text = section(elf, '.text');
    const data = section(elf, '.data');
    const bin = await demoFile(demo.board, 'bin');
    expect(bin.length).toBe(text.size + data.size);
    expect(bin.subarray(0, text.size).equals(text.data)).toBe(true);
    expect(bin.subarray(text.size).equals(data.data)).toBe(true);
    const hex = MemoryMap.fromHex((await demoFile(demo.board, 'hex')).toString('latin1'));
    const flat = hex.slicePad(demo.flashBase, bin.length);
    expect(Buffer.from(flat).equals(bin)).toBe(true);
  });
});
