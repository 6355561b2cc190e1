/**
 * Every built page on a 360 x 780 phone, as a reader sees it (checked in quality.test.ts's light pass,
 * which loads every page at that size anyway: the in-page inspection is tests/e2e/checks/phone.ts):
 *  - the document is no wider than the screen;
 *  - no text runs out of its block or off the screen;
 *  - no table is wider than the screen (the data page's raw CSV previews
 *    scroll inside their own labelled region and are left out);
 *  - no table cell holding Chinese is narrower than three characters;
 *  - on Chinese pages no line breaks between a digit and a following digit
 *    or unit, after an opening mark or before a closing one: in HTML text
 *    (per character, across text nodes of one block) and in the lines
 *    (tspans) of SVG <text>.
 * And, here, the story's height at 390 x 844 in screens, against its limits.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { pagePath, routes } from '../../src/lib/paths';
import { builtPages, launch, openPage, siteUrl } from './browser';

const { replies } = getDataset();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The inspection of every page at 360 x 780 (tests/e2e/checks/phone.ts) runs in quality.test.ts's light
// pass, on the same load as axe: its test there is "every page at 360 x 780 (the light pass): no sideways
// scroll, …". Here, what needs no page load of its own:
describe('every page at 360 x 780', () => {
  it('finds the built pages', () => {
    expect(builtPages().length).toBeGreaterThan(20);
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
