// An in-process stand-in for Electron's ipcMain/ipcRenderer pair: arguments are structured-cloned as
// Electron does, and each invoke carries the sender facts the test chooses.
import type { IpcHandler, IpcInvokeEventLike, IpcMainLike } from '../../../main/host/ipc-adapter';
import type { IpcRendererLike } from '../../../preload/preload-api';

export const PAGE_URL = 'file:///opt/probedesk/out/renderer/index.html';
export const WINDOW_ID = 7;

export interface SenderFacts {
  id: number;
  url: string | null;
  parent: unknown;
}

export function createFakeIpc() {
  const handlers = new Map<string, IpcHandler>();
  const rendererListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  let sender: SenderFacts = { id: WINDOW_ID, url: PAGE_URL, parent: null };

  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };

  const invoke = async (channel: string, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: IpcInvokeEventLike = {
      senderFrame: sender.url === null ? null : { url: sender.url, parent: sender.parent },
      sender: {
        id: sender.id,
        isDestroyed: () => false,
        send: (ch, ...payload) => rendererListeners.get(ch)?.({}, ...structuredClone(payload)),
      },
    };
    return structuredClone(await handler(event, ...structuredClone(args)));
  };

  const ipcRenderer: IpcRendererLike = {
    invoke,
    on: (channel, listener) => rendererListeners.set(channel, listener),
  };

  return {
    ipcMain,
    ipcRenderer,
    handlers,
    setSender: (facts: Partial<SenderFacts>) => {
      sender = { ...sender, ...facts };
    },
  };
}
