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
  it('lists every figure, and every figure link lands on an existing anchor of the source page', async () => {
    const { page, errors, external } = await openPage(context, base + prefix);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    for (const reply of replies) {
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
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
