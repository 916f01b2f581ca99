import { describe, expect, it } from 'vitest';
import { buildPreloadApi, type IpcRendererLike } from '../../preload/preload-api';
import { probeDeskApi } from '../../shared/api/probedesk-api';
import { ipcChannel } from '../../shared/bridge/preload-api';

function recordingIpc() {
  const invoked: unknown[][] = [];
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: () => undefined,
  };
  return { ipc, invoked };
}

describe('preload API', () => {
  it('exposes exactly the contract: one function per method and per event, and unsubscribe', () => {
    const api = buildPreloadApi(probeDeskApi, recordingIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(['events', 'methods', 'unsubscribe']);
    expect(Object.keys(api.methods)).toEqual(Object.keys(probeDeskApi.methods));
    expect(Object.keys(api.events)).toEqual(Object.keys(probeDeskApi.events));
  });

  it('sends each call on its own fixed channel, so the page cannot choose one', async () => {
    const { ipc, invoked } = recordingIpc();
    const api = buildPreloadApi(probeDeskApi, ipc);
    await api.methods['system.status']({});
    await api.events.log('s1', { minLevel: 'warn' }, () => undefined);
    await api.unsubscribe('s1');
    expect(invoked).toEqual([
      [ipcChannel.method('system.status'), {}],
      [ipcChannel.subscribe('log'), 's1', { minLevel: 'warn' }],
      [ipcChannel.unsubscribe, 's1'],
    ]);
  });
});
