// Electron main-process build (runtime: Electron's Node): one ESM bundle at out/main/index.js with
// every package in node_modules left external, as the packaged app ships node_modules.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  build: {
    ssr: `${root}main/app/main.ts`,
    outDir: `${root}out/main`,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: 'index.js' },
    },
  },
  ssr: { target: 'node' },
});
