import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../main/host/browser/browser-host';
import { createTestRouter } from '../support/test-api';

let host: BrowserHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'probedesk-host-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(tmpdir(), 'probedesk-outside.txt'), 'outside');
  host = await startBrowserHost({ router: createTestRouter().router, rendererDir: dir, port: 0 });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Tries a WebSocket upgrade; resolves with 'open' or the HTTP status that refused it. */
function tryConnect(url: string, headers: Record<string, string> = {}): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', (error) => reject(error));
  });
}

function get(path: string, hostHeader?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: hostHeader ? { Host: hostHeader } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 with a random token of 32 url-safe characters in the page URL fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[\\w-]{32}$`));
    expect(host.apiUrl).toBe(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
  });

  it('accepts the API connection with the token', async () => {
    expect(await tryConnect(host.apiUrl, { Origin: `http://127.0.0.1:${host.port}` })).toBe('open');
  });

  it('refuses an API connection without the token', async () => {
    expect(await tryConnect(`ws://127.0.0.1:${host.port}/api`)).toBe(403);
  });

  it('refuses an API connection with a wrong token', async () => {
    expect(await tryConnect(`ws://127.0.0.1:${host.port}/api?token=${'x'.repeat(32)}`)).toBe(403);
  });

  it('refuses an API connection from a foreign Origin or under a foreign Host (DNS rebinding)', async () => {
    expect(await tryConnect(host.apiUrl, { Origin: 'http://attacker.example' })).toBe(403);
    expect(await tryConnect(host.apiUrl, { Host: `attacker.example:${host.port}` })).toBe(403);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain(`connect-src ws://127.0.0.1:${host.port}`);
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer directory and nothing under a foreign Host', async () => {
    expect((await get('/../probedesk-outside.txt')).status).toBe(404);
    expect((await get('/%2e%2e/probedesk-outside.txt')).status).toBe(404);
    expect((await get('/', 'attacker.example')).status).toBe(403);
  });
});
