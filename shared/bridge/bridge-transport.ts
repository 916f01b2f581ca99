// What a Bridge needs from its transport: calls, subscribe/unsubscribe by client-chosen id, and the
// events routed back by that id. All values here are in wire form (see shared/api/contract.ts).
import type { Envelope } from '../api/api-error';
import type { LinkState } from '../api/bridge';
import type { HostKind } from '../api/schemas/system';

export interface BridgeTransport {
  readonly host: HostKind;
  call(method: string, params: unknown): Promise<Envelope>;
  subscribe(subscription: string, event: string, params: unknown): Promise<Envelope>;
  unsubscribe(subscription: string): Promise<Envelope>;
  /** Sets the one receiver of event payloads. */
  onEvent(receiver: (subscription: string, payload: unknown) => void): void;
  onLink(listener: (state: LinkState) => void): () => void;
  close(): void;
}
