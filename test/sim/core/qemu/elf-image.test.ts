import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../../../support/require-tool';
import { buildProgram, listCorpus } from './corpus-build';
import { parseElf, symbolAddress } from './elf-image';

describe('parseElf errors', () => {
  const header = (): Uint8Array => {
    const b = new Uint8Array(52);
    b.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
    b[18] = 40;
    return b;
  };

  it('names the file and the field that is wrong', () => {
    expect(() => parseElf(new Uint8Array(10), 'short.elf')).toThrow('short.elf: not a loadable Arm ELF file: only 10 bytes, shorter than an ELF header');
    const badMagic = header();
    badMagic[1] = 0;
    expect(() => parseElf(badMagic, 'magic.elf')).toThrow('magic.elf: not a loadable Arm ELF file: bad magic (expected 7f 45 4c 46)');
    const elf64 = header();
    elf64[4] = 2;
    expect(() => parseElf(elf64, 'wide.elf')).toThrow('EI_CLASS 2 (expected 1, ELFCLASS32)');
    const bigEndian = header();
    bigEndian[5] = 2;
    expect(() => parseElf(bigEndian, 'be.elf')).toThrow('EI_DATA 2 (expected 1, little-endian)');
    const x86 = header();
    x86[18] = 3;
    expect(() => parseElf(x86, 'x86.elf')).toThrow('e_machine 3 (expected 40, EM_ARM)');
  });

  it('rejects a program header that points past the end of the file', () => {
    const b = new Uint8Array(52 + 32);
    b.set(header());
    const v = new DataView(b.buffer);
    v.setUint32(28, 52, true);
    v.setUint16(42, 32, true);
    v.setUint16(44, 1, true);
    v.setUint32(52, 1, true);
    v.setUint32(56, 0x1000, true);
    v.setUint32(68, 0x40, true);
    expect(() => parseElf(b, 'cut.elf')).toThrow('cut.elf: not a loadable Arm ELF file: program header 0 at file offset 0x1000, size 0x40, lies past the end of the file');
  });

  it('reports a missing symbol with the file name', () => {
    expect(() => symbolAddress({ entry: 0, segments: [], symbols: new Map() }, 'test_done', 'x.elf')).toThrow("x.elf: symbol 'test_done' not found");
  });
});

describe.skipIf(!requireTool('arm-none-eabi-gcc', 'gcc-arm-none-eabi'))('parseElf on a corpus program', () => {
  it('finds the load segments at their physical addresses and the start-up symbols', async () => {
    const program = listCorpus().find((p) => p.arch === 'v6m' && p.name === 'mixed')!;
    const built = await buildProgram(program);
    const image = parseElf(readFileSync(built.elfPath), built.elfPath);
    const code = image.segments.find((s) => s.physicalAddress === 0)!;
    const view = new DataView(code.data.buffer, code.data.byteOffset, code.data.byteLength);
    // Vector 0 is the initial MSP (top of the 16 KiB nRF51 RAM), vector 1 the reset handler with its Thumb bit.
    expect(view.getUint32(0, true)).toBe(0x20004000);
    expect(view.getUint32(4, true)).toBe(image.symbols.get('Reset_Handler'));
    expect(image.entry).toBe(image.symbols.get('Reset_Handler'));
    expect(symbolAddress(image, 'test_done', built.elfPath) % 2).toBe(0);
    // The .data initialiser is loaded in flash after the code (LMA), not at its RAM address.
    const dataLoad = image.symbols.get('__data_load')!;
    expect(image.segments.some((s) => s.physicalAddress === dataLoad && s.data.length === image.symbols.get('__data_end')! - image.symbols.get('__data_start')!)).toBe(true);
  });
});
