import { afterEach, describe, expect, it } from 'vitest';
import type { TargetState } from '../../../shared/api/schemas/target-state';
import { startSimHost, type SimHost } from '../support/sim-host';

let host: SimHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

function start(): SimHost {
  host = startSimHost();
  return host;
}

interface Reply {
  output: string;
  ok: boolean;
  error?: string;
}

describe('console service', () => {
  it('answers help without a session and refuses target commands with a clear not-connected error', async () => {
    const h = start();
    const help = await h.value<Reply>('console.execute', { line: 'help' });
    expect(help.ok).toBe(true);
    expect(help.output).toMatch(/read32/);
    expect(help.output).toMatch(/Type 'help CMD'/);
    expect(await h.value<Reply>('console.execute', { line: 'help read32' })).toMatchObject({ ok: true, output: expect.stringMatching(/^Usage: read32/) });
    expect(await h.value('console.execute', { line: 'read32 0x10000100' })).toEqual({
      output: '',
      ok: false,
      error: "Not connected to a target: connect first ('help' works without a connection)",
    });
    expect(await h.value<{ text: string }>('console.help', {})).toMatchObject({ text: expect.stringMatching(/reg/) });
    expect(await h.value<string[]>('console.complete', { line: 'read' })).toEqual(expect.arrayContaining(['read16', 'read32', 'read8']));
  });

  it('reads the nRF52840 FICR part number and the registers through the session', async () => {
    const h = start();
    await h.value('session.connect', { uid: 'sim:nrf52840', connectMode: 'halt' });
    const read = await h.value<Reply>('console.execute', { line: 'read32 0x10000100' });
    expect(read.ok).toBe(true);
    expect(read.output).toMatch(/10000100:\s+00052840/);
    const regs = await h.value<Reply>('console.execute', { line: 'reg' });
    expect(regs.ok).toBe(true);
    const [pc] = await h.sessions.session!.target.readCoreRegisters(['pc']);
    expect(regs.output).toMatch(new RegExp(`pc[^\\n]*${pc!.toString(16).padStart(8, '0')}`, 'i'));
  });

  it('reports a failing command as an error reply and updates the core state after a console halt', async () => {
    const h = start();
    const core = h.follow<TargetState>('target.state');
    await h.value('session.connect', { uid: 'sim:nrf52840', connectMode: 'attach' });
    const bad = await h.value<Reply>('console.execute', { line: 'read32 nowhere' });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/read32: .*nowhere/);
    expect((await h.value<Reply>('console.execute', { line: 'halt' })).ok).toBe(true);
    expect(core[core.length - 1]).toMatchObject({ state: 'halted', haltReason: 'debug-request', pc: expect.any(Number) });
    expect(await h.value<string[]>('console.complete', { line: 'reg p' })).toEqual(expect.arrayContaining(['pc']));
  });
});
