import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/api/schemas/system';
import type { TargetState } from '../../../shared/api/schemas/target-state';
import { requireTool } from '../../support/require-tool';
import { demoSymbols } from '../../session/support/sim-session';
import { startSimHost, type SimHost } from '../support/sim-host';
import { unpluggableProbes } from '../support/unpluggable-transport';

const hasNm = requireTool('arm-none-eabi-nm', 'binutils-arm-none-eabi');
const UI_WAIT = { timeout: 10_000, interval: 20 };
let host: SimHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

function start(options: Parameters<typeof startSimHost>[0] = {}): SimHost {
  host = startSimHost(options);
  return host;
}

const latest = <T>(seen: T[]): T | undefined => seen[seen.length - 1];

describe('probe and target listing', () => {
  it('lists both simulated probes with every preset, and the built-in targets', async () => {
    const h = start();
    const list = await h.value<{ probes: { uniqueId: string; kind: string }[]; presets: { id: string }[] }>('probe.list');
    expect(list.probes.filter((p) => p.kind === 'simulated').map((p) => p.uniqueId)).toEqual(['sim:nrf52840', 'sim:stm32l051']);
    expect(list.presets.map((p) => p.id)).toEqual(['daplink-v1-hid', 'picoprobe-v2-bulk', 'mcu-link-v2-hs']);
    const targets = await h.value<{ targets: { name: string }[] }>('target.list');
    expect(targets.targets.map((t) => t.name)).toEqual(expect.arrayContaining(['cortex_m', 'nrf52840', 'stm32l051x8']));
  });
});

describe('session service on sim:nrf52840', () => {
  it('connects, shows the core halted by the connect with its reason and PC, and disconnects', async () => {
    const h = start();
    const status = h.follow<{ connection: ConnectionState }>('system.status');
    const core = h.follow<TargetState>('target.state');
    const result = await h.value('session.connect', { uid: 'sim:nrf52840', preset: 'picoprobe-v2-bulk' });
    expect(result).toEqual({ probe: 'sim:nrf52840', target: 'nrf52840', warnings: [] });
    expect(status.map((s) => s.connection.phase)).toEqual(['disconnected', 'connecting', 'connected']);
    expect(latest(status)?.connection).toEqual({ phase: 'connected', probe: 'sim:nrf52840', target: 'nrf52840' });
    await expect.poll(() => latest(core)?.state, UI_WAIT).toBe('halted');
    expect(latest(core)).toMatchObject({ core: 0, haltReason: 'debug-request', pc: expect.any(Number) });

    expect(await h.call('session.disconnect')).toEqual({ ok: true, value: null });
    expect(latest(status)?.connection).toEqual({ phase: 'disconnected' });
    expect(latest(core)).toEqual({ core: 0, state: 'disconnected' });
    expect(h.sessions.session).toBeUndefined();
  });

  it('runs, halts with the debug-request reason, steps to a new PC and resets with and without halting', async () => {
    const h = start();
    const core = h.follow<TargetState>('target.state');
    await h.value('session.connect', { uid: 'sim:nrf52840' });

    // The demo waits for its next tick in WFI: a running core that sleeps (DHCSR.S_SLEEP).
    expect(await h.call('target.resume')).toEqual({ ok: true, value: null });
    expect(latest(core)).toEqual({ core: 0, state: 'sleeping' });

    await h.value('target.halt');
    const halted = latest(core)!;
    expect(halted).toMatchObject({ state: 'halted', haltReason: 'debug-request' });
    const [pc] = await h.sessions.session!.target.readCoreRegisters(['pc']);
    expect(halted.pc).toBe(pc);

    await h.value('target.step');
    expect(latest(core)).toMatchObject({ state: 'halted', haltReason: 'step' });
    expect(latest(core)!.pc).not.toBe(halted.pc);

    expect(await h.value('target.reset', { halt: true })).toEqual({ type: 'sw_sysresetreq' });
    const target = h.sessions.session!.target;
    const vtor = (await target.read32(0xe000ed08)) & 0xffffff80;
    const resetHandler = (await target.read32(vtor + 4)) & ~1;
    expect(latest(core)).toMatchObject({ state: 'halted', pc: resetHandler });

    expect(await h.value('target.reset', { type: 'hw' })).toEqual({ type: 'hw' });
    expect(latest(core)?.state).not.toBe('halted');
  });

  it.skipIf(!hasNm)('shows a breakpoint hit the target makes on its own, found by polling', async () => {
    const h = start();
    const core = h.follow<TargetState>('target.state');
    await h.value('session.connect', { uid: 'sim:nrf52840' });
    const session = h.sessions.session!;
    const handler = demoSymbols('nrf52840/build/demo.elf').get('SysTick_Handler')! & ~1;
    await session.run('breakpoint', () => session.target.core.setBreakpoint(handler, 'hw'));
    await h.value('target.resume');
    expect(latest(core)?.state).toBe('sleeping');
    await expect.poll(() => latest(core), UI_WAIT).toEqual({ core: 0, state: 'halted', haltReason: 'breakpoint', pc: handler });
  });

  it('attaches to the running core without halting it when asked to', async () => {
    const h = start();
    const core = h.follow<TargetState>('target.state');
    await h.value('session.connect', { uid: 'sim:nrf52840', connectMode: 'attach' });
    await expect.poll(() => latest(core)?.state, UI_WAIT).toMatch(/^(running|sleeping)$/);
    expect(h.sessions.session!.options.get('connect_mode')).toBe('attach');
  });

  it('follows a halt another front end makes through the session', async () => {
    const h = start();
    const core = h.follow<TargetState>('target.state');
    await h.value('session.connect', { uid: 'sim:nrf52840' });
    await h.value('target.resume');
    await h.sessions.session!.target.halt();
    await expect.poll(() => latest(core), UI_WAIT).toMatchObject({ state: 'halted', haltReason: 'debug-request', pc: expect.any(Number) });
  });

  it.skipIf(!hasNm)('runs a watched simulated board in real time: the demo\'s 100 Hz tick counter advances while the host is silent', async () => {
    // No polls during the wait: only the real-time pacer can move simulated time.
    const h = start({ pollIntervalMs: 60_000 });
    await h.value('session.connect', { uid: 'sim:nrf52840', connectMode: 'attach' });
    expect(h.sessions.session!.options.get('sim.real_time')).toBe(true);
    const ticks = demoSymbols('nrf52840/build/demo.elf').get('demo_ticks')!;
    const read = async (): Promise<number> => {
      const reply = await h.value<{ output: string }>('console.execute', { line: `read32 0x${ticks.toString(16)}` });
      return Number.parseInt(/:\s+([0-9a-f]{8})/.exec(reply.output)![1]!, 16);
    };
    const first = await read();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // A second of wall time is 100 ticks at the board's rate; well over a quarter of them must have run.
    expect(await read()).toBeGreaterThanOrEqual(first + 25);
  });

  it('keeps the simulated board in the state directory the host was given', async () => {
    const h = start();
    await h.value('session.connect', { uid: 'sim:nrf52840' });
    await h.value('session.disconnect');
    expect(readdirSync(h.stateDir).length).toBeGreaterThan(0);
  });
});

describe('session service errors', () => {
  it('refuses run control and reset without a session, naming what to do', async () => {
    const h = start();
    for (const [method, action] of [['target.halt', 'halt'], ['target.resume', 'resume'], ['target.step', 'step'], ['target.reset', 'reset']] as const) {
      expect(await h.call(method)).toEqual({ ok: false, error: { code: 'failed', message: `Cannot ${action}: not connected to a target; connect first` } });
    }
    expect(await h.call('session.reconnect')).toEqual({ ok: false, error: { code: 'failed', message: 'Nothing to reconnect to: no session was opened yet' } });
  });

  it('refuses a second connection, a preset for a USB probe, an unknown probe and a bad reset type', async () => {
    const h = start();
    expect(await h.call('session.connect', { uid: '0240000012345', preset: 'picoprobe-v2-bulk' })).toEqual({
      ok: false,
      error: { code: 'invalid-params', message: "preset 'picoprobe-v2-bulk' applies only to simulated probes (sim:…), not to 0240000012345" },
    });
    const unknown = await h.call('session.connect', { uid: 'sim:nrf99999' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(!unknown.ok && unknown.error.message).toMatch(/^Cannot connect to sim:nrf99999: No probe with unique ID "sim:nrf99999"/);
    expect(h.state.connection.get()).toEqual({ phase: 'disconnected' });

    await h.value('session.connect', { uid: 'sim:nrf52840' });
    expect(await h.call('session.connect', { uid: 'sim:stm32l051' })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Already connected to sim:nrf52840 (nrf52840); disconnect first' },
    });
    const badReset = await h.call('target.reset', { type: 'soft' });
    expect(badReset).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(!badReset.ok && badReset.error.message).toMatch(/type/);
  });

  it('reports an engine failure as a failed call and keeps the session', async () => {
    const h = start();
    await h.value('session.connect', { uid: 'sim:nrf52840' });
    await h.value('target.resume');
    expect(await h.call('target.step')).toEqual({ ok: false, error: { code: 'failed', message: 'step failed: Single step needs the core halted; halt it first' } });
    expect(h.state.connection.get().phase).toBe('connected');
    expect(await h.call('target.halt')).toEqual({ ok: true, value: null });
  });

  it('shows a probe that goes away as lost with the reason, refuses actions, and reconnects with the same settings', async () => {
    const probes = unpluggableProbes();
    const h = start({ openTransport: probes.open });
    const status = h.follow<{ connection: ConnectionState }>('system.status');
    const core = h.follow<TargetState>('target.state');
    await h.value('session.connect', { uid: 'sim:stm32l051', preset: 'mcu-link-v2-hs' });
    await h.value('target.resume');

    probes.unplug();
    await expect.poll(() => latest(status)?.connection.phase, UI_WAIT).toBe('lost');
    expect(latest(status)?.connection).toMatchObject({ probe: 'sim:stm32l051', target: 'stm32l051x8', reason: expect.stringMatching(/unplugged by the test/) });
    expect(latest(core)).toEqual({ core: 0, state: 'disconnected' });
    expect(await h.call('target.halt')).toEqual({ ok: false, error: { code: 'failed', message: 'Cannot halt: the probe connection was lost; reconnect first' } });

    probes.plugIn();
    expect(await h.value('session.reconnect')).toEqual({ probe: 'sim:stm32l051', target: 'stm32l051x8', warnings: [] });
    expect(latest(status)?.connection.phase).toBe('connected');
    expect(h.sessions.session!.probe.info.product).toMatch(/MCU-Link/i);
  });

  it('turns a probe lost during an action into the lost phase and a clear error', async () => {
    const probes = unpluggableProbes();
    const h = start({ openTransport: probes.open, pollIntervalMs: 60_000 });
    await h.value('session.connect', { uid: 'sim:nrf52840' });
    probes.unplug();
    const answer = await h.call('target.resume');
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(!answer.ok && answer.error.message).toMatch(/^resume failed: the connection to the probe was lost \(.*unplugged by the test/);
    expect(h.state.connection.get().phase).toBe('lost');
    expect(await h.call('session.disconnect')).toEqual({ ok: true, value: null });
    expect(h.state.connection.get()).toEqual({ phase: 'disconnected' });
  });
});
