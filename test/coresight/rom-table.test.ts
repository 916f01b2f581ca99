import { describe, expect, it } from 'vitest';
import type { MemoryInterface } from '../../main/coresight/memory-interface';
import { flattenComponents, walkRomTable } from '../../main/coresight/rom-table';
import { decodeComponentId } from '../../main/coresight/component-id';
import { TransferFaultError } from '../../main/probe/errors';

/** Word-addressed memory; reads of unmapped words fault like a bus error would. */
class WordMemory implements MemoryInterface {
  readonly words = new Map<number, number>();
  private get(address: number): number {
    const value = this.words.get(address >>> 0);
    if (value === undefined) throw new TransferFaultError(`bus error at 0x${address.toString(16)}`, { address });
    return value;
  }
  async read32(address: number): Promise<number> {
    return this.get(address);
  }
  async readBlock32(address: number, count: number): Promise<Uint32Array> {
    return Uint32Array.from({ length: count }, (_, i) => this.get(address + 4 * i));
  }
  read8 = async (a: number): Promise<number> => (this.get(a & ~3) >>> ((a & 3) * 8)) & 0xff;
  read16 = async (a: number): Promise<number> => (this.get(a & ~3) >>> ((a & 2) * 8)) & 0xffff;
  write8 = async (): Promise<void> => undefined;
  write16 = async (): Promise<void> => undefined;
  write32 = async (): Promise<void> => undefined;
  writeBlock32 = async (): Promise<void> => undefined;
  readBytes = async (): Promise<Uint8Array> => new Uint8Array(0);
  writeBytes = async (): Promise<void> => undefined;

  /** Places ROM table entries at `base`; the rest of the entry area reads as zero, as on real tables. */
  table(base: number, entries: readonly number[]): void {
    for (let i = 0; i < 64; i++) this.words.set(base + 4 * i, entries[i] ?? 0);
  }

  /** Places PIDR4..7, PIDR0..3 and CIDR0..3 of a component at `base`. */
  component(base: number, cls: number, pidr: readonly number[]): void {
    const ids = [pidr[4]!, 0, 0, 0, pidr[0]!, pidr[1]!, pidr[2]!, pidr[3]!, 0x0d, (cls << 4) | 0x0, 0x05, 0xb1];
    ids.forEach((v, i) => this.words.set(base + 0xfd0 + 4 * i, v));
  }
}

/** PIDR bytes (0..4) for an Arm part: designer 0x3B in JEP106 bank 5. */
const armPidr = (part: number): number[] => [part & 0xff, ((part >> 8) & 0xf) | 0xb0, 0x0b, 0x00, 0x04];

describe('ROM table walk', () => {
  it('walks a class 0x1 table with negative offsets and names the Cortex-M4 components', async () => {
    const memory = new WordMemory();
    const rom = 0xe00ff000;
    memory.component(rom, 0x1, armPidr(0x4c4));
    const entries = [0xfff0f003, 0xfff02003, 0xfff03003, 0xfff01003, 0xfff41003, 0xfff42003, 0];
    memory.table(rom, entries);
    memory.component(0xe000e000, 0xe, armPidr(0x00c));
    memory.component(0xe0001000, 0xe, armPidr(0x002));
    memory.component(0xe0002000, 0xe, armPidr(0x003));
    memory.component(0xe0000000, 0xe, armPidr(0x001));
    memory.component(0xe0040000, 0x9, armPidr(0x9a1));
    memory.component(0xe0041000, 0x9, armPidr(0x925));
    memory.words.set(0xe0040fbc, 0);
    memory.words.set(0xe0040fcc, 0x11);
    memory.words.set(0xe0041fbc, 0);
    memory.words.set(0xe0041fcc, 0x13);
    const walk = await walkRomTable(memory, rom);
    expect(walk.problems).toEqual([]);
    const found = flattenComponents(walk.root).map((c) => [c.address.toString(16), c.id.name]);
    expect(found).toEqual([
      ['e00ff000', 'ROM table (Cortex-M4)'],
      ['e000e000', 'SCS-M4'],
      ['e0001000', 'DWT'],
      ['e0002000', 'FPB'],
      ['e0000000', 'ITM'],
      ['e0040000', 'TPIU-M4'],
      ['e0041000', 'ETM-M4'],
    ]);
    expect(walk.root!.id.designerName).toBe('Arm Ltd');
  });

  it('skips entries without the present bit and reports an unreadable component by address', async () => {
    const memory = new WordMemory();
    const rom = 0xf0000000;
    memory.component(rom, 0x1, armPidr(0x4c0));
    memory.table(rom, [0x00001002, 0x00002003]);
    const walk = await walkRomTable(memory, rom);
    expect(walk.root!.children).toEqual([]);
    expect(walk.problems).toHaveLength(1);
    expect(walk.problems[0]).toMatch(/component at 0xf0002000: bus error/);
  });

  it('walks a class 0x9 CoreSight ROM table identified by DEVARCH 0x0AF7', async () => {
    const memory = new WordMemory();
    const rom = 0xe00fe000;
    memory.component(rom, 0x9, armPidr(0x4c9));
    memory.words.set(rom + 0xfbc, (0x23b << 21) | (1 << 20) | 0x0af7);
    memory.words.set(rom + 0xfcc, 0);
    memory.table(rom, [0x00001003, 0x00002002]);
    memory.component(rom + 0x1000, 0x9, armPidr(0xd21));
    memory.words.set(rom + 0x1fbc, (0x23b << 21) | (1 << 20) | 0x1a02);
    memory.words.set(rom + 0x1fcc, 0);
    const walk = await walkRomTable(memory, rom);
    expect(walk.problems).toEqual([]);
    expect(walk.root!.id.name).toBe('ROM table');
    expect(walk.root!.children.map((c) => c.id.name)).toEqual(['DWT']);
  });

  it('decodes designer, part number, revision and size from the ID registers', () => {
    const id = decodeComponentId([0x04, 0, 0, 0, 0x08, 0xb0, 0x2b, 0x00, 0x0d, 0xe0, 0x05, 0xb1]);
    expect(id).toMatchObject({ componentClass: 0xe, partNumber: 0x008, revision: 2, designerName: 'Arm Ltd', name: 'SCS-M0', cidr: 0xb105e00d });
  });
});
