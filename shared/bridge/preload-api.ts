// What the preload exposes on `window.probedesk` (via contextBridge), built from the contract: one
// function per contract method, one subscribe function per contract event, and unsubscribe. There is
// no generic invoke: a name outside the contract has nothing to call. Values are in wire form.
import type { Envelope } from '../api/api-error';
import type { Contract, EventName, MethodName } from '../api/contract';
import type { ProbeDeskApi } from '../api/probedesk-api';
import type { BridgeTransport } from './bridge-transport';

export interface PreloadApi<C extends Contract = ProbeDeskApi> {
  readonly methods: { readonly [M in MethodName<C>]: (params: unknown) => Promise<Envelope> };
  readonly events: {
    readonly [E in EventName<C>]: (subscription: string, params: unknown, listener: (payload: unknown) => void) => Promise<Envelope>;
  };
  unsubscribe(subscription: string): Promise<Envelope>;
}

/** IPC channel names, one per contract entry (main/host/ipc-adapter.ts registers exactly these). */
export const ipcChannel = {
  method: (name: string) => `probedesk:method:${name}`,
  subscribe: (name: string) => `probedesk:subscribe:${name}`,
  unsubscribe: 'probedesk:unsubscribe',
  /** main → renderer: {subscription, payload}. */
  event: 'probedesk:event',
} as const;

/** The Electron bridge's transport: the preload API. */
export function createPreloadTransport<C extends Contract>(api: PreloadApi<C>): BridgeTransport {
  const listeners = new Map<string, (payload: unknown) => void>();
  let receiver: (subscription: string, payload: unknown) => void = () => undefined;
  const missing = (kind: string, name: string): Promise<Envelope> =>
    Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `unknown ${kind} '${name}'` } });
  return {
    host: 'electron',
    call: (method, params) => {
      const fn = (api.methods as Record<string, ((p: unknown) => Promise<Envelope>) | undefined>)[method];
      return fn ? fn(params) : missing('method', method);
    },
    subscribe: (subscription, event, params) => {
      const fn = (api.events as Record<string, PreloadApi['events'][keyof PreloadApi['events']] | undefined>)[event];
      if (!fn) return missing('event', event);
      const deliver = (payload: unknown) => receiver(subscription, payload);
      listeners.set(subscription, deliver);
      return fn(subscription, params, deliver);
    },
    unsubscribe: (subscription) => {
      listeners.delete(subscription);
      return api.unsubscribe(subscription);
    },
    onEvent: (r) => {
      receiver = r;
    },
    onLink(listener) {
      listener('open');
      return () => undefined;
    },
    close: () => {
      for (const subscription of listeners.keys()) void api.unsubscribe(subscription);
      listeners.clear();
    },
  };
}
