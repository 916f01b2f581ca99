import { describe, expect, it } from 'vitest';
import { CONSOLE_BOARDS, hex8, useConsole } from '../support/console-session';

describe.each(CONSOLE_BOARDS)('run control on $uid', (board) => {
  const c = useConsole(board.uid);
  const pc = async () => (await c.session.target.readCoreRegisters(['pc']))[0]!;
  const resetVector = async () => {
    const vtor = (await c.session.target.read32(0xe000ed08)) & 0xffffff80;
    return (await c.session.target.read32(vtor + 4)) & ~1;
  };

  it('status names the halted state, the halt reason and the pc', async () => {
    await c.ok('halt');
    expect(await c.ok('status')).toBe(`Core 0 status: Halted (reason: debug) at pc ${hex8(await pc())}`);
    expect(await c.ok('st')).toBe(await c.ok('status'));
  });

  it('continue (and its aliases c, cont, go, g) lets the core run and halt (h) stops it at a pc', async () => {
    for (const word of ['continue', 'c', 'cont', 'go', 'g']) {
      expect(await c.ok(word)).toBe('Successfully resumed device');
      expect(await c.ok('status')).toMatch(/^Core 0 status: (Running|Sleeping)$/);
      const halted = await c.ok('h');
      expect(halted).toBe(`Successfully halted device at pc ${hex8(await pc())}`);
    }
    expect(await c.ok('halt')).toBe(`Core is already halted at pc ${hex8(await pc())}`);
  });

  it('step N executes N instructions and prints the new pc; step needs a halted core', async () => {
    await c.ok('reset halt');
    const start = await pc();
    const out = await c.ok('step 3');
    const after = await pc();
    expect(after).not.toBe(start);
    expect(out).toBe(`pc ${hex8(after)}`);
    expect(await c.ok('s')).toMatch(/^pc 0x[0-9a-f]{8}$/);
    expect(await c.session.target.core.getHaltReason()).toBe('step');
    expect(await c.fails('step 0')).toBe('step: count must be at least 1, not 0');
    await c.ok('continue');
    expect(await c.fails('step')).toBe('step: Single step needs the core halted; halt it first');
    await c.ok('halt');
  });

  it.each(['halt', '-halt', '-h'])('reset %s stops on the reset handler first instruction', async (word) => {
    const out = await c.ok(`reset ${word}`);
    const vector = await resetVector();
    expect(await pc()).toBe(vector);
    expect(out).toBe(`Reset (sw_sysresetreq) and halted at pc ${hex8(vector)}`);
  });

  it('reset takes our reset type names and pyOCD short names, and says which reset it performed', async () => {
    const vectreset = board.architecture === 'ARMv6-M' ? 'sw_emulated' : 'sw_vectreset';
    const cases: [string, string][] = [
      ['hw', 'hw'],
      ['hardware', 'hw'],
      ['sw_sysresetreq', 'sw_sysresetreq'],
      ['system', 'sw_sysresetreq'],
      ['vectreset', vectreset],
      ['core', vectreset],
      ['emulated', 'sw_emulated'],
      ['default', 'sw_sysresetreq'],
    ];
    for (const [word, done] of cases) {
      expect(await c.ok(`reset halt ${word}`)).toBe(`Reset (${done}) and halted at pc ${hex8(await resetVector())}`);
    }
    expect(await c.fails('reset halt bogus')).toMatch(/^reset: type must be one of default, hw, hardware, .* not 'bogus'$/);
  });

  it('reset without halt leaves the program running', async () => {
    expect(await c.ok('reset sw')).toBe('Reset (sw_sysresetreq); the target is running');
    expect(await c.session.target.getState()).not.toBe('halted');
    await c.ok('halt');
  });
});
