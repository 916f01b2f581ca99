// Is Electron's runtime binary installed? The `electron` npm package downloads it on install (or on
// first use) and records its path in path.txt; with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no internet
// there is no binary, and `start` falls back to the browser host.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronRuntime = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

export function findElectronRuntime(from: string = import.meta.url): ElectronRuntime {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(path) ? { found: true, path } : { found: false, reason: `${path} does not exist` };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { found: false, reason: 'node_modules/electron/path.txt is missing, so its binary was never downloaded' };
  const path = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { found: true, path } : { found: false, reason: `${path} does not exist` };
}
