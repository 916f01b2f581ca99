// The host router with its real services, connecting to the simulated boards with their flash kept
// in a temporary state directory (the `-O sim.state_dir` of a test), so tests never touch the
// user's boards, and a client on it that calls and follows the streams.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostRouter, type HostRouter } from '../../../main/host/host-router';
import { listProbes } from '../../../main/probe/discovery';
import type { TransportOpener } from '../../../main/session/session';
import type { Envelope } from '../../../shared/api/api-error';

export interface SimHost extends HostRouter {
  readonly stateDir: string;
  call(method: string, params?: unknown): Promise<Envelope>;
  /** Calls and returns the value; throws with the host's message when the call failed. */
  value<T = unknown>(method: string, params?: unknown): Promise<T>;
  /** Every payload of the stream so far, newest last. */
  follow<T = unknown>(event: string): T[];
  close(): Promise<void>;
}

export function startSimHost(options: { openTransport?: TransportOpener; pollIntervalMs?: number } = {}): SimHost {
  const stateDir = mkdtempSync(join(tmpdir(), 'probedesk-sim-state-'));
  const host = createHostRouter('browser', {
    session: {
      defaults: { config: false, sessionOptions: { 'sim.state_dir': stateDir } },
      ...(options.openTransport ? { openTransport: options.openTransport } : {}),
      pollIntervalMs: options.pollIntervalMs ?? 50,
    },
    probes: { listProbes: () => listProbes({ usb: false }) },
  });
  const client = host.router.client({ transport: 'websocket', peer: 'test' });
  let next = 1;
  const call = (method: string, params: unknown = {}) => client.call(method, params);
  return {
    ...host,
    stateDir,
    call,
    async value<T>(method: string, params: unknown = {}) {
      const answer = await call(method, params);
      if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
      return answer.value as T;
    },
    follow<T>(event: string) {
      const seen: T[] = [];
      const answer = client.subscribe(`s${next++}`, event, {}, (payload) => seen.push(payload as T));
      if (!answer.ok) throw new Error(`${event}: ${answer.error.message}`);
      return seen;
    },
    async close() {
      client.close();
      await host.sessions.dispose();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
