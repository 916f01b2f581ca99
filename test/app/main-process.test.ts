// The Electron main process wired end to end against a stand-in for the `electron` module (its
// runtime binary is not needed to check what main asks of it).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { outDir } from '../../main/host/project-paths';
import { ipcChannel } from '../../shared/bridge/preload-api';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const on = (table: Map<string, Listener>) => (name: string, listener: Listener) => void table.set(name, listener);
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; contents: { events: Map<string, Listener>; openHandler?: Listener } }>,
    ipcHandlers: new Map<string, Listener>(),
    sessionEvents: new Map<string, Listener>(),
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    devicePermission: undefined as Listener | undefined,
    sandboxEnabled: false,
    appEvents: new Map<string, Listener>(),
    quits: 0,
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    readonly webContents: Record<string, unknown>;
    private readonly record;
    constructor(options: Record<string, unknown>) {
      const events = new Map<string, Listener>();
      this.record = { options, loaded: [] as string[], contents: { events } as { events: Map<string, Listener>; openHandler?: Listener } };
      state.windows.push(this.record);
      this.webContents = {
        id: 41,
        on: on(events),
        once: on(events),
        setWindowOpenHandler: (handler: Listener) => (this.record.contents.openHandler = handler),
      };
    }
    once() {}
    show() {}
    async loadFile(file: string) {
      this.record.loaded.push(file);
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => true,
      enableSandbox: () => (state.sandboxEnabled = true),
      whenReady: () => Promise.resolve(),
      on: on(state.appEvents),
      quit: () => void state.quits++,
      exit: () => undefined,
      getVersion: () => '0.0.0-test',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn), removeHandler: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Listener) => (state.devicePermission = fn),
        on: on(state.sessionEvents),
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const pageFile = join(outDir, 'renderer', 'index.html');

beforeAll(async () => {
  await import('../../main/app/main');
  await vi.waitFor(() => expect(fake.state.windows[0]?.loaded).toEqual([pageFile]), { timeout: 5_000 });
});

describe('Electron main process', () => {
  it('enables the sandbox and opens one window on out/renderer with the out/preload script, isolated and sandboxed', () => {
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(outDir, 'preload', 'index.cjs'),
    });
  });

  it('denies permission requests and checks, and cancels device pickers', () => {
    const granted: unknown[] = [];
    fake.state.permissionRequest!({}, 'hid', (g: unknown) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(fake.state.permissionCheck!({}, 'serial')).toBe(false);
    expect(fake.state.devicePermission!({})).toBe(false);
    let prevented = false;
    const picked: unknown[] = [];
    fake.state.sessionEvents.get('select-usb-device')!({ preventDefault: () => (prevented = true) }, {}, (id?: string) => picked.push(id));
    expect(prevented).toBe(true);
    expect(picked).toEqual([undefined]);
  });

  it('blocks navigation and window.open', () => {
    const contents = fake.state.windows[0]!.contents;
    let prevented = false;
    contents.events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('holds the first quit until the UI session is closed, then quits for real', async () => {
    const beforeQuit = fake.state.appEvents.get('before-quit')!;
    let prevented = 0;
    beforeQuit({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    await vi.waitFor(() => expect(fake.state.quits).toBe(1), { timeout: 5_000 });
    beforeQuit({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });

  it('answers system.status over IPC to its own page and refuses any other page', async () => {
    const handler = fake.state.ipcHandlers.get(ipcChannel.method('system.status'))!;
    const sender = { id: 41, send: () => undefined, isDestroyed: () => false };
    const own = await handler({ sender, senderFrame: { url: pathToFileURL(pageFile).href, parent: null } }, {});
    expect(own).toMatchObject({ ok: true, value: { host: 'electron', connection: { phase: 'disconnected' } } });
    const foreign = await handler({ sender, senderFrame: { url: 'https://example.com/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
