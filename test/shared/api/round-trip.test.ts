// The contract's round trip over BOTH transports: the same calls, bytes and event semantics through
// Electron IPC (preload API + IPC adapter, with structured cloning) and the browser host's WebSocket.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../../main/host/browser/browser-host';
import { registerIpcAdapter } from '../../../main/host/ipc-adapter';
import { buildPreloadApi } from '../../../preload/preload-api';
import { ApiError } from '../../../shared/api/api-error';
import type { Bridge } from '../../../shared/api/bridge';
import { createBridge } from '../../../shared/bridge/create-bridge';
import { createPreloadTransport } from '../../../shared/bridge/preload-api';
import { createFakeIpc, PAGE_URL, WINDOW_ID } from '../../host/support/fake-ipc';
import { createTestRouter, testApi, type TestApi } from '../../host/support/test-api';
import { openWsBridge } from '../../host/support/ws-bridge';

type Setup = { bridge: Bridge<TestApi>; test: ReturnType<typeof createTestRouter>; close(): Promise<void> };

const transports: Array<[string, () => Promise<Setup>]> = [
  [
    'Electron IPC',
    async () => {
      const test = createTestRouter();
      const ipc = createFakeIpc();
      const adapter = registerIpcAdapter(test.router, ipc.ipcMain, () => ({ pageUrl: PAGE_URL, webContentsIds: new Set([WINDOW_ID]) }));
      const bridge = createBridge(testApi, createPreloadTransport(buildPreloadApi(testApi, ipc.ipcRenderer)));
      return { bridge, test, close: async () => adapter.dispose() };
    },
  ],
  [
    'WebSocket JSON-RPC',
    async () => {
      const test = createTestRouter();
      const host = await startBrowserHost({ router: test.router, rendererDir: mkdtempSync(join(tmpdir(), 'pd-rt-')), port: 0 });
      const bridge = openWsBridge(testApi, host.apiUrl);
      return { bridge, test, close: async () => { bridge.close(); await host.close(); } };
    },
  ],
];

/** Resolves after every message sent so far has been handled (one full call round trip). */
const flush = (bridge: Bridge<TestApi>) => bridge.call('mem.read', { address: 0, length: 0 });

describe.each(transports)('contract round trip over %s', (_name, open) => {
  let setup: Setup | undefined;
  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it('carries bytes as base64 on the wire and Uint8Array at both ends', async () => {
    setup = await open();
    const data = new Uint8Array(256).map((_, i) => 255 - i);
    expect(await setup.bridge.call('mem.write', { address: 100, data })).toEqual({ written: 256 });
    expect([...setup.test.memory.subarray(100, 356)]).toEqual([...data]);
    const read = await setup.bridge.call('mem.read', { address: 100, length: 256 });
    expect(read.data).toBeInstanceOf(Uint8Array);
    expect([...read.data]).toEqual([...data]);
  });

  it('rejects invalid parameters with an invalid-params ApiError naming the field', async () => {
    setup = await open();
    const error = await setup.bridge.call('mem.read', { address: 0, length: 9999 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-params' });
    expect((error as Error).message).toMatch(/length/);
  });

  it('turns a failing service into a failed ApiError with its message', async () => {
    setup = await open();
    await expect(setup.bridge.call('always.fails', {})).rejects.toMatchObject({ code: 'failed', message: 'the probe went away' });
  });

  it('delivers events after ready, decodes their bytes, and delivers nothing after cancel', async () => {
    setup = await open();
    const seen: Array<{ n: number; label: string; data: number[] }> = [];
    const sub = setup.bridge.subscribe('tick', { label: 'a' }, (p) => seen.push({ n: p.n, label: p.label, data: [...p.data] }));
    await sub.ready;
    expect(setup.test.activeTickSources()).toBe(1);
    setup.test.ticks.publish(1);
    setup.test.ticks.publish(2);
    await flush(setup.bridge);
    sub.cancel();
    setup.test.ticks.publish(3);
    await flush(setup.bridge);
    expect(seen).toEqual([
      { n: 1, label: 'a', data: [1, 2] },
      { n: 2, label: 'a', data: [2, 3] },
    ]);
    expect(setup.test.activeTickSources()).toBe(0);
  });

  it('keeps two subscriptions to one stream independent', async () => {
    setup = await open();
    const a: number[] = [];
    const b: number[] = [];
    const subA = setup.bridge.subscribe('tick', { label: 'a' }, (p) => a.push(p.n));
    const subB = setup.bridge.subscribe('tick', { label: 'b' }, (p) => b.push(p.n));
    await Promise.all([subA.ready, subB.ready]);
    setup.test.ticks.publish(7);
    await flush(setup.bridge);
    subA.cancel();
    setup.test.ticks.publish(8);
    await flush(setup.bridge);
    expect(a).toEqual([7]);
    expect(b).toEqual([7, 8]);
    subB.cancel();
  });

  it('rejects ready for invalid subscription parameters and starts no source', async () => {
    setup = await open();
    const sub = setup.bridge.subscribe('tick', { label: 42 as unknown as string }, () => undefined);
    await expect(sub.ready).rejects.toMatchObject({ code: 'invalid-params' });
    expect(setup.test.activeTickSources()).toBe(0);
  });
});
