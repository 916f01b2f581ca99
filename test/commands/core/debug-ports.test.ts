import { describe, expect, it } from 'vitest';
import { CONSOLE_BOARDS, hex8, useConsole } from '../support/console-session';

describe.each(CONSOLE_BOARDS)('debug and access ports on $uid', (board) => {
  const c = useConsole(board.uid);

  it('readdp 0 reads DPIDR (rdp is its alias)', async () => {
    expect(await c.ok('readdp 0')).toBe(`DP register 0x0 = ${hex8(board.dpidr)}`);
    expect(await c.ok('rdp 0x0')).toBe(`DP register 0x0 = ${hex8(board.dpidr)}`);
  });

  it('readap reads IDR of the selected core AP, by register alone, by APSEL and register, or the SELECT form', async () => {
    const expected = `AP register 0:0xfc = ${hex8(board.ap0Idr)}`;
    expect(await c.ok('readap 0xfc')).toBe(expected);
    expect(await c.ok('readap 0 0xfc')).toBe(expected);
    expect(await c.ok('rap 0x000000fc')).toBe(expected);
  });

  it('writeap sets TAR and readap DRW reads memory there; the MEM-AP caches are dropped so memory commands still work', async () => {
    await c.ok(`write32 ${hex8(board.ram)} 0x600dcafe`);
    await c.ok(`writeap 0x4 ${hex8(board.ram)}`);
    expect(await c.ok('readap 0xc')).toBe(`AP register 0:0xc = 0x600dcafe`);
    await c.ok(`wap 0 0x4 ${hex8(board.idWord.address)}`);
    expect(await c.ok(`read32 ${hex8(board.ram)}`)).toMatch(/: {2}600dcafe /);
  });

  it('writedp writes CTRL/STAT and readdp shows the power-up acknowledges (ADIv5.2 B2.2.2)', async () => {
    await c.ok('writedp 0x4 0x50000000');
    const ctrlStat = Number((await c.ok('readdp 4')).split(' = ')[1]);
    // CSYSPWRUPACK, CSYSPWRUPREQ, CDBGPWRUPACK, CDBGPWRUPREQ; the low bits report the last AP access (READOK).
    expect((ctrlStat >>> 24).toString(16)).toBe('f0');
    expect(await c.ok('wdp 0 0x1e; readdp 0')).toBe(`DP register 0x0 = ${hex8(board.dpidr)}`);
  });

  it('refuses register addresses that are not word addresses up to 0xfc, naming the argument', async () => {
    expect(await c.fails('readdp 2')).toBe('readdp: addr 0x2 is not a DP register address (a multiple of 4 from 0x0 to 0xfc)');
    expect(await c.fails('readap 0 0x100')).toBe('readap: addr 0x100 is not a AP register address (a multiple of 4 from 0x0 to 0xfc)');
    expect(await c.fails('writeap 0x300 0xfc 1')).toBe('writeap: apsel 768 is not an APSEL (0 to 255)');
    expect(await c.fails('writedp 4 0x1_0000_0000')).toBe('writedp: data 4294967296 does not fit in 32 bits');
  });
});
