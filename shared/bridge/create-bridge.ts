// The one Bridge implementation over any transport: encodes parameters to wire form, decodes results
// and payloads from it, and keeps the subscription bookkeeping, so both transports share semantics.
import { z } from 'zod';
import { ApiError, type Envelope } from '../api/api-error';
import type { Bridge, Subscription } from '../api/bridge';
import type { Contract, EventName, EventParams, EventPayload, MethodName, MethodParams, MethodResult } from '../api/contract';
import type { BridgeTransport } from './bridge-transport';

function unwrap(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.value;
  throw ApiError.from(envelope.error);
}

function invalid(what: string, error: z.ZodError): ApiError {
  return new ApiError('invalid-params', `${what}: ${z.prettifyError(error)}`);
}

export function createBridge<C extends Contract>(contract: C, transport: BridgeTransport): Bridge<C> {
  const listeners = new Map<string, (wirePayload: unknown) => void>();
  let nextId = 1;
  transport.onEvent((subscription, payload) => listeners.get(subscription)?.(payload));

  return {
    host: transport.host,

    async call<M extends MethodName<C>>(method: M, params: MethodParams<C, M>): Promise<MethodResult<C, M>> {
      const definition = contract.methods[method];
      if (!definition) throw new ApiError('unknown-method', `unknown method '${method}'`);
      const wire = z.safeEncode(definition.params, params);
      if (!wire.success) throw invalid(`${method} parameters`, wire.error);
      const result = z.safeDecode(definition.result, unwrap(await transport.call(method, wire.data)));
      if (!result.success) throw new ApiError('failed', `${method} result: ${z.prettifyError(result.error)}`);
      return result.data as MethodResult<C, M>;
    },

    subscribe<E extends EventName<C>>(event: E, params: EventParams<C, E>, listener: (payload: EventPayload<C, E>) => void): Subscription {
      const definition = contract.events[event];
      const id = `s${nextId++}`;
      let cancelled = false;
      const cancel = () => {
        if (cancelled) return;
        cancelled = true;
        listeners.delete(id);
        // The host may already have dropped it (closed link); nothing is waiting on this answer.
        transport.unsubscribe(id).catch(() => undefined);
      };
      const start = async () => {
        if (!definition) throw new ApiError('unknown-method', `unknown event '${event}'`);
        const wire = z.safeEncode(definition.params, params);
        if (!wire.success) throw invalid(`${event} parameters`, wire.error);
        listeners.set(id, (payload) => {
          const decoded = z.safeDecode(definition.payload, payload);
          // A payload that fails the contract is dropped rather than handed on half-typed.
          if (decoded.success && !cancelled) listener(decoded.data as EventPayload<C, E>);
        });
        try {
          unwrap(await transport.subscribe(id, event, wire.data));
        } catch (error) {
          listeners.delete(id);
          cancelled = true;
          throw error;
        }
      };
      const ready = start();
      // Callers that ignore `ready` must not see an unhandled rejection; those that await it still do.
      ready.catch(() => undefined);
      return { ready, cancel };
    },

    onLink: (listener) => transport.onLink(listener),
    close: () => {
      listeners.clear();
      transport.close();
    },
  };
}
