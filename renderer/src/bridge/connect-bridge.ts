// One renderer, two bridges: in the Electron window the preload's API, in a browser the host's
// WebSocket (its URL and token come from the page address the host printed).
import type { Bridge } from '../../../shared/api/bridge';
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import { createBridge } from '../../../shared/bridge/create-bridge';
import { createPreloadTransport } from '../../../shared/bridge/preload-api';
import { createWebSocketTransport } from '../../../shared/bridge/websocket-transport';

/** The API socket of the host that served this page; the token travels in the fragment. */
export function apiUrlFor(location: Pick<Location, 'host' | 'hash' | 'protocol'>): string {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`;
}

export function connectBridge(): Bridge {
  if (window.probedesk) return createBridge(probeDeskApi, createPreloadTransport(window.probedesk));
  const url = apiUrlFor(window.location);
  return createBridge(
    probeDeskApi,
    createWebSocketTransport((events) => {
      const socket = new WebSocket(url);
      socket.onopen = () => events.open();
      socket.onmessage = (message) => events.message(String(message.data));
      socket.onclose = () => events.closed();
      return { send: (text) => socket.send(text), close: () => socket.close() };
    }),
  );
}
