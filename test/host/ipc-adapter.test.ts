import { describe, expect, it } from 'vitest';
import { registerIpcAdapter } from '../../main/host/ipc-adapter';
import { ipcChannel } from '../../shared/bridge/preload-api';
import { createFakeIpc, PAGE_URL, WINDOW_ID } from './support/fake-ipc';
import { createTestRouter } from './support/test-api';

function setup() {
  const ipc = createFakeIpc();
  const test = createTestRouter();
  const adapter = registerIpcAdapter(test.router, ipc.ipcMain, () => ({ pageUrl: PAGE_URL, webContentsIds: new Set([WINDOW_ID]) }));
  return { ...ipc, ...test, adapter };
}

describe('IPC adapter', () => {
  it('registers exactly one channel per contract method and event, plus unsubscribe', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [ipcChannel.method('mem.read'), ipcChannel.method('mem.write'), ipcChannel.method('always.fails'), ipcChannel.subscribe('tick'), ipcChannel.unsubscribe].sort(),
    );
  });

  it('answers our own page', async () => {
    const { ipcRenderer } = setup();
    expect(await ipcRenderer.invoke(ipcChannel.method('mem.read'), { address: 0, length: 2 })).toEqual({ ok: true, value: { data: 'AAA=' } });
  });

  it.each([
    ['a page of another origin in our window', { url: 'https://evil.example/index.html' }],
    ['a subframe of our page', { parent: {} }],
    ['a window that is not ours', { id: 99 }],
    ['a frame that is already gone', { url: null }],
    ['another file under file://', { url: 'file:///tmp/other.html' }],
  ])('refuses %s before the service runs', async (_name, facts) => {
    const { ipcRenderer, setSender, memory } = setup();
    setSender(facts);
    const answer = await ipcRenderer.invoke(ipcChannel.method('mem.write'), { address: 0, data: 'Kg==' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(memory[0]).toBe(0);
    expect(await ipcRenderer.invoke(ipcChannel.subscribe('tick'), 's1', { label: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts our page with a query or fragment in its URL', async () => {
    const { ipcRenderer, setSender } = setup();
    setSender({ url: `${PAGE_URL}#/memory` });
    expect(await ipcRenderer.invoke(ipcChannel.method('mem.read'), { address: 0, length: 1 })).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong type', [{ address: '0', data: 'Kg==' }]],
    ['bytes that are not base64', [{ address: 0, data: '*not base64*' }]],
    ['a missing field', [{ address: 0 }]],
    ['no argument at all', []],
    ['an extra argument', [{ address: 0, data: 'Kg==' }, 'extra']],
  ])('rejects malformed arguments (%s) before the service runs', async (_name, args) => {
    const { ipcRenderer, memory } = setup();
    const answer = await ipcRenderer.invoke(ipcChannel.method('mem.write'), ...args);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(memory[0]).toBe(0);
  });

  it('rejects a subscription with a malformed id or parameters without starting the source', async () => {
    const { ipcRenderer, activeTickSources } = setup();
    expect(await ipcRenderer.invoke(ipcChannel.subscribe('tick'), { id: 1 }, { label: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(await ipcRenderer.invoke(ipcChannel.subscribe('tick'), 's1', { label: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(activeTickSources()).toBe(0);
  });

  it('stops the subscriptions of a window that closed, and removes its handlers on dispose', async () => {
    const { ipcRenderer, adapter, activeTickSources, handlers } = setup();
    await ipcRenderer.invoke(ipcChannel.subscribe('tick'), 's1', { label: 'x' });
    expect(activeTickSources()).toBe(1);
    adapter.closePeer(WINDOW_ID);
    expect(activeTickSources()).toBe(0);
    adapter.dispose();
    expect(handlers.size).toBe(0);
  });
});
