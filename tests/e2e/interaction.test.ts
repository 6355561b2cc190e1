/**
 * Chart marks for everyone (src/lib/charts/interactive.ts, src/scripts/chart-popover.ts):
 * on every chart page Tab reaches the chart's first mark, the arrow keys visit
 * every mark and Escape closes; each popover shows what the data says (value
 * through the project's formatters, the verbatim quote); its link lands on the
 * highlighted sentence of the source page; a tap on a phone opens it; axe finds
 * nothing with the popover open, light and dark; no native tooltips remain.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AXE_TAGS, axeViolations, launch, openPage, siteUrl, tabs } from './browser';
import { getDataset } from '../../src/lib/data';
import type { Locale } from '../../src/lib/data/model';
import { chartsFor } from '../../src/lib/charts';
import { formatValue } from '../../src/lib/format/figure';
import { anchors, pagePath, routes } from '../../src/lib/paths';

const reply = getDataset().replies[0]!;
const LOCALES: Locale[] = ['zh-CN', 'en'];
const url = (locale: Locale, route: string) => siteUrl(pagePath(inject('basePath'), locale, route));
const figureById = new Map(reply.figures.map((f) => [f.id, f]));
const eventById = new Map(reply.events.map((e) => [e.id, e]));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What the focused element is and what the popover shows. */
async function state(page: Page) {
  return page.evaluate(() => {
    const a = document.activeElement as SVGElement | null;
    const pop = document.querySelector<HTMLElement>('.chart-pop');
    const text = (c: string) => pop?.querySelector<HTMLElement>(`.chart-pop-${c}`)?.textContent ?? '';
    const svg = a?.ownerSVGElement;
    const marks = svg ? [...svg.querySelectorAll<SVGElement>('[data-mark]')].sort((x, y) => +x.dataset.k! - +y.dataset.k!) : [];
    return {
      isMark: !!a?.hasAttribute('data-mark'),
      index: marks.indexOf(a as SVGElement),
      count: Number(svg?.dataset.marks ?? 0),
      firstVisibleChart: !!svg && svg === [...document.querySelectorAll<SVGSVGElement>('svg[data-marks]')].find((s) => s.getBoundingClientRect().width > 0),
      figure: a?.getAttribute('data-figure') ?? '',
      event: a?.getAttribute('data-event') ?? '',
      expanded: a?.getAttribute('aria-expanded') ?? '',
      open: !!pop && !pop.hidden && pop.getBoundingClientRect().height > 0,
      label: text('label'),
      value: text('value'),
      quote: text('quote'),
      href: pop?.querySelector('a')?.getAttribute('href') ?? '',
    };
  });
}
type State = Awaited<ReturnType<typeof state>>;

/** The popover says what the data says about the mark it belongs to. */
function expectFromData(s: State, locale: Locale, where: string) {
  expect(s.open, where).toBe(true);
  expect(s.label, where).not.toBe('');
  const f = figureById.get(s.figure);
  const e = eventById.get(s.event);
  if (f) {
    expect(s.value, where).toBe(formatValue(f, locale));
    expect(s.quote, where).toBe(`“${f.quote}”`);
    expect(s.href, where).toBe(`${pagePath(inject('basePath'), locale, routes.source(reply.id))}#${anchors.figure(f.id)}`);
  } else if (e) {
    expect(s.quote, where).toBe(`“${e.quote}”`);
    expect(s.href, where).toMatch(new RegExp(`#(${anchors.event(e.id)}|${anchors.figure(e.figure)})$`));
  }
}

/** The centre of the first visible mark and the figure of the mark drawn there (a value label may sit on its bar). */
async function firstMarkPoint(page: Page) {
  const mark = page.locator('svg[data-marks] [data-mark]').filter({ visible: true }).first();
  await mark.scrollIntoViewIfNeeded();
  const box = (await mark.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const figure = await page.evaluate(([x, y]) => {
    const part = document.elementFromPoint(x!, y!)?.closest<SVGElement>('[data-k]');
    return part?.ownerSVGElement?.querySelector(`[data-mark][data-k="${part.dataset.k}"]`)?.getAttribute('data-figure') ?? '';
  }, [x, y]);
  return { x, y, figure: figureById.get(figure) };
}

/** Put the keyboard at the top of the page, then Tab until a chart mark has focus. */
async function tabToChart(page: Page): Promise<number> {
  await page.evaluate(() => {
    const h = document.querySelector<HTMLElement>('main h1, h1')!;
    h.tabIndex = -1;
    h.focus();
  });
  for (let n = 1; n <= 40; n++) {
    await page.keyboard.press('Tab');
    if ((await state(page)).isMark) return n;
  }
  return -1;
}

describe.each(LOCALES)('chart marks (%s)', (locale) => {
  const specs = chartsFor(reply, locale);
  let context: BrowserContext;
  let tab: ReturnType<typeof tabs>;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    tab = tabs(context);
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(specs.map((s) => s.id))('%s: Tab reaches the first mark, arrows visit every mark, each popover from the data, Escape closes', async (id) => {
    const { page, errors, done } = await tab.load(url(locale, routes.chart(reply.id, id)));
    // no native tooltips left on any mark: each SVG keeps only its own <title>
    const titles = await page.$$eval('svg.plot', (svgs) => svgs.map((s) => s.querySelectorAll('title').length));
    expect(titles.every((n) => n === 1)).toBe(true);
    expect(await tabToChart(page), 'Tab reaches a mark').toBeGreaterThan(0);
    const first = await state(page);
    expect(first.firstVisibleChart).toBe(true);
    expect(first.index).toBe(0);
    expect(first.expanded).toBe('true');
    expect(first.count).toBeGreaterThan(0);
    expectFromData(first, locale, `${id} mark 0`);
    const seen = new Set([first.label + first.value]);
    for (let i = 1; i < first.count; i++) {
      await page.keyboard.press('ArrowRight');
      const s = await state(page);
      expect(s.index, `${id} ArrowRight ${i}`).toBe(i);
      expectFromData(s, locale, `${id} mark ${i}`);
      seen.add(s.label + s.value);
    }
    expect(seen.size, 'each mark says something of its own').toBe(first.count);
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).index, 'wraps to the first').toBe(0);
    await page.keyboard.press('ArrowLeft');
    expect((await state(page)).index).toBe(first.count - 1);
    await page.keyboard.press('Escape');
    const closed = await state(page);
    expect(closed.open).toBe(false);
    expect(closed.isMark, 'Escape keeps the focus on the mark').toBe(true);
    expect(closed.expanded).toBe('false');
    expect(errors).toEqual([]);
    done();
  });

  it('the popover link lands on the highlighted sentence of the source page', async () => {
    const spec = specs.find((s) => s.sources.length > 0)!;
    const { page, done } = await tab.load(url(locale, routes.chart(reply.id, spec.id)));
    await tabToChart(page);
    const s = await state(page);
    const f = figureById.get(s.figure)!;
    expect(f, 'the first mark draws a figure').toBeDefined();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.chart-pop') !== null), 'Tab goes from the mark into its popover').toBe(true);
    await Promise.all([page.waitForURL(`**/${routes.source(reply.id)}#${anchors.figure(f.id)}`), page.keyboard.press('Enter')]);
    // the browser scrolls to the fragment once the page is laid out
    await page
      .waitForFunction(() => {
        const r = document.querySelector(':target')?.getBoundingClientRect();
        return !!r && r.bottom > 0 && r.top < innerHeight;
      }, null, { timeout: 5000 })
      .catch(() => undefined);
    const target = await page.evaluate(() => {
      const t = document.querySelector<HTMLElement>(':target');
      if (!t) return null;
      const r = t.getBoundingClientRect();
      const cs = getComputedStyle(t);
      return { figure: t.dataset.figure, text: t.textContent, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), inView: r.bottom > 0 && r.top < innerHeight, r: [r.top, r.bottom, innerHeight, scrollY] };
    });
    expect(target?.figure).toBe(f.id);
    expect(f.quote).toContain(target!.text!.trim());
    expect(target?.outline).not.toBe('none');
    expect(target?.width).toBeGreaterThan(0);
    expect(target?.inView, JSON.stringify(target?.r)).toBe(true);
    done();
  });
});

describe('with a mouse', () => {
  it.each(LOCALES)('hovering a mark opens its popover, leaving the chart closes it (%s)', async (locale) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const spec = chartsFor(reply, locale).find((s) => s.sources.length > 0)!;
    const { page, errors } = await openPage(context, url(locale, routes.chart(reply.id, spec.id)));
    const { x, y, figure } = await firstMarkPoint(page);
    await page.mouse.move(x, y);
    await expect.poll(() => page.locator('.chart-pop').isVisible()).toBe(true);
    expect(await page.locator('.chart-pop .chart-pop-value').textContent()).toBe(formatValue(figure!, locale));
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('.chart-pop').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('on a phone', () => {
  it.each(LOCALES)('a tap opens the popover, a tap outside closes it (%s)', async (locale) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const spec = chartsFor(reply, locale).find((s) => s.sources.length > 0)!;
    const { page, errors } = await openPage(context, url(locale, routes.chart(reply.id, spec.id)));
    const { x, y, figure: fig } = await firstMarkPoint(page);
    expect(fig, 'a tap lands on a mark that draws a figure').toBeDefined();
    await page.touchscreen.tap(x, y);
    expect(await page.locator('.chart-pop').isVisible()).toBe(true);
    expect(await page.locator('.chart-pop .chart-pop-value').textContent()).toBe(formatValue(fig!, locale));
    expect(await page.locator('.chart-pop .chart-pop-quote').textContent()).toBe(`“${fig!.quote}”`);
    const box = await page.locator('.chart-pop').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.locator('h1').tap();
    expect(await page.locator('.chart-pop').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(['light', 'dark'] as const)('axe with the popover open (%s)', (colorScheme) => {
  it.each([
    ['chart page', (l: Locale) => routes.chart(reply.id, chartsFor(reply, l).find((s) => s.sources.length > 0)!.id)],
    ['story', (l: Locale) => routes.reply(reply.id)],
  ] as const)('%s: 0 violations, no CSP violation', async (_, route) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI || 'inline'}`));
    });
    for (const locale of LOCALES) {
      const { page } = await openPage(context, url(locale, route(locale)));
      expect(await tabToChart(page)).toBeGreaterThan(0);
      expect((await state(page)).open).toBe(true);
      await page.keyboard.press('ArrowRight');
      // axe on the chart that holds the open popover, every rule: the whole page, popover closed, is
      // quality.test.ts's (every page, light and dark); this is what opening it adds
      await page.evaluate(() => (document.getElementById('chart-pop')!.closest('figure') ?? document.getElementById('chart-pop')!.parentElement!).setAttribute('data-axe-scope', ''));
      expect(await axeViolations(page, AXE_TAGS, '[data-axe-scope]')).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      await page.close();
    }
    await context.close();
  });
});
