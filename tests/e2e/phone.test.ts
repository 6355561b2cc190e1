/**
 * Every built page on a 360 x 780 phone, as a reader sees it:
 *  - the document is no wider than the screen;
 *  - no text runs out of its block or off the screen;
 *  - no table is wider than the screen (the data page's raw CSV previews
 *    scroll inside their own labelled region and are left out);
 *  - no table cell holding Chinese is narrower than three characters;
 *  - on Chinese pages no line breaks between a digit and a following digit
 *    or unit, after an opening mark or before a closing one: in HTML text
 *    (per character, across text nodes of one block) and in the lines
 *    (tspans) of SVG <text>.
 * And the story's height at 390 x 844 in screens, against its limits.
 * One browser, two pages at a time.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLOSING, OPENING } from '../../src/lib/linebreak';
import { getDataset } from '../../src/lib/data';
import { pagePath, routes } from '../../src/lib/paths';
import { builtPages, launch, openPage, siteUrl } from './browser';

const baseUrl = inject('baseUrl');
const { replies } = getDataset();

let browser: Browser;
let phone: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  phone = await browser.newContext({ viewport: { width: 360, height: 780 } });
});
afterAll(async () => {
  await browser?.close();
});

interface Report {
  zh: boolean;
  docWidth: number;
  outside: string[];
  wideTables: string[];
  narrowCells: string[];
  breaks: string[];
}

/** Runs in the page. */
function inspect({ opening, closing }: { opening: string; closing: string }): Report {
  const vw = document.documentElement.clientWidth;
  const zh = document.documentElement.lang.startsWith('zh');
  const CJK = /[\u3400-\u9fff]/;
  const out: Report = { zh, docWidth: document.documentElement.scrollWidth, outside: [], wideTables: [], narrowCells: [], breaks: [] };
  const exempt = (el: Element) => el.closest('svg, [data-preview], .visually-hidden, .skip, [hidden], script, style, noscript, .print-only, textarea, pre');
  const scrolls = (el: Element | null): boolean => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  // clipped off-screen boxes (a stacked table's column heads, visually hidden text)
  const clipped = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.position === 'absolute' && cs.clip !== 'auto') return true;
    }
    return false;
  };
  const blockOf = (el: Element): Element => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const d = getComputedStyle(e).display;
      if (!d.startsWith('inline') && d !== 'contents') return e;
    }
    return document.body;
  };
  const where = (el: Element, text: string) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}> “${text.trim().slice(0, 40)}”`;

  // text: inside its block and the viewport; Chinese line breaks
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let prev: { ch: string; top: number; block: Element } | null = null;
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    const el = n.parentElement!;
    if (!text.trim() || exempt(el) || clipped(el)) continue;
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const block = blockOf(el);
    if (!scrolls(el)) {
      const b = block.getBoundingClientRect();
      for (const r of rects) {
        if (r.left < -1 || r.right > vw + 1) out.outside.push(`off screen: ${where(el, text)} (${Math.round(r.left)}..${Math.round(r.right)})`);
        else if (r.left < b.left - 1 || r.right > b.right + 1) out.outside.push(`out of its block: ${where(el, text)}`);
      }
    }
    if (!zh) continue;
    // per character: the line each one sits on
    const chars = [...text];
    let off = 0;
    for (const ch of chars) {
      range.setStart(n, off);
      range.setEnd(n, off + ch.length);
      off += ch.length;
      if (/\s/.test(ch)) continue;
      const r = [...range.getClientRects()].find((x) => x.width > 0);
      if (!r) continue;
      if (prev && prev.block === block && r.top > prev.top + 4) {
        const a = prev.ch;
        const bad = /[0-9]/.test(a) && (/[0-9%％]/.test(ch) || CJK.test(ch)) ? 'number and unit' : opening.includes(a) ? 'line ends on an opening mark' : closing.includes(ch) ? 'line starts with a closing mark' : '';
        if (bad) out.breaks.push(`${bad}: “${a}” | “${ch}” in ${where(el, text)}`);
      }
      prev = { ch, top: r.top, block };
    }
  }

  // tables
  for (const t of document.querySelectorAll('table')) {
    if (exempt(t) || t.closest('[data-preview]') || t.matches('[data-preview]')) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.right > vw + 1 || r.left < -1) out.wideTables.push(`${where(t, t.querySelector('caption')?.textContent ?? '')} ${Math.round(r.width)} px`);
    for (const c of t.querySelectorAll<HTMLElement>('td, th')) {
      const cr = c.getBoundingClientRect();
      if (cr.width === 0 || !CJK.test(c.textContent ?? '') || exempt(c) || clipped(c)) continue;
      const fs = parseFloat(getComputedStyle(c).fontSize);
      const cs = getComputedStyle(c);
      const inner = cr.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (inner < 3 * fs - 0.5) out.narrowCells.push(`${where(c, c.textContent ?? '')} ${Math.round(inner)} px`);
    }
  }

  // SVG text lines
  if (zh) {
    for (const t of document.querySelectorAll('svg text')) {
      if (t.closest('[hidden]')) continue;
      const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '').filter((s) => s.length);
      for (let i = 1; i < lines.length; i++) {
        const a = lines[i - 1]!.trimEnd().slice(-1);
        const b = lines[i]!.trimStart()[0] ?? '';
        const bad = /[0-9]/.test(a) && (/[0-9%％]/.test(b) || CJK.test(b)) ? 'number and unit' : opening.includes(a) ? 'line ends on an opening mark' : closing.includes(b) ? 'line starts with a closing mark' : '';
        if (bad) out.breaks.push(`svg ${bad}: “${lines[i - 1]}” | “${lines[i]}”`);
      }
    }
  }
  return out;
}

describe('every page at 360 x 780', () => {
  const pages = builtPages();
  it('finds the built pages', () => {
    expect(pages.length).toBeGreaterThan(20);
  });
  it('no sideways scroll, no text out of its box, tables fit, Chinese lines break where they may', { timeout: 110_000 }, async () => {
    const problems: string[] = [];
    const queue = [...pages];
    const worker = async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        const { page } = await openPage(phone, baseUrl + (p ? p + '/' : ''));
        const r = await page.evaluate(inspect, { opening: OPENING, closing: CLOSING });
        await page.close();
        const at = `/${p}`;
        if (r.docWidth > 361) problems.push(`${at}: document ${r.docWidth} px wide`);
        for (const m of [...r.outside, ...r.wideTables.map((x) => `table wider than the screen: ${x}`), ...r.narrowCells.map((x) => `Chinese cell under 3 characters: ${x}`), ...r.breaks])
          problems.push(`${at}: ${m}`);
      }
    };
    await Promise.all([worker(), worker()]);
    expect(problems).toEqual([]);
  });
});

describe('the story at 390 x 844', () => {
  const LIMIT = { 'zh-CN': 14, en: 18 } as const;
  it.each(Object.keys(LIMIT) as (keyof typeof LIMIT)[])('is at most its limit of screens long (%s)', async (locale) => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const reply = replies[0]!;
    const { page } = await openPage(ctx, siteUrl(pagePath(inject('basePath'), locale, routes.reply(reply.id))));
    const screens = (await page.evaluate(() => document.documentElement.scrollHeight)) / 844;
    await ctx.close();
    expect(screens).toBeGreaterThan(3);
    expect(screens).toBeLessThanOrEqual(LIMIT[locale]);
  });
});
