// The browser host: the built renderer and the API (JSON-RPC over WebSocket) on 127.0.0.1 only,
// guarded by a random per-run token carried in the page URL's fragment.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Contract } from '../../../shared/api/contract';
import { createLogger } from '../../../shared/log/logger';
import type { Router } from '../router';
import { httpRefusal, upgradeRefusal, type RequestFacts } from './connection-check';
import { handleRpcMessage } from './json-rpc-server';
import { serveStatic } from './static-files';

export interface BrowserHostOptions<C extends Contract> {
  readonly router: Router<C>;
  /** Directory of the built renderer (index.html and assets). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Fixed token (tests); a fresh random one otherwise. */
  readonly token?: string;
}

export interface BrowserHost {
  /** The page to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** WebSocket URL of the API, token included. */
  readonly apiUrl: string;
  close(): Promise<void>;
}

const log = createLogger('host.browser');
/** Bound on one JSON-RPC message; memory reads in the UI stay far below it. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

function facts(request: IncomingMessage): RequestFacts {
  return {
    remoteAddress: request.socket.remoteAddress,
    host: request.headers.host,
    origin: request.headers.origin,
    url: request.url,
  };
}

export async function startBrowserHost<C extends Contract>(options: BrowserHostOptions<C>): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const identity = () => ({ port, token });

  const server = createServer((request, response) => {
    const refusal = httpRefusal(facts(request), identity());
    if (refusal) {
      log.warn(`refused HTTP request: ${refusal}`);
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`forbidden: ${refusal}\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    serveStatic(options.rendererDir, path, port, response).catch((error: unknown) => {
      log.error(`serving ${path} failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let peers = 0;
  server.on('upgrade', (request, socket, head) => {
    const refusal = upgradeRefusal(facts(request), identity());
    if (refusal) {
      log.warn(`refused WebSocket connection: ${refusal}`);
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nforbidden: ${refusal}\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const peer = `ws#${++peers}`;
      const client = options.router.client({ transport: 'websocket', peer });
      log.debug(`${peer} connected`);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        handleRpcMessage(data.toString(), ws, client).catch((error: unknown) => log.error(`${peer}: ${String(error)}`));
      });
      ws.on('close', () => {
        client.close();
        log.debug(`${peer} disconnected`);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    apiUrl: `ws://127.0.0.1:${port}/api?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
