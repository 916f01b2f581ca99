// What the renderer talks to. Two implementations share these semantics: the Electron one (over the
// preload's contextBridge API) and the WebSocket JSON-RPC one (browser host).
import type { Contract, EventName, EventParams, EventPayload, MethodName, MethodParams, MethodResult } from './contract';
import type { ProbeDeskApi } from './probedesk-api';
import type { HostKind } from './schemas/system';

/**
 * An event subscription. Delivery starts once the host accepted it (`ready`); `cancel()` stops
 * delivery at once (no payload reaches the listener after it returns) and tells the host to stop.
 */
export interface Subscription {
  /** Resolves when the host accepted the subscription; rejects with an ApiError if it refused. */
  readonly ready: Promise<void>;
  cancel(): void;
}

export type LinkState = 'open' | 'closed';

export interface Bridge<C extends Contract = ProbeDeskApi> {
  readonly host: HostKind;
  /** Calls a method; rejects with an ApiError. */
  call<M extends MethodName<C>>(method: M, params: MethodParams<C, M>): Promise<MethodResult<C, M>>;
  subscribe<E extends EventName<C>>(event: E, params: EventParams<C, E>, listener: (payload: EventPayload<C, E>) => void): Subscription;
  /** The link to the host: always open in Electron; the WebSocket can close. Called with the state now. */
  onLink(listener: (state: LinkState) => void): () => void;
  close(): void;
}
