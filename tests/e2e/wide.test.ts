/**
 * Wide screens use the width: at 1280 px the content of every kind of page
 * (the text as laid out, charts, images and controls in <main>) spans at least
 * two thirds of the viewport, so no page leaves a third of the screen empty.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { getDataset } from '../../src/lib/data';
import type { Locale } from '../../src/lib/data/model';
import { chartsFor } from '../../src/lib/charts';
import { localePrefix, routes } from '../../src/lib/paths';

const base = inject('baseUrl');
const reply = getDataset().replies[0]!;
const chart = chartsFor(reply, 'zh-CN')[0]!.id;
const WIDTH = 1280;
const KINDS: [string, string][] = [
  ['home', routes.home],
  ['story', routes.reply(reply.id)],
  ['chart', routes.chart(reply.id, chart)],
  ['commitments', routes.commitments(reply.id)],
  ['brief', routes.brief(reply.id)],
  ['data', routes.data(reply.id)],
  ['source', routes.source(reply.id)],
  ['about', routes.about],
  ['glossary', routes.glossary],
  ['404', '404.html'],
];
const LOCALES: Locale[] = ['zh-CN', 'en'];
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LOCALES)('at 1280 px (%s)', (locale) => {
  it.each(KINDS)('the %s page spans at least two thirds of the screen', async (_, route) => {
    const ctx = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, colorScheme: 'dark', javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await page.goto(base + localePrefix(locale) + route, { waitUntil: 'load' });
      const span = await page.evaluate(() => {
        let l = Infinity;
        let r = -Infinity;
        const add = (b: DOMRect) => {
          if (b.width <= 0 || b.height <= 0) return;
          l = Math.min(l, Math.max(0, b.left));
          r = Math.max(r, Math.min(innerWidth, b.right));
        };
        const main = document.querySelector('main')!;
        for (const e of main.querySelectorAll('svg, img, textarea, input, select, button')) if (!e.parentElement?.closest('svg')) add(e.getBoundingClientRect());
        const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (!n.textContent?.trim() || n.parentElement?.closest('svg')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const b of range.getClientRects()) add(b);
        }
        return r - l;
      });
      expect(span, `content spans ${Math.round(span)} of ${WIDTH} px`).toBeGreaterThanOrEqual((WIDTH * 2) / 3);
    } finally {
      await ctx.close();
    }
  });
});
