import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIRMWARE_DIR } from '../../../scripts/firmware/check-firmware';
import { requireTool } from '../../support/require-tool';
import { EM_ARM, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_PROGBITS, bytesAt, parseElf32, section, symbol } from './elf32';

const run = promisify(execFile);

interface ExpectedDevice {
  file: string;
  DevName: string;
  DevAdr: number;
  szDev: number;
  szPage: number;
  valEmpty: number;
  toProgPage: number;
  toErase: number;
  sectors: Array<[number, number]>;
}

const EXPECTED: ExpectedDevice[] = [
  { file: 'nrf52840-flash.FLM', DevName: 'nRF52840 internal flash 1MB (ProbeDesk)', DevAdr: 0x0, szDev: 0x100000, szPage: 0x1000, valEmpty: 0xff, toProgPage: 100, toErase: 500, sectors: [[0x1000, 0x0]] },
  { file: 'nrf52840-uicr.FLM', DevName: 'nRF52840 UICR 4KB (ProbeDesk)', DevAdr: 0x10001000, szDev: 0x1000, szPage: 0x1000, valEmpty: 0xff, toProgPage: 100, toErase: 500, sectors: [[0x1000, 0x0]] },
  { file: 'stm32l0-flash.FLM', DevName: 'STM32L051x8 Flash 64KB (ProbeDesk)', DevAdr: 0x08000000, szDev: 0x10000, szPage: 128, valEmpty: 0x00, toProgPage: 100, toErase: 100, sectors: [[128, 0x0]] },
  { file: 'stm32l0-eeprom.FLM', DevName: 'STM32L051x8 data EEPROM 2KB (ProbeDesk)', DevAdr: 0x08080000, szDev: 0x800, szPage: 128, valEmpty: 0x00, toProgPage: 500, toErase: 500, sectors: [[128, 0x0]] },
];

const ENTRY_POINTS = ['Init', 'UnInit', 'EraseChip', 'EraseSector', 'ProgramPage', 'Verify', 'BlankCheck'];
/** sizeof(struct FlashDevice) with FlashOS.h's 512 sector entries. */
const FLASH_DEVICE_SIZE = 4256;
/** struct FlmStatic as flm/flm-static.h lays it out: magic "FLMs", init_function 0. */
const FLM_STATIC_MAGIC = 0x734d4c46;

async function loadFlm(file: string) {
  return parseElf32(await readFile(join(FIRMWARE_DIR, 'flm', 'build', file)));
}

describe.each(EXPECTED)('$file', (expected) => {
  it('has PrgCode at 0 (code), PrgData right after it (data) and DevDscr, and nothing needing relocation', async () => {
    const elf = await loadFlm(expected.file);
    expect(elf.machine).toBe(EM_ARM);
    const code = section(elf, 'PrgCode');
    const data = section(elf, 'PrgData');
    const descriptor = section(elf, 'DevDscr');
    expect(code.type).toBe(SHT_PROGBITS);
    expect(code.addr).toBe(0);
    expect(code.flags & (SHF_ALLOC | SHF_EXECINSTR)).toBe(SHF_ALLOC | SHF_EXECINSTR);
    expect(data.type).toBe(SHT_PROGBITS);
    expect(data.flags & (SHF_ALLOC | SHF_WRITE)).toBe(SHF_ALLOC | SHF_WRITE);
    expect(data.addr).toBe(code.addr + code.size);
    expect(data.data.readUInt32LE(0)).toBe(FLM_STATIC_MAGIC);
    expect(data.data.readUInt32LE(4)).toBe(0);
    expect(descriptor.size).toBe(FLASH_DEVICE_SIZE);
    const names = elf.sections.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('.got') || n.startsWith('.rel') || n === '.bss' || n === '.data')).toEqual([]);
  });

  it('exports every FLM entry point as a Thumb function inside PrgCode', async () => {
    const elf = await loadFlm(expected.file);
    const code = section(elf, 'PrgCode');
    for (const name of ENTRY_POINTS) {
      const entry = symbol(elf, name);
      expect(entry.value & 1, `${name} is Thumb code`).toBe(1);
      expect(entry.value & ~1).toBeGreaterThanOrEqual(code.addr);
      expect(entry.value & ~1).toBeLessThan(code.addr + code.size);
    }
  });

  it('describes its device in a FlashDevice descriptor with the FlashOS.h layout', async () => {
    const elf = await loadFlm(expected.file);
    const device = symbol(elf, 'FlashDevice');
    expect(device.size).toBe(FLASH_DEVICE_SIZE);
    const d = bytesAt(elf, device.value, FLASH_DEVICE_SIZE);
    expect(d.readUInt16LE(0)).toBe(0x0101);
    expect(d.toString('latin1', 2, 2 + d.subarray(2, 130).indexOf(0))).toBe(expected.DevName);
    expect(d.readUInt16LE(130)).toBe(1);
    expect(d.readUInt32LE(132)).toBe(expected.DevAdr);
    expect(d.readUInt32LE(136)).toBe(expected.szDev);
    expect(d.readUInt32LE(140)).toBe(expected.szPage);
    expect(d.readUInt32LE(144)).toBe(0);
    expect(d.readUInt8(148)).toBe(expected.valEmpty);
    expect(d.readUInt32LE(152)).toBe(expected.toProgPage);
    expect(d.readUInt32LE(156)).toBe(expected.toErase);
    const sectors: Array<[number, number]> = [];
    for (let at = 160; d.readUInt32LE(at) !== 0xffffffff; at += 8) sectors.push([d.readUInt32LE(at), d.readUInt32LE(at + 4)]);
    expect(sectors).toEqual(expected.sectors);
    expect(d.readUInt32LE(160 + 8 * sectors.length + 4)).toBe(0xffffffff);
  });

  it.runIf(requireTool('arm-none-eabi-objdump', 'binutils-arm-none-eabi'))(
    'holds no literal that points into the algorithm image, so it runs wherever it is loaded',
    async () => {
      const elf = await loadFlm(expected.file);
      const data = section(elf, 'PrgData');
      const { stdout } = await run('arm-none-eabi-objdump', ['-d', '-j', 'PrgCode', join(FIRMWARE_DIR, 'flm', 'build', expected.file)], { timeout: 60_000 });
      const literals = [...stdout.matchAll(/\.word\s+0x([0-9a-f]+)/g)].map((m) => parseInt(m[1]!, 16));
      expect(literals.length).toBeGreaterThan(0);
      expect(literals.filter((value) => value < data.addr + data.size)).toEqual([]);
    },
  );
});
