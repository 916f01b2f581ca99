// Opens a Bridge over the browser host's WebSocket from Node, using the `ws` package the way the
// renderer uses the browser's WebSocket.
import WebSocket from 'ws';
import type { Bridge } from '../../../shared/api/bridge';
import type { Contract } from '../../../shared/api/contract';
import { createBridge } from '../../../shared/bridge/create-bridge';
import { createWebSocketTransport } from '../../../shared/bridge/websocket-transport';

export function openWsBridge<C extends Contract>(contract: C, apiUrl: string): Bridge<C> {
  return createBridge(
    contract,
    createWebSocketTransport((events) => {
      const ws = new WebSocket(apiUrl);
      ws.on('open', () => events.open());
      ws.on('message', (data) => events.message(data.toString()));
      ws.on('close', () => events.closed());
      ws.on('error', () => undefined);
      return { send: (text) => ws.send(text), close: () => ws.close() };
    }),
  );
}
