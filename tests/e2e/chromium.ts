import fs from 'node:fs';

/**
 * The browser of the tests: Debian's Chromium. Its headless shell (Debian's
 * `chromium-headless-shell`, the same Blink as `chromium` without the browser
 * around it) where it is installed, as .ci/run installs it: measured here on the
 * whole e2e suite, it takes a sixth less CPU in quality.test.ts and a third less in
 * embed.test.ts than the full browser in headless mode, and `npm test` went from
 * 204.7 to 164.9 s on two cores. Else the full `chromium`. CHROMIUM_PATH overrides both.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = process.env.CHROMIUM_PATH || (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
/** Flags that keep it off the network (Playwright gives it a fresh profile). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
