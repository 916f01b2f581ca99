// Preload build: ONE CommonJS file (out/preload/index.cjs) because a sandboxed preload cannot load
// ES modules or other files; everything is bundled in except `electron`, which the sandbox provides.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  build: {
    ssr: `${root}preload/index.ts`,
    outDir: `${root}out/preload`,
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    rollupOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'index.cjs', inlineDynamicImports: true },
    },
  },
  ssr: { target: 'webworker', noExternal: true },
});
