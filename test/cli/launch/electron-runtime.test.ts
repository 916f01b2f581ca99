import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../main/cli/launch/electron-runtime';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project dir with an electron package in the given install state; returns a file URL inside it. */
function project(state: 'no-package' | 'no-binary' | 'path-but-no-dist' | 'installed'): string {
  const root = mkdtempSync(join(tmpdir(), 'pd-electron-'));
  dirs.push(root);
  const pkg = join(root, 'node_modules', 'electron');
  if (state !== 'no-package') {
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"41.0.0"}');
  }
  if (state === 'path-but-no-dist' || state === 'installed') writeFileSync(join(pkg, 'path.txt'), 'electron');
  if (state === 'installed') {
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
  }
  return pathToFileURL(join(root, 'index.js')).href;
}

describe('findElectronRuntime', () => {
  it('finds the binary recorded in path.txt under dist/', () => {
    const from = project('installed');
    const runtime = findElectronRuntime(from);
    expect(runtime.found).toBe(true);
    expect(runtime.found && runtime.path.endsWith(join('node_modules', 'electron', 'dist', 'electron'))).toBe(true);
  });

  it('reports a package installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
    expect(findElectronRuntime(project('no-binary'))).toEqual({ found: false, reason: 'node_modules/electron/path.txt is missing, so its binary was never downloaded' });
  });

  it('reports a recorded binary that is not on disk, and a missing package', () => {
    expect(findElectronRuntime(project('path-but-no-dist'))).toMatchObject({ found: false, reason: expect.stringMatching(/dist\/electron does not exist$/) });
    expect(findElectronRuntime(project('no-package'))).toEqual({ found: false, reason: 'the electron package is not installed' });
  });
});
