// Bridge transport over the browser host's WebSocket, speaking JSON-RPC 2.0 (../rpc/json-rpc.ts).
// Works with the browser's WebSocket and with the `ws` package: the caller opens the socket.
import type { Envelope } from '../api/api-error';
import type { LinkState } from '../api/bridge';
import { RPC_SUBSCRIBE, RPC_UNSUBSCRIBE, RpcServerMessage } from '../rpc/json-rpc';
import type { BridgeTransport } from './bridge-transport';

export interface SocketEvents {
  open(): void;
  message(text: string): void;
  closed(): void;
}

export interface SocketLike {
  send(text: string): void;
  close(): void;
}

/** Opens the socket and routes its events to `events`. */
export type SocketConnector = (events: SocketEvents) => SocketLike;

export interface WebSocketTransportOptions {
  /** Bound on every call: no answer within it fails the call (DEVELOPERS.md: nothing hangs). */
  readonly callTimeoutMs?: number;
}

interface Pending {
  resolve(envelope: Envelope): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createWebSocketTransport(connect: SocketConnector, options: WebSocketTransportOptions = {}): BridgeTransport {
  const timeoutMs = options.callTimeoutMs ?? 120_000;
  const pending = new Map<number, Pending>();
  const linkListeners = new Set<(state: LinkState) => void>();
  let receiver: (subscription: string, payload: unknown) => void = () => undefined;
  let state: LinkState | 'connecting' = 'connecting';
  const queue: string[] = [];
  let nextId = 1;

  const setState = (next: LinkState) => {
    state = next;
    for (const listener of [...linkListeners]) listener(next);
  };

  const socket = connect({
    open() {
      for (const text of queue.splice(0)) socket.send(text);
      setState('open');
    },
    message(text) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return;
      }
      const message = RpcServerMessage.safeParse(parsed);
      if (!message.success) return;
      const m = message.data;
      if ('method' in m) {
        receiver(m.params.subscription, m.params.payload);
        return;
      }
      const call = typeof m.id === 'number' ? pending.get(m.id) : undefined;
      if (!call) return;
      pending.delete(m.id as number);
      clearTimeout(call.timer);
      call.resolve(
        'error' in m
          ? { ok: false, error: { code: m.error.data?.code ?? 'failed', message: m.error.message } }
          : { ok: true, value: m.result },
      );
    },
    closed() {
      for (const [id, call] of pending) {
        clearTimeout(call.timer);
        call.resolve({ ok: false, error: { code: 'disconnected', message: 'the connection to the ProbeDesk host closed' } });
        pending.delete(id);
      }
      if (state !== 'closed') setState('closed');
    },
  });

  const request = (method: string, params: unknown): Promise<Envelope> => {
    if (state === 'closed') {
      return Promise.resolve({ ok: false, error: { code: 'disconnected', message: 'the connection to the ProbeDesk host is closed' } });
    }
    const id = nextId++;
    const text = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    return new Promise<Envelope>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'failed', message: `no answer to ${method} within ${timeoutMs} ms` } });
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      if (state === 'open') socket.send(text);
      else queue.push(text);
    });
  };

  return {
    host: 'browser',
    call: (method, params) => request(method, params),
    subscribe: (subscription, event, params) => request(RPC_SUBSCRIBE, { subscription, event, params }),
    unsubscribe: (subscription) => request(RPC_UNSUBSCRIBE, { subscription }),
    onEvent: (r) => {
      receiver = r;
    },
    onLink(listener) {
      linkListeners.add(listener);
      if (state !== 'connecting') listener(state);
      return () => linkListeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
