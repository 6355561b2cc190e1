import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, openPage } from './browser';
import { getDataset } from '../../src/lib/data';
import { anchors } from '../../src/lib/paths';

const base = inject('baseUrl');
const { replies } = getDataset();
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['zh-CN', ''],
  ['en', 'en/'],
])('home page (%s)', (locale, prefix) => {
  it('lists every reply (title, links to its story, tracker and data, a few figures) and no reply\'s full tables', async () => {
    const { page, errors, external } = await openPage(context, base + prefix);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.$$eval('ol.replies > li > article', (els) => els.length)).toBe(replies.length);
    // it scales to hundreds of replies: the figures tables live on each reply's data page
    expect(await page.$$eval('table', (els) => els.length)).toBe(0);
    for (const reply of replies) {
      const hrefs = await page.$$eval(`article[aria-labelledby="reply-${reply.id}"] a`, (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const p of ['', 'commitments/', 'data/']) expect(hrefs, p).toContain(`${base}${prefix}replies/${reply.id}/${p}`);
    }
    const links = await page.$$eval('a[data-figure-link]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(4 * replies.length);
    for (const l of links) {
      const src = await openPage(context, l.split('#')[0]!);
      const present = new Set(await src.page.$$eval('[id]', (els) => els.map((e) => e.id)));
      expect(present, l).toContain(l.split('#')[1]);
      await src.page.close();
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('each reply\'s data page lists every figure, and every figure link lands on its quote in the source page', async () => {
    for (const reply of replies) {
      const { page, errors, external } = await openPage(context, `${base}${prefix}replies/${reply.id}/data/`);
      const links = await page.$$eval('a[data-figure-link]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const ids = new Set(await page.$$eval('td[data-figure]', (tds) => tds.map((td) => td.getAttribute('data-figure'))));
      expect([...ids].sort()).toEqual(reply.figures.map((f) => f.id).sort());
      const targets = new Set(links.map((l) => l.split('#')[0]));
      expect(targets.size).toBe(1);
      const src = await openPage(context, [...targets][0]!);
      const present = new Set(await src.page.$$eval('[id]', (els) => els.map((e) => e.id)));
      for (const l of links) expect(present, l).toContain(l.split('#')[1]);
      for (const f of reply.figures) {
        const text = await src.page.textContent(`#${anchors.figure(f.id)}`);
        expect(text).toBe(f.quote);
      }
      expect(src.errors).toEqual([]);
      await src.page.close();
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await page.close();
    }
  });
});

describe('deploying under a sub-path', () => {
  // The suite's one build (tests/e2e/setup.ts) is made under BASE_PATH=/cixi/ with SITE_URL set, and
  // served only under that path: every page every browser test loads (each with no failed request)
  // proves the sub-path deploy. These check the HTML itself.
  const basePath = inject('basePath');
  const site = inject('site');

  it('the suite runs against a build under a sub-path', () => {
    expect(basePath, 'build with BASE_PATH=/cixi/ (npm test does; SKIP_BUILD=1 reuses dist/ as it is)').not.toBe('/');
  });

  it('BASE_PATH puts every internal link and asset under the sub-path', () => {
    const out = path.resolve('dist');
    const html = fs.readFileSync(path.join(out, 'en', 'index.html'), 'utf8');
    const refs = [...html.matchAll(/\s(?:href|src)="([^"#]+)/g)].map((m) => m[1]!);
    const internal = refs.filter((u) => !/^[a-z]+:/.test(u) || u.startsWith(site));
    expect(internal.length).toBeGreaterThan(5);
    for (const u of internal) {
      const p = u.startsWith(site) ? u.slice(site.length) : u;
      expect(p, u).toMatch(new RegExp(`^${basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const file = path.join(out, p.slice(basePath.length));
      expect(fs.existsSync(file.endsWith('/') ? path.join(file, 'index.html') : file), u).toBe(true);
    }
    expect(html).toContain(`<link rel="canonical" href="${site}${basePath}en/"`);
  });

  it('nothing is served outside the sub-path, so a root-relative link would fail the browser tests', async () => {
    const page = await context.newPage();
    const res = await page.goto(new URL('/en/', base).href);
    expect(res?.status()).toBe(404);
    await page.close();
  });
});
