import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where simulated boards keep their non-volatile memory when the caller names no directory
 * (`-O sim.state_dir=DIR` overrides it): the user's data directory of each OS — the XDG Base
 * Directory data home on Linux, Application Support on macOS, LOCALAPPDATA on Windows.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'probedesk', 'sim');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'probedesk', 'sim');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.local', 'share'), 'probedesk', 'sim');
}
