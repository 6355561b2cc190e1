import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, openPage, siteUrl } from './browser';
import { getDataset } from '../../src/lib/data';
import type { Locale } from '../../src/lib/data/model';
import { chartsFor } from '../../src/lib/charts';
import { pagePath, routes } from '../../src/lib/paths';
import { storyRoutes } from '../../src/lib/story';

const base = inject('baseUrl');
const basePath = inject('basePath');
const { replies } = getDataset();
const reply = replies[0]!;
const LOCALES: Locale[] = ['zh-CN', 'en'];
const url = (locale: Locale, route: string) => siteUrl(pagePath(basePath, locale, route));
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** The pages this feature owns, per locale. */
const OWN = [routes.home, routes.reply(reply.id), routes.source(reply.id), routes.about, storyRoutes.glossary];

/** Ids present on a page, cached by URL without fragment. */
const idCache = new Map<string, Set<string>>();
async function idsOf(pageUrl: string): Promise<Set<string>> {
  const key = pageUrl.split('#')[0]!;
  if (!idCache.has(key)) {
    const { page, errors } = await openPage(context, key);
    expect(errors, key).toEqual([]);
    idCache.set(key, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
    await page.close();
  }
  return idCache.get(key)!;
}

describe.each(LOCALES)('story page (%s)', (locale) => {
  const storyUrl = url(locale, routes.reply(reply.id));

  it('links every number in its prose to an anchor that exists (figures: on the source page)', async () => {
    const { page, errors, external } = await openPage(context, storyUrl);
    // every text node holding a digit, outside charts and generated figure furniture, must sit in a link with a fragment
    const loose = await page.$$eval('article.story', (arts) => {
      const skip = 'figure.chart, .story-chart, .step-figure, .steps-sticky, .step-n, .hl-note, .byline, .kicker, .tag, .print-only, script, style';
      const out: string[] = [];
      for (const art of arts) {
        const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!/[0-9０-９]/.test(n.textContent ?? '') || el.closest(skip)) continue;
          const a = el.closest('a');
          if (!a || !a.getAttribute('href')?.includes('#')) out.push(n.textContent!.trim());
        }
      }
      return out;
    });
    expect(loose).toEqual([]);
    const links = await page.$$eval('article.story a[data-num], article.story a[data-date], article.story a[data-meta]', (as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, kind: a.getAttribute('data-num') ?? '', text: a.textContent ?? '' })),
    );
    expect(links.length).toBeGreaterThan(40);
    const figs = links.filter((l) => l.kind === 'fig');
    expect(new Set(figs.map((l) => l.href.split('#')[0]))).toEqual(new Set([url(locale, routes.source(reply.id))]));
    for (const l of links) {
      const [target, frag] = l.href.split('#');
      expect(frag, l.href).toBeTruthy();
      expect(await idsOf(target!), `${l.text} -> ${l.href}`).toContain(frag);
    }
    // and each figure link lands on that figure's own sentence
    const src = await openPage(context, url(locale, routes.source(reply.id)));
    for (const l of figs.slice(0, 50)) {
      const id = l.href.split('#')[1]!;
      const figId = id.replace(/^fig-/, '');
      expect(await src.page.textContent(`#${id}`)).toBe(reply.figures.find((f) => f.id === figId)!.quote);
    }
    await src.page.close();
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('prints every chart and every step of the sequence', async () => {
    const { page } = await openPage(context, storyUrl);
    await page.emulateMedia({ media: 'print' });
    const expected = chartsFor(reply, locale).length;
    const charts = page.locator('article.story figure.chart');
    const steps = page.locator('article.story .step-figure');
    expect(await charts.count()).toBeGreaterThan(0);
    expect(await charts.count()).toBeLessThanOrEqual(expected);
    for (const [loc, drawing] of [
      [charts, '.chart-views svg:visible'],
      [steps, 'svg:visible'],
    ] as const) {
      for (let i = 0; i < (await loc.count()); i++) {
        const el = loc.nth(i);
        expect(await el.isVisible()).toBe(true);
        // the drawing itself, not a key swatch
        const box = await el.locator(drawing).first().boundingBox();
        expect(box && box.width > 100 && box.height > 20).toBe(true);
      }
    }
    expect(await steps.count()).toBe(4);
    expect(await page.locator('nav.site-nav').isVisible()).toBe(false);
    await page.close();
  });

  it('weighs at most 100 KB gzip (HTML, CSS, JS)', async () => {
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (r) => {
      const type = r.request().resourceType();
      if (['document', 'stylesheet', 'script'].includes(type)) bodies.push(r.body());
    });
    await page.goto(storyUrl, { waitUntil: 'load' });
    const total = (await Promise.all(bodies)).reduce((s, b) => s + gzipSync(b).length, 0);
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    await page.close();
  });
});

describe('the step sequence', () => {
  it('follows the step in view with a sticky graphic, has a keyboard "next", and honours reduced motion', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page, errors } = await openPage(ctx, url('zh-CN', routes.reply(reply.id)));
    const stage = page.locator('[data-stage]');
    expect(await stage.isVisible()).toBe(true);
    await page.evaluate(() => document.querySelector('#step-housing-compare')!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => stage.getAttribute('data-state')).toBe('compare');
    const next = page.locator('#step-housing-target a.step-next');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#step-housing-pilot');
    await expect.poll(() => stage.getAttribute('data-state')).toBe('pilot');
    const duration = await page.$eval('[data-stage] svg g', (g) => getComputedStyle(g).transitionDuration);
    expect(duration).toBe('0s');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('is a plain series of figures without JavaScript', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url('en', routes.reply(reply.id)));
    expect(await page.locator('[data-stage]').isVisible()).toBe(false);
    const figs = page.locator('.step-figure');
    expect(await figs.count()).toBe(4);
    for (let i = 0; i < 4; i++) expect(await figs.nth(i).isVisible()).toBe(true);
    await ctx.close();
  });
});

describe('source page', () => {
  it.each(LOCALES)('every highlighted figure links back to each chart that uses it (%s)', async (locale) => {
    const { page, errors } = await openPage(context, url(locale, routes.source(reply.id)));
    for (const c of chartsFor(reply, locale)) {
      for (const id of c.sources) {
        const hrefs = await page.$$eval(`a[data-chart-ref="${id}"]`, (as) => as.map((a) => (a as HTMLAnchorElement).href));
        expect(hrefs).toContain(url(locale, routes.chart(reply.id, c.id)));
      }
    }
    if (locale === 'en') expect(await page.locator('.para p.en[lang="en"]').count()).toBe(reply.paragraphs.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('glossary', () => {
  it.each(LOCALES)('every term used in the story links there at first use, and the glossary links back (%s)', async (locale) => {
    const { page, errors } = await openPage(context, url(locale, storyRoutes.glossary));
    const backs = await page.$$eval('a.back', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(backs.length).toBeGreaterThan(15);
    for (const b of backs) {
      const [target, frag] = b.split('#');
      expect(await idsOf(target!), b).toContain(frag);
    }
    const story = await openPage(context, url(locale, routes.reply(reply.id)));
    const terms = await story.page.$$eval('a[data-term]', (as) => as.map((a) => (a as HTMLAnchorElement).href.split('#')[1]));
    const entries = new Set(await page.$$eval('.entry[id]', (els) => els.map((e) => e.id)));
    for (const t of terms) expect(entries).toContain(t);
    expect(new Set(terms).size).toBe(terms.length);
    expect(errors).toEqual([]);
    await page.close();
    await story.page.close();
  });
});

describe('language switch', () => {
  it.each(OWN)('round-trips zh -> en -> zh on the same page, keeping the #fragment (%s)', async (route) => {
    const { page, errors } = await openPage(context, url('zh-CN', route));
    await page.click('a[data-lang-switch]');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(url('en', route));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('a[data-lang-switch]');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(url('zh-CN', route));
    expect(errors).toEqual([]);
    await page.close();
  });
  it('keeps the reader at the same chapter of the story', async () => {
    const { page } = await openPage(context, url('zh-CN', routes.reply(reply.id)) + '#numbers');
    await page.click('a[data-lang-switch]');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(url('en', routes.reply(reply.id)) + '#numbers');
    expect(await page.locator('#numbers').count()).toBe(1);
    await page.close();
  });
});

describe('head, 404, sitemap', () => {
  it.each(LOCALES)('each page has one h1, a title, a description, a canonical URL, hreflang and social meta (%s)', async (locale) => {
    for (const route of OWN) {
      const { page } = await openPage(context, url(locale, route));
      expect(await page.locator('h1').count(), route).toBe(1);
      expect((await page.title()).length).toBeGreaterThan(3);
      for (const sel of ['meta[name="description"]', 'meta[property="og:title"]', 'meta[property="og:description"]', 'meta[name="twitter:card"]']) {
        expect((await page.getAttribute(sel, 'content'))?.length ?? 0, `${route} ${sel}`).toBeGreaterThan(0);
      }
      expect(new URL((await page.getAttribute('link[rel="canonical"]', 'href'))!).pathname).toBe(pagePath(basePath, locale, route));
      expect(await page.locator('link[rel="alternate"][hreflang]').count()).toBe(3);
      expect(await page.locator('[style]').count()).toBe(0);
      await page.close();
    }
  });
  it.each([
    ['zh-CN', 'no-such-page/'],
    ['en', 'en/no-such-page/'],
  ] as const)('an unknown address gets the 404 page of its locale (%s)', async (locale, path) => {
    const page = await context.newPage();
    const res = await page.goto(new URL(path, base).href);
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    await page.close();
  });
  it('robots.txt points at the sitemap, which lists every page of both locales but no 404', async () => {
    const page = await context.newPage();
    const robots = await (await page.request.get(new URL('robots.txt', base).href)).text();
    const m = /Sitemap: (\S+)/.exec(robots);
    expect(m).not.toBeNull();
    const index = await (await page.request.get(siteUrl(new URL(m![1]!).pathname))).text();
    const sub = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
    const map = await (await page.request.get(siteUrl(new URL(sub).pathname))).text();
    for (const locale of LOCALES) for (const route of OWN) expect(map).toContain(`<loc>${new URL(pagePath(basePath, locale, route), m![1]).href}</loc>`);
    expect(map).not.toContain('404');
    await page.close();
  });
});

describe('layout', () => {
  it.each(LOCALES)('no page scrolls sideways at 320 px (%s)', async (locale) => {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
    for (const route of OWN) {
      const page = await ctx.newPage();
      await page.goto(url(locale, route));
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(over, route).toBeLessThanOrEqual(0);
      await page.close();
    }
    await ctx.close();
  });
});

// axe on these pages (and the 404 pages), light and dark: tests/e2e/quality.test.ts runs it on every page.
