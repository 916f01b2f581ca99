// The Electron main bundle is one ESM file for Node that leaves packages to node_modules.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

describe('Electron main bundle', () => {
  it('is out/main/index.js importing only electron, Node built-ins and declared dependencies', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'pd-main-'));
    try {
      await build({ configFile: fileURLToPath(new URL('../../vite.main.config.ts', import.meta.url)), logLevel: 'silent', build: { outDir } });
      expect(readdirSync(outDir).sort()).toEqual(['index.js', 'index.js.map']);
      const code = readFileSync(join(outDir, 'index.js'), 'utf8');
      const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
      const allowed = new Set(['electron', ...builtinModules.map((m) => `node:${m}`), ...builtinModules, ...Object.keys(packageJson.dependencies)]);
      expect(imports.filter((i) => !allowed.has(i))).toEqual([]);
      expect(imports).toContain('electron');
      expect(imports).toContain('zod');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
