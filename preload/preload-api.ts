// Builds `window.probedesk` from the contract: one function per method and per event stream, each
// bound to its own fixed IPC channel. Nothing here lets the page choose a channel.
import type { Envelope } from '../shared/api/api-error';
import type { Contract, MethodName } from '../shared/api/contract';
import { ipcChannel, type PreloadApi } from '../shared/bridge/preload-api';

/** The part of Electron's `ipcRenderer` the preload uses (kept private to the preload). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildPreloadApi<C extends Contract>(contract: C, ipc: IpcRendererLike): PreloadApi<C> {
  const listeners = new Map<string, (payload: unknown) => void>();
  ipc.on(ipcChannel.event, (_event, subscription, payload) => {
    if (typeof subscription === 'string') listeners.get(subscription)?.(payload);
  });
  const invoke = (channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<Envelope>;

  const methods = Object.fromEntries(
    Object.keys(contract.methods).map((name) => [name, (params: unknown) => invoke(ipcChannel.method(name), params)]),
  ) as { [M in MethodName<C>]: (params: unknown) => Promise<Envelope> };

  const events = Object.fromEntries(
    Object.keys(contract.events).map((name) => [
      name,
      async (subscription: string, params: unknown, listener: (payload: unknown) => void) => {
        // Registered before asking, because main may emit before its answer arrives.
        listeners.set(subscription, listener);
        const answer = await invoke(ipcChannel.subscribe(name), subscription, params);
        if (!answer.ok) listeners.delete(subscription);
        return answer;
      },
    ]),
  ) as PreloadApi<C>['events'];

  return {
    methods,
    events,
    unsubscribe: (subscription) => {
      listeners.delete(subscription);
      return invoke(ipcChannel.unsubscribe, subscription);
    },
  };
}
