/**
 * The one place that says which Chromium runs and with what flags: Debian's.
 *
 * CHROMIUM_FULL is the whole browser (`chromium`): Lighthouse in `npm run bench` measures it,
 * as readers get it. CHROMIUM is the browser tests': Debian's `chromium-headless-shell`
 * where it is installed (.ci/run installs it), the same Blink without the browser around it.
 * Measured here file by file, it takes a sixth less CPU in quality.test.ts and a third less in
 * embed.test.ts than the full browser in headless mode, and `npm test` went from 204.7 to
 * 164.9 s on two cores; where it is not installed, the full browser. CHROMIUM_PATH overrides both.
 */
import fs from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM_FULL = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM = process.env.CHROMIUM_PATH || (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM_FULL);
/** Flags that keep it off the network (Playwright and chrome-launcher give it a fresh profile). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
