import { afterEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '../../../renderer/src/stores/session';
import { useStatusStore } from '../../../renderer/src/stores/status';
import { useTargetStore } from '../../../renderer/src/stores/target';
import { startSimHost, type SimHost } from '../../host/support/sim-host';
import { unpluggableProbes } from '../../host/support/unpluggable-transport';
import { storeApp } from '../support/store-app';

const WAIT = { timeout: 10_000, interval: 20 };
let host: SimHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function setup(options: Parameters<typeof startSimHost>[0] = {}) {
  host = startSimHost(options);
  const use = storeApp(host.router);
  const status = use(() => useStatusStore());
  const target = use(() => useTargetStore());
  const session = use(() => useSessionStore());
  await status.load();
  target.follow();
  return { session, status, target };
}

describe('session store', () => {
  it('lists the simulated probes, presets and targets and picks the first probe', async () => {
    const { session } = await setup();
    await session.refresh();
    expect(session.probes.map((p) => p.uniqueId)).toEqual(['sim:nrf52840', 'sim:stm32l051']);
    expect(session.presets.map((p) => p.id)).toContain('picoprobe-v2-bulk');
    expect(session.targets.map((t) => t.name)).toContain('nrf52840');
    expect(session.uid).toBe('sim:nrf52840');
    expect(session.isSimulated).toBe(true);
    expect(session.can).toMatchObject({ pick: true, connect: true, disconnect: false, halt: false, resume: false, step: false, reset: false });
  });

  it('connects attached, halts, steps and disconnects, enabling only the controls that apply', async () => {
    const { session, target } = await setup();
    await session.refresh();
    session.preset = 'mcu-link-v2-hs';
    await session.connect();
    expect(session.error).toBeNull();
    await expect.poll(() => session.phase, WAIT).toBe('connected');
    await expect.poll(() => target.state.state, WAIT).toBe('sleeping');
    expect(session.can).toMatchObject({ pick: false, connect: false, disconnect: true, halt: true, resume: false, step: false, reset: true });

    await session.halt();
    await expect.poll(() => target.state, WAIT).toMatchObject({ state: 'halted', haltReason: 'debug-request' });
    expect(session.can).toMatchObject({ halt: false, resume: true, step: true });
    await session.step();
    await expect.poll(() => target.state.haltReason, WAIT).toBe('step');

    await session.disconnect();
    await expect.poll(() => session.phase, WAIT).toBe('disconnected');
    await expect.poll(() => target.state.state, WAIT).toBe('disconnected');
    expect(session.can.connect).toBe(true);
  });

  it('keeps a failed action as its error message and leaves the controls usable', async () => {
    const { session } = await setup();
    await session.refresh();
    session.uid = 'sim:nowhere';
    await session.connect();
    expect(session.error).toMatch(/^Cannot connect to sim:nowhere: /);
    expect(session.pending).toBeNull();
    session.dismissError();
    expect(session.error).toBeNull();
  });

  it('shows a probe that went away as lost with its reason and reconnects with the same settings', async () => {
    const probes = unpluggableProbes();
    const { session, target } = await setup({ openTransport: probes.open });
    await session.refresh();
    await session.connect();
    await expect.poll(() => session.phase, WAIT).toBe('connected');
    probes.unplug();
    await expect.poll(() => session.phase, WAIT).toBe('lost');
    expect(session.lostReason).toMatch(/unplugged by the test/);
    expect(target.state.state).toBe('disconnected');
    expect(session.can).toMatchObject({ reconnect: true, connect: true, halt: false, reset: false });
    probes.plugIn();
    await session.reconnect();
    await expect.poll(() => session.phase, WAIT).toBe('connected');
    expect(session.error).toBeNull();
  });
});
