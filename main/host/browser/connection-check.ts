// Who may use the browser host: only this machine (loopback peer), only under our own host name
// (a DNS-rebinding page reaches 127.0.0.1 under a foreign Host/Origin), and for the API only with
// this run's token. Pure functions over the request's facts, testable without sockets.
import { timingSafeEqual } from 'node:crypto';

export interface RequestFacts {
  readonly remoteAddress: string | undefined;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  /** Request target, e.g. `/api?token=...`. */
  readonly url: string | undefined;
}

export interface HostIdentity {
  readonly port: number;
  readonly token: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

function allowedHosts(port: number): string[] {
  return HOST_NAMES.map((name) => `${name}:${port}`);
}

/** Refusal reason for a plain HTTP request (the page's files), or undefined to serve it. */
export function httpRefusal(facts: RequestFacts, identity: HostIdentity): string | undefined {
  if (!isLoopback(facts.remoteAddress)) return `peer ${facts.remoteAddress ?? '(unknown)'} is not loopback`;
  if (!facts.host || !allowedHosts(identity.port).includes(facts.host.toLowerCase())) return `Host '${facts.host ?? ''}' is not this host`;
  return undefined;
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refusal reason for a WebSocket upgrade to the API, or undefined to accept it. */
export function upgradeRefusal(facts: RequestFacts, identity: HostIdentity): string | undefined {
  const http = httpRefusal(facts, identity);
  if (http) return http;
  // Browsers always send Origin on a WebSocket upgrade; a local non-browser client may omit it.
  if (facts.origin !== undefined && !allowedHosts(identity.port).some((h) => facts.origin!.toLowerCase() === `http://${h}`)) {
    return `Origin '${facts.origin}' is not this host`;
  }
  const url = new URL(facts.url ?? '/', 'http://host');
  if (url.pathname !== '/api') return `no API at ${url.pathname}`;
  const token = url.searchParams.get('token');
  if (token === null) return 'no token';
  if (!tokenMatches(token, identity.token)) return 'wrong token';
  return undefined;
}
