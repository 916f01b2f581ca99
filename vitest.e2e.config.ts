import { defineConfig } from 'vitest/config';

// End-to-end tests: the real CLI's browser host driven in Debian's Chromium (test/e2e/).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One Chromium at a time: the machine's cores are shared.
    fileParallelism: false,
  },
});
