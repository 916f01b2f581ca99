import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node: the engine never needs Electron.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
