import { describe, expect, it } from 'vitest';
import { CONSOLE_BOARDS, hex8, useConsole } from '../support/console-session';

describe.each(CONSOLE_BOARDS)('memory on $uid', (board) => {
  const c = useConsole(board.uid);
  const id = board.idWord;
  const at = (offset: number) => (board.ram + offset).toString(16).padStart(8, '0');

  it('read32 ADDR reads one word: the part identification word', async () => {
    const out = await c.ok(`read32 ${hex8(id.address)}`);
    expect(out.startsWith(`${id.address.toString(16)}:  ${id.value.toString(16).padStart(8, '0')} `)).toBe(true);
    expect(await c.ok(`rw ${id.address}`)).toBe(out);
  });

  it('write32 then read32/read16/read8 show the same bytes in each unit, with ASCII', async () => {
    await c.ok(`write32 ${hex8(board.ram)} 0x44434241 0x0a0d2120 0xdeadbeef 0x00000000`);
    expect(await c.ok(`read32 ${hex8(board.ram)} 16`)).toBe(`${at(0)}:  44434241 0a0d2120 deadbeef 00000000  |ABCD !..........|`);
    expect(await c.ok(`read16 ${hex8(board.ram)} 8`)).toBe(`${at(0)}:  4241 4443 2120 0a0d${' '.repeat(20)}  |ABCD !..|`);
    expect(await c.ok(`rb ${hex8(board.ram)} 5`)).toBe(`${at(0)}:  41 42 43 44  20${' '.repeat(35)}  |ABCD |`);
  });

  it('write8 and write16 (wb, wh) store little-endian units, aligned or not', async () => {
    await c.ok(`ww ${hex8(board.ram)} 0 0`);
    await c.ok(`wb ${hex8(board.ram + 1)} 0x11 0x22; wh ${hex8(board.ram + 4)} 0x3344; wh ${hex8(board.ram + 7)} 0x5566`);
    expect(await c.ok(`read32 ${hex8(board.ram)} 8`)).toBe(`${at(0)}:  00221100 66003344${' '.repeat(18)}  |..".D3.f|`);
    expect(await c.ok(`read16 ${hex8(board.ram + 1)} 2`)).toMatch(new RegExp(`^${at(1)}:  2211 `));
    expect(await c.ok(`read32 ${hex8(board.ram + 1)}`)).toMatch(new RegExp(`^${at(1)}:  44002211 `));
  });

  it('negative data is the unit two\'s complement; data that does not fit is refused naming the value', async () => {
    await c.ok(`write16 ${hex8(board.ram)} -2; write8 ${hex8(board.ram + 2)} -1 0`);
    expect(await c.ok(`read32 ${hex8(board.ram)}`)).toMatch(/: {2}00fffffe /);
    expect(await c.fails(`write8 ${hex8(board.ram)} 0x100`)).toBe('write8: data 256 does not fit in 8 bits');
    expect(await c.fails(`write16 ${hex8(board.ram)} 0x1_0000`)).toBe('write16: data 65536 does not fit in 16 bits');
  });

  it('an address may be a register name, its value at the time of the command', async () => {
    await c.ok('halt');
    await c.ok(`wreg r0 ${hex8(board.ram + 8)}; write32 r0 0xcafef00d`);
    expect(await c.ok('read32 r0')).toMatch(new RegExp(`^${at(8)}:  cafef00d `));
  });

  it('a memory fault is an error naming the address', async () => {
    expect(await c.fails(`read32 ${hex8(board.unmapped)}`)).toMatch(new RegExp(`^read32: .* at ${hex8(board.unmapped)} failed: target answered FAULT`));
    expect(await c.fails(`write32 ${hex8(board.unmapped)} 1`)).toMatch(new RegExp(`^write32: .* at ${hex8(board.unmapped)} failed`));
    // The DP recovers from the sticky error: the next access works.
    expect(await c.ok(`read32 ${hex8(id.address)}`)).toContain(id.value.toString(16).padStart(8, '0'));
  });

  it('LEN must be a positive multiple of the unit and stay inside the address space', async () => {
    expect(await c.fails(`read32 ${hex8(board.ram)} 6`)).toBe('read32: len must be a positive multiple of 4 bytes, not 6');
    expect(await c.fails(`read16 ${hex8(board.ram)} 0`)).toBe('read16: len must be a positive multiple of 2 bytes, not 0');
    expect(await c.fails('read8 0xffffffff 2')).toBe('read8: 2 bytes from 0xffffffff run past the end of the address space');
    expect(await c.fails('read8 0x1_0000_0000')).toBe('read8: addr 4294967296 is not a 32-bit address');
    expect(await c.fails('write32 0x20000000')).toBe('write32: missing data (usage: write32 ADDR DATA...)');
  });
});
