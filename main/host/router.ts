// ONE router of main-process services behind both transports: the Electron IPC adapter and the
// browser host's WebSocket adapter each open a `RouterClient` per peer and pass wire data through it.
// The router validates every argument against the contract before a service runs, and encodes every
// result and event payload back to wire form, so a service only ever sees and returns typed values.
import { z } from 'zod';
import { ApiError, type Envelope } from '../../shared/api/api-error';
import type { Contract, EventName, EventParams, EventPayload, MethodName, MethodParams, MethodResult } from '../../shared/api/contract';
import { createLogger } from '../../shared/log/logger';

export interface CallContext {
  readonly transport: 'ipc' | 'websocket';
  /** Identifies the peer (a webContents id, a WebSocket connection number) in logs. */
  readonly peer: string;
}

export type MethodHandler<C extends Contract, M extends MethodName<C>> = (
  params: MethodParams<C, M>,
  context: CallContext,
) => Promise<MethodResult<C, M>> | MethodResult<C, M>;

/** Starts one event stream for one subscriber; returns the function that stops it. */
export type EventSource<C extends Contract, E extends EventName<C>> = (
  params: EventParams<C, E>,
  emit: (payload: EventPayload<C, E>) => void,
  context: CallContext,
) => () => void;

export interface Service<C extends Contract> {
  readonly name: string;
  readonly methods?: { readonly [M in MethodName<C>]?: MethodHandler<C, M> };
  readonly events?: { readonly [E in EventName<C>]?: EventSource<C, E> };
}

export interface RouterClient {
  call(method: string, params: unknown): Promise<Envelope>;
  /** Starts a subscription under the peer's own id; the source may deliver before this returns. */
  subscribe(subscription: string, event: string, params: unknown, deliver: (payload: unknown) => void): Envelope;
  unsubscribe(subscription: string): Envelope;
  /** Stops every subscription of this peer (the window closed, the socket dropped). */
  close(): void;
}

const log = createLogger('host.router');

function failure(error: unknown): Envelope {
  if (error instanceof ApiError) return { ok: false, error: error.toData() };
  return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
}

type AnyHandler = (params: unknown, context: CallContext) => unknown;
type AnySource = (params: unknown, emit: (payload: unknown) => void, context: CallContext) => () => void;

export class Router<C extends Contract> {
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly sources = new Map<string, AnySource>();

  /** Throws unless every contract method and event has exactly one service implementing it. */
  constructor(
    readonly contract: C,
    services: readonly Service<C>[],
  ) {
    const claim = <T>(table: Map<string, T>, kind: string, name: string, service: string, fn: T) => {
      if (!(name in (kind === 'method' ? contract.methods : contract.events))) {
        throw new Error(`service ${service} implements ${kind} '${name}', which the contract does not define`);
      }
      if (table.has(name)) throw new Error(`${kind} '${name}' is implemented by two services (second: ${service})`);
      table.set(name, fn);
    };
    for (const service of services) {
      for (const [name, fn] of Object.entries(service.methods ?? {})) claim(this.handlers, 'method', name, service.name, fn as AnyHandler);
      for (const [name, fn] of Object.entries(service.events ?? {})) claim(this.sources, 'event', name, service.name, fn as AnySource);
    }
    const missing = [
      ...Object.keys(contract.methods).filter((m) => !this.handlers.has(m)).map((m) => `method '${m}'`),
      ...Object.keys(contract.events).filter((e) => !this.sources.has(e)).map((e) => `event '${e}'`),
    ];
    if (missing.length > 0) throw new Error(`no service implements ${missing.join(', ')}`);
  }

  client(context: CallContext): RouterClient {
    const active = new Map<string, () => void>();
    const stop = (subscription: string) => {
      const dispose = active.get(subscription);
      active.delete(subscription);
      try {
        dispose?.();
      } catch (error) {
        log.warn(`stopping subscription ${subscription} of ${context.peer} failed: ${String(error)}`);
      }
    };
    return {
      call: async (method, params) => {
        const definition = Object.hasOwn(this.contract.methods, method) ? this.contract.methods[method] : undefined;
        const handler = this.handlers.get(method);
        if (!definition || !handler) return failure(new ApiError('unknown-method', `unknown method '${method}'`));
        const decoded = z.safeDecode(definition.params, params);
        if (!decoded.success) return failure(new ApiError('invalid-params', `${method}: ${z.prettifyError(decoded.error)}`));
        try {
          const result = await handler(decoded.data, context);
          return { ok: true, value: z.encode(definition.result, result) };
        } catch (error) {
          log.debug(`${method} from ${context.peer} failed: ${error instanceof Error ? error.message : String(error)}`);
          return failure(error);
        }
      },

      subscribe: (subscription, event, params, deliver) => {
        const definition = Object.hasOwn(this.contract.events, event) ? this.contract.events[event] : undefined;
        const source = this.sources.get(event);
        if (!definition || !source) return failure(new ApiError('unknown-method', `unknown event '${event}'`));
        if (active.has(subscription)) return failure(new ApiError('invalid-params', `subscription id '${subscription}' is already in use`));
        const decoded = z.safeDecode(definition.params, params);
        if (!decoded.success) return failure(new ApiError('invalid-params', `${event}: ${z.prettifyError(decoded.error)}`));
        // Placeholder entry first: a source that emits synchronously is already live.
        active.set(subscription, () => undefined);
        const emit = (payload: unknown) => {
          if (!active.has(subscription)) return;
          const wire = z.safeEncode(definition.payload, payload);
          if (wire.success) deliver(wire.data);
          else log.error(`event ${event} payload breaks the contract: ${z.prettifyError(wire.error)}`);
        };
        try {
          const dispose = source(decoded.data, emit, context);
          if (active.has(subscription)) active.set(subscription, dispose);
          else dispose();
          return { ok: true, value: null };
        } catch (error) {
          active.delete(subscription);
          return failure(error);
        }
      },

      unsubscribe: (subscription) => {
        if (!active.has(subscription)) return failure(new ApiError('invalid-params', `no subscription '${subscription}'`));
        stop(subscription);
        return { ok: true, value: null };
      },

      close: () => {
        for (const subscription of [...active.keys()]) stop(subscription);
      },
    };
  }
}

/** Types a service against a contract (the contract argument only carries the type). */
export function defineService<C extends Contract>(_contract: C, service: Service<C>): Service<C> {
  return service;
}
