import { afterEach, describe, expect, it } from 'vitest';
import { useConsoleStore } from '../../../renderer/src/stores/console';
import { startSimHost, type SimHost } from '../../host/support/sim-host';
import { storeApp } from '../support/store-app';

let host: SimHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

function setup() {
  host = startSimHost();
  return { host, store: storeApp(host.router)(() => useConsoleStore()) };
}

const transcript = (store: ReturnType<typeof useConsoleStore>) => store.entries.map((e) => [e.kind, e.text]);

describe('console store', () => {
  it('shows the input, the output and a not-connected error as separate kinds of entry', async () => {
    const { store } = setup();
    await store.execute('help read32');
    await store.execute('read32 0x10000100');
    const entries = transcript(store);
    expect(entries[0]).toEqual(['input', 'help read32']);
    expect(entries[1]![0]).toBe('output');
    expect(entries[1]![1]).toMatch(/^Usage: read32/);
    expect(entries.slice(2)).toEqual([
      ['input', 'read32 0x10000100'],
      ['error', "Not connected to a target: connect first ('help' works without a connection)"],
    ]);
  });

  it('runs commands on the connected target and walks the history with Up and Down', async () => {
    const { host, store } = setup();
    await host.value('session.connect', { uid: 'sim:nrf52840', connectMode: 'halt' });
    await store.execute('read32 0x10000100');
    expect(store.entries[store.entries.length - 1]).toMatchObject({ kind: 'output', text: expect.stringMatching(/00052840/) });
    await store.execute('reg');
    await store.execute('reg');
    expect(store.history).toEqual(['read32 0x10000100', 'reg']);
    expect(store.recall(-1, 'rea')).toBe('reg');
    expect(store.recall(-1, 'reg')).toBe('read32 0x10000100');
    expect(store.recall(-1, 'read32 0x10000100')).toBe('read32 0x10000100');
    expect(store.recall(1, 'read32 0x10000100')).toBe('reg');
    expect(store.recall(1, 'reg')).toBe('rea');
  });

  it('completes a unique prefix, extends a shared one and lists the candidates when several remain', async () => {
    const { store } = setup();
    expect(await store.complete('hel')).toBe('help ');
    const extended = await store.complete('rea');
    expect(extended).toBe('read');
    expect(await store.complete('read')).toBe('read');
    const listed = store.entries[store.entries.length - 1]!;
    expect(listed.kind).toBe('info');
    expect(listed.text.split('  ')).toEqual(expect.arrayContaining(['read16', 'read32', 'read8']));
  });
});
