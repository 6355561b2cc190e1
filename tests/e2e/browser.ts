import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { listPages, pool } from '../../bench/pages.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export { CHROMIUM };

const require = createRequire(import.meta.url);

/**
 * The run's one Chromium: global setup (setup.ts) launches a browser server and
 * every test file connects to it, so no file pays for a browser start. The
 * returned Browser is this file's own connection: `browser.close()` closes the
 * contexts it made and disconnects; the browser itself stays up for the next
 * file. Outside the e2e project (no server provided) it launches its own.
 */
export async function launch(): Promise<Browser> {
  const ws = inject('wsEndpoint');
  if (ws) return chromium.connect(ws);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** How many pages a test may load at a time (the machine's cores, from setup.ts). */
export const CONCURRENCY = (): number => inject('concurrency') || 2;

/** Run `fn` over `items` with at most CONCURRENCY() at a time; results keep the order of items. */
export const inParallel = <T, R>(items: readonly T[], fn: (item: T, i: number) => Promise<R>): Promise<R[]> => pool(items, CONCURRENCY(), fn);

/**
 * An absolute URL on the test server for a site path. `pagePath(base, locale, route)`
 * (src/lib/paths.ts) gives the path for a base; give it inject('basePath') and pass
 * the result here, or pass a path relative to the base ("en/about/").
 */
export const siteUrl = (p: string): string => {
  const baseUrl = inject('baseUrl');
  const basePath = inject('basePath') || '/';
  const rel = p.startsWith(basePath) ? p.slice(basePath.length) : p.replace(/^\//, '');
  return new URL(rel, baseUrl).href;
};

/** A page's record of one load: console errors, page errors, failed requests, requests to other origins. */
interface LoadRecord {
  errors: string[];
  external: string[];
}

/** Records into `rec()` (the current load's record) what a page logs and requests. */
function record(page: Page, rec: () => LoadRecord & { origin: string }): void {
  page.on('console', (m) => {
    if (m.type() === 'error') rec().errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => rec().errors.push(`pageerror: ${e.message}`));
  // net::ERR_ABORTED is the browser cancelling a request itself (the page navigated away before, say,
  // its favicon arrived): not a fault of the site. A missing file is still an HTTP 4xx response below.
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (why !== 'net::ERR_ABORTED') rec().errors.push(`requestfailed: ${r.url()} ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) rec().errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.origin !== rec().origin) rec().external.push(r.url());
  });
}

/** A page that records console errors, page errors, failed requests and requests to other origins. */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page } & LoadRecord> {
  const page = await context.newPage();
  const r = { errors: [] as string[], external: [] as string[], origin: new URL(url).origin };
  record(page, () => r);
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors: r.errors, external: r.external };
}

/**
 * Pages of one context kept open and loaded again and again (`load(url)`), instead of a new page per
 * load: a load then keeps its renderer process, and with it the scripts it has compiled (axe-core
 * among them), which halves the cost of loading a page and checking it. Each load gets its own record
 * (errors, external requests), as openPage gives. For checks that only load and read a page: a test
 * that changes a page's settings (viewport, routes, init scripts) opens its own.
 */
export function tabs(context: BrowserContext): { load: (url: string) => Promise<{ page: Page; done: () => void } & LoadRecord>; close: () => Promise<void> } {
  const idle: { page: Page; r: LoadRecord & { origin: string } }[] = [];
  const all: Page[] = [];
  return {
    async load(url) {
      let tab = idle.pop();
      if (!tab) {
        const page = await context.newPage();
        const t = { page, r: { errors: [] as string[], external: [] as string[], origin: '' } };
        record(page, () => t.r);
        all.push(page);
        tab = t;
      }
      const t = tab;
      t.r = { errors: [], external: [], origin: new URL(url).origin };
      await t.page.goto(url, { waitUntil: 'load' });
      return { page: t.page, errors: t.r.errors, external: t.r.external, done: () => void idle.push(t) };
    },
    async close() {
      await Promise.all(all.map((p) => p.close()));
    },
  };
}

/** The WCAG tags every axe run of the suite uses (2.0, 2.1, 2.2; A and AA). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core on a loaded page (or the part of it `scope` selects), every rule of AXE_TAGS, one line per violating node.
 * axe runs inside the page itself (injected once, `axe.run`), not through
 * @axe-core/playwright's AxeBuilder, which injects axe a second time into a fresh
 * blank page per analysis to merge frame results: the same rules and results for
 * pages without frames, at a fraction of the cost. A page with an <iframe> goes
 * through AxeBuilder, which also checks inside the frame.
 */
export async function axeViolations(page: Page, tags: readonly string[] = AXE_TAGS, scope?: string): Promise<string[]> {
  type V = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
  let violations: V[];
  if (await page.$('iframe')) {
    const { AxeBuilder } = await import('@axe-core/playwright');
    const builder = new AxeBuilder({ page }).withTags([...tags]).options({ resultTypes: ['violations'] });
    violations = (await (scope ? builder.include(scope) : builder).analyze()).violations as V[];
  } else {
    await page.evaluate(axeSource());
    violations = await page.evaluate(
      async ([values, scope]) => {
        const axe = (window as unknown as { axe: { run: (ctx: Document | { include: string[] }, o: object) => Promise<{ violations: V[] }> } }).axe;
        const r = await axe.run(scope ? { include: [scope] } : document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
      },
      [[...tags], scope ?? ''] as const,
    );
  }
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`),
  );
}

let axeSrc: string | undefined;
const axeSource = (): string => (axeSrc ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** Every index.html under dist/, as a path from the site root ('' for the home page, 'en/about' …). */
export function builtPages(dist = 'dist'): string[] {
  return listPages(dist)
    .filter((p) => p.rel === 'index.html' || p.rel.endsWith('/index.html'))
    .map((p) => p.url.replace(/\/$/, ''));
}
