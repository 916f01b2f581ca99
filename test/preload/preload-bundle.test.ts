// The sandboxed preload can `require` only a few modules and cannot load ES modules or other files,
// so its build must be ONE CommonJS file whose only import is `electron`.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

describe('preload bundle', () => {
  it('is one CommonJS file that requires only electron', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'pd-preload-'));
    try {
      await build({ configFile: fileURLToPath(new URL('../../vite.preload.config.ts', import.meta.url)), logLevel: 'silent', build: { outDir } });
      expect(readdirSync(outDir)).toEqual(['index.cjs']);
      const code = readFileSync(join(outDir, 'index.cjs'), 'utf8');
      expect([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
      expect(code).not.toMatch(/^\s*import\s/m);
      expect(code).not.toMatch(/\bimport\(/);
      expect(code).toContain('exposeInMainWorld("probedesk"');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
