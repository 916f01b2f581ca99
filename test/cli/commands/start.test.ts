import { describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../main/cli/launch/electron-runtime';
import { startCommand } from './run-command';

describe.runIf(!findElectronRuntime().found)('probedesk start without the Electron runtime', () => {
  it('says so in one line and runs the browser host, printing its URL', async () => {
    const running = await startCommand(['start', '--port', '0', '--json']);
    expect(JSON.parse(running.firstLine).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const notices = running.stderr().split('\n').filter((l) => l.startsWith('Electron runtime'));
    expect(notices).toEqual([
      'Electron runtime not installed: node_modules/electron/path.txt is missing, so its binary was never downloaded; starting the browser host instead.',
    ]);
    expect(await running.stop()).toBe(0);
  });
});
