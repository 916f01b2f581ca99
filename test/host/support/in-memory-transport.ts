// A Bridge transport straight into a Router in the same process, with JSON round trips standing in
// for the wire: for store and component tests that need the real services but no socket.
import type { Envelope } from '../../../shared/api/api-error';
import type { Contract } from '../../../shared/api/contract';
import type { HostKind } from '../../../shared/api/schemas/system';
import type { BridgeTransport } from '../../../shared/bridge/bridge-transport';
import type { Router } from '../../../main/host/router';

const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function createInMemoryTransport<C extends Contract>(router: Router<C>, host: HostKind = 'browser'): BridgeTransport {
  const client = router.client({ transport: 'websocket', peer: 'in-memory' });
  let receiver: (subscription: string, payload: unknown) => void = () => undefined;
  return {
    host,
    call: async (method, params) => wire(await client.call(method, wire(params))),
    subscribe: async (subscription, event, params): Promise<Envelope> =>
      wire(client.subscribe(subscription, event, wire(params), (payload) => queueMicrotask(() => receiver(subscription, wire(payload))))),
    unsubscribe: async (subscription) => wire(client.unsubscribe(subscription)),
    onEvent: (r) => {
      receiver = r;
    },
    onLink: (listener) => {
      listener('open');
      return () => undefined;
    },
    close: () => client.close(),
  };
}
