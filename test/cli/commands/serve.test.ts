import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/index';
import { probeDeskApi } from '../../../shared/api/probedesk-api';
import packageJson from '../../../package.json';
import { openWsBridge } from '../../host/support/ws-bridge';
import { startCommand } from './run-command';
import { runToExit } from './run-to-exit';

describe('probedesk serve', () => {
  it('prints {"url"} under --json and serves the live API behind that URL until stopped', async () => {
    const running = await startCommand(['serve', '--port', '0', '--json']);
    const { url } = JSON.parse(running.firstLine) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>ProbeDesk</title>');

    const { port, token } = /:(?<port>\d+)\/#token=(?<token>.+)$/.exec(url)!.groups!;
    const bridge = openWsBridge(probeDeskApi, `ws://127.0.0.1:${port}/api?token=${token}`);
    expect(await bridge.call('system.status', {})).toEqual({ version: packageJson.version, host: 'browser', connection: { phase: 'disconnected' } });
    bridge.close();
    expect(await running.stop()).toBe(0);
  });

  it('connects the UI with its -O options and closes that session when stopped, releasing the board', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'probedesk-serve-'));
    try {
      const sim = ['-O', `sim.state_dir=${stateDir}`];
      const running = await startCommand(['serve', '--port', '0', '--json', ...sim]);
      const { port, token } = /:(?<port>\d+)\/#token=(?<token>.+)$/.exec((JSON.parse(running.firstLine) as { url: string }).url)!.groups!;
      const bridge = openWsBridge(probeDeskApi, `ws://127.0.0.1:${port}/api?token=${token}`);
      expect(await bridge.call('session.connect', { uid: 'sim:nrf52840' })).toMatchObject({ probe: 'sim:nrf52840', target: 'nrf52840' });
      expect(readdirSync(stateDir).length).toBeGreaterThan(0);
      bridge.close();
      expect(await running.stop()).toBe(0);
      // The board is free again: another session in this process may own it.
      const info = await runToExit(['info', '-u', 'sim:nrf52840', ...sim]);
      expect(info.stderr).toBe('');
      expect(info.code).toBe(0);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('rejects a bad --port with one line and a non-zero exit', async () => {
    const err: string[] = [];
    const code = await main(['serve', '--port', 'http'], { io: { stdout: () => undefined, stderr: (t) => err.push(t) } });
    expect(code).not.toBe(0);
    expect(err.join('')).toBe("error: option '-p, --port <port>' argument 'http' is invalid. expected a port number from 0 (any free port) to 65535.\n");
  });
});
