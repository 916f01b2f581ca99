import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { describe, expect, it } from 'vitest';
import { createHostRouter } from '../../../main/host/host-router';
import { bridgeKey } from '../../../renderer/src/bridge/bridge-key';
import { useStatusStore } from '../../../renderer/src/stores/status';
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import { createBridge } from '../../../shared/bridge/create-bridge';
import packageJson from '../../../package.json';
import { createInMemoryTransport } from '../../host/support/in-memory-transport';

function setup() {
  const { router, state } = createHostRouter('browser');
  const app = createApp({});
  app.provide(bridgeKey, createBridge(probeDeskApi, createInMemoryTransport(router)));
  app.use(createPinia());
  const store = app.runWithContext(() => useStatusStore());
  return { store, state };
}

describe('status store', () => {
  it('loads the status from the host and follows connection changes live', async () => {
    const { store, state } = setup();
    await store.load();
    expect(store.status).toEqual({ version: packageJson.version, host: 'browser', connection: { phase: 'disconnected' } });
    expect(store.link).toBe('open');
    state.connection.set({ phase: 'connected', probe: 'sim:nrf52840', target: 'nrf52840' });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.status?.connection).toEqual({ phase: 'connected', probe: 'sim:nrf52840', target: 'nrf52840' });
    expect(store.error).toBeNull();
  });
});
