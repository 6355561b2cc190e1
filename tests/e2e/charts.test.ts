/**
 * Chart pages in a real browser: with JavaScript off every chart (every view)
 * is visible and fits a phone; text stays >= 12 px as rendered at 320 px; no
 * console errors or requests to other origins (axe: quality.test.ts); with JavaScript on, the view switch works.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, openPage, tabs } from './browser';
import { getDataset } from '../../src/lib/data';
import type { Locale } from '../../src/lib/data/model';
import { chartsFor } from '../../src/lib/charts';
import { localePrefix, routes } from '../../src/lib/paths';

const base = inject('baseUrl');
const reply = getDataset().replies[0]!;
const LOCALES: Locale[] = ['zh-CN', 'en'];
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const url = (locale: Locale, route: string) => base + localePrefix(locale) + route;

/** Size of every visible chart text as drawn: computed font size times the SVG's scale. */
async function renderedTextSizes(page: Page): Promise<number[]> {
  return page.$$eval('figure.chart svg.plot', (svgs) =>
    svgs
      .filter((s) => (s as SVGSVGElement).getBoundingClientRect().width > 0)
      .flatMap((s) => {
        const svg = s as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      }),
  );
}

describe.each(LOCALES)('chart pages (%s), JavaScript off', (locale) => {
  const specs = chartsFor(reply, locale);
  // one context a width, its pages loaded again and again (tabs())
  const widths = new Map<number, { context: BrowserContext; tab: ReturnType<typeof tabs> }>();
  const at = async (width: number) => {
    if (!widths.has(width)) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
      widths.set(width, { context, tab: tabs(context) });
    }
    return widths.get(width)!.tab;
  };
  afterAll(async () => {
    for (const { context } of widths.values()) await context.close();
  });

  it.each(specs.map((s) => s.id))('%s: every view visible, fits 390 px, text >= 12 px at 320 px, a data table', async (id) => {
    const spec = specs.find((s) => s.id === id)!;
    for (const width of [390, 320]) {
      const { page, errors, external, done } = await (await at(width)).load(url(locale, routes.chart(reply.id, id)));
      expect(await page.textContent('h1')).toBe(spec.title);
      const views = await page.$$eval('figure.chart [data-view]', (vs) =>
        vs.map((v) => {
          const svgs = [...v.querySelectorAll('svg.plot')].filter((s) => s.getBoundingClientRect().width > 0);
          const r = svgs[0]?.getBoundingClientRect();
          return { id: (v as HTMLElement).dataset.view, visible: svgs.length, left: r?.left ?? -1, right: r?.right ?? 1e9, height: r?.height ?? 0 };
        }),
      );
      expect(views.map((v) => v.id)).toEqual(spec.views.map((v) => v.id));
      for (const v of views) {
        expect(v.visible, `${v.id} at ${width}`).toBe(1);
        expect(v.height).toBeGreaterThan(0);
        expect(v.left).toBeGreaterThanOrEqual(0);
        expect(v.right).toBeLessThanOrEqual(width);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `page overflow at ${width}`).toBeLessThanOrEqual(0);
      if (width === 320) {
        const sizes = await renderedTextSizes(page);
        expect(sizes.length).toBeGreaterThan(0);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      }
      expect(await page.locator('figure.chart table tbody tr').count()).toBe(spec.table.rows.length);
      // a panel below the views (number cards, named items) is drawn once, also with every view shown
      const afters = await page.$$eval('figure.chart [data-after]', (as) => as.map((a) => [...a.querySelectorAll('svg.plot')].filter((s) => s.getBoundingClientRect().width > 0).length));
      expect(afters).toEqual((spec.after ?? []).map(() => 1));
      expect(await page.locator('[data-switch]').isVisible().catch(() => false)).toBe(false);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      done();
    }
  });

  it('the index lists and shows every chart', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const { page, errors } = await openPage(context, url(locale, routes.charts(reply.id)));
    const links = await page.$$eval('.charts-toc a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(specs.map((s) => new URL(url(locale, routes.chart(reply.id, s.id))).pathname));
    expect(await page.locator('figure.chart').count()).toBe(specs.length);
    const sizes = await renderedTextSizes(page);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

// axe on every chart page and the index, light and dark: tests/e2e/quality.test.ts.

describe.each(LOCALES)('view switch (%s), JavaScript on', (locale) => {
  const multi = chartsFor(reply, locale).filter((s) => s.views.length > 1);
  it('there are at least two charts with a switch', () => {
    expect(multi.length).toBeGreaterThanOrEqual(2);
  });
  it.each(multi.map((s) => s.id))('%s: buttons show one view at a time', async (id) => {
    const spec = multi.find((s) => s.id === id)!;
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const { page, errors } = await openPage(context, url(locale, routes.chart(reply.id, id)));
    const sw = page.locator('figure.chart [data-switch]');
    await expect.poll(() => sw.isVisible()).toBe(true);
    for (const view of spec.views) {
      await page.click(`figure.chart button[data-show="${view.id}"]`);
      const visible = await page.$$eval('figure.chart [data-view]', (vs) => vs.filter((v) => (v as HTMLElement).offsetParent !== null).map((v) => (v as HTMLElement).dataset.view));
      expect(visible).toEqual([view.id]);
      expect(await page.getAttribute(`figure.chart button[data-show="${view.id}"]`, 'aria-pressed')).toBe('true');
    }
    // external scripts as transferred plus inline scripts as written (no gzip credit for those)
    const js = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((r) => /\.m?js(\?|$)/.test(r.name)).reduce((n, r) => n + (r as PerformanceResourceTiming).encodedBodySize, 0) +
        [...document.querySelectorAll('script:not([src])')].reduce((n, s) => n + (s.textContent ?? '').length, 0),
    );
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThan(12 * 1024);
    expect(errors).toEqual([]);
    await context.close();
  });
});
