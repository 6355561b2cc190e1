import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects (`npm test` runs them through scripts/test.mjs, which builds first):
 *  - unit: src/lib and the data, fast, no browser;
 *  - html: static checks of the built dist/ that need no browser (the W3C checker);
 *  - e2e: the built site in Debian's Chromium through playwright-core. Global setup
 *    (tests/e2e/setup.ts) builds once under BASE_PATH=/cixi/ (SKIP_BUILD=1 reuses dist/),
 *    serves it on loopback and starts ONE browser that every file connects to
 *    (tests/e2e/browser.ts: launch()); files run up to the core count at a time.
 */
const cores = Math.max(2, os.availableParallelism());

export default defineConfig({
  test: {
    // Files in parallel: one more than the core count. A browser test file spends much of its time
    // waiting on Chromium, so a third file fills the gaps (e2e on two cores: 287 -> 264 s); the unit
    // files are short and do not mind. E2E_WORKERS / --maxWorkers to tune.
    maxWorkers: Number(process.env.E2E_WORKERS) || cores + 1,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Files share a worker's module cache (src/lib is pure; no test mocks a module): half
          // the wall time and a fifth less CPU than re-importing the library for every file.
          isolate: false,
          // npm test runs these beside the build and astro check: the property and build tests need room.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'html',
          include: ['tests/html/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // the files share a worker's modules (src/lib and the data are read once a worker, not once a file)
          isolate: false,
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
