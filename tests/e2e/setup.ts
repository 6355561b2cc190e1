import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site, base path included: http://127.0.0.1:<port>/cixi/ */
    baseUrl: string;
    /** The base path the site was built for ("/cixi/"; "/" for a root build). */
    basePath: string;
    /** The origin the site was built for (SITE_URL): canonical, hreflang and embed URLs use it. */
    site: string;
    /** The one Chromium of the run (playwright's browser server); launch() connects to it. */
    wsEndpoint: string;
    /** Pages a test may load at a time in that browser (the core count, at least 2). */
    concurrency: number;
  }
}

/**
 * The e2e suite builds the site ONCE, under a sub-path (as a deploy to
 * https://example.org/cixi/ would be), so every browser test also proves the
 * sub-path deploy. SKIP_BUILD=1 reuses an existing dist/ (any base: it is read
 * back from the home page's canonical link).
 */
export const E2E_BASE_PATH = process.env.E2E_BASE_PATH || '/cixi/';
/** No SITE_URL by default: a default build, so the tests also see embed code and citations move to the address the site is served from. */
export const E2E_SITE_URL = process.env.E2E_SITE_URL ?? '';

/** Site origin and base path of a built dist/, from its home page's canonical URL. */
export function builtFor(dist: string): { site: string; basePath: string } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`${dist}/index.html has no canonical link: cannot tell the base path it was built for`);
  const u = new URL(href);
  return { site: u.origin, basePath: u.pathname.endsWith('/') ? u.pathname : u.pathname + '/' };
}

export default async function setup(project: TestProject) {
  const dist = path.resolve('dist');
  if (process.env.SKIP_BUILD !== '1' || !fs.existsSync(path.join(dist, 'index.html'))) {
    const r = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: E2E_BASE_PATH, SITE_URL: E2E_SITE_URL } });
    if (r.status !== 0) throw new Error('the site did not build; see the output above');
  }
  const { site, basePath } = builtFor(dist);
  const server = await serve(dist, { port: 0, base: basePath });
  const { port } = server.address() as { port: number };
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  project.provide('baseUrl', `http://127.0.0.1:${port}${basePath}`);
  project.provide('basePath', basePath);
  project.provide('site', site);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('concurrency', Math.max(2, Number(process.env.E2E_CONCURRENCY) || os.availableParallelism()));
  return async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
