import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 *  - unit: src/lib and the data, fast, no browser;
 *  - e2e: builds the site once (tests/e2e/setup.ts), serves dist/ on loopback
 *    and drives Debian's Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
