// Renderer build (runtime: Chromium, in the Electron window or any browser via the browser host):
// Vue 3 + Pinia into out/renderer with relative asset paths, so it loads from file:// and http://.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${root}renderer`,
  base: './',
  plugins: [vue()],
  build: {
    outDir: `${root}out/renderer`,
    emptyOutDir: true,
    target: 'chrome120',
    // Inline data: URLs would need a looser CSP; keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
});
