/**
 * Each page in its own language, as a reader sees it (visible text only):
 *  - Chinese pages: every run of English words is marked lang="en"; no English words except names of
 *    formats and files the site hands out, words of the licence and text in elements written in another
 *    language (a bare <span lang="en"> is the page marking a run, not English text); no half-width comma or
 *    colon right after a Chinese character;
 *  - English pages: every run of Chinese (quoted source text, a term glossed in a sentence, "(居住证)") is
 *    marked lang="zh…".
 * In HTML text, the charts' SVG <text> and their data tables alike, on every page, embeds included; and in the
 * drawn text of the exported standalone SVGs. Left out: the data page's raw previews
 * of the CSV files, which show the data as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { pool } from '../../bench/pages.mjs';

const baseUrl = inject('baseUrl');
const DIST = 'dist';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page in its own language', () => {
  // embed pages too: they pass through the same middleware
  // the check of every page's text (Chinese pages, English pages) runs on the quality gates' dark 1280 px pass:
  // tests/e2e/checks/lang.ts, called from tests/e2e/quality.test.ts
  it('the exported standalone SVGs mark the runs of the other language in their drawn text, as the pages do', { timeout: 120_000 }, async () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.svg')) files.push(path.relative(DIST, path.join(d, e.name)));
      }
    };
    walk(DIST);
    expect(files.length).toBeGreaterThan(0);
    const ctx = await browser.newContext();
    const problems: string[] = [];
    await pool(files, 2, async (f) => {
      const page = await ctx.newPage();
      await page.goto(baseUrl + f.split(path.sep).join('/'));
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const root = document.documentElement;
        const zh = (root.getAttribute('lang') ?? '').startsWith('zh');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          const text = n.textContent ?? '';
          if (!el.closest('text') || el.closest('title, desc')) continue;
          const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
          if (zh && /[A-Za-z]{2,}/.test(text) && !lang.startsWith('en')) out.push(`English not marked lang="en" in “${text.trim().slice(0, 50)}”`);
          if (!zh && /[\u3400-\u9fff]/.test(text) && !lang.startsWith('zh')) out.push(`Chinese not marked lang="zh" in “${text.trim().slice(0, 50)}”`);
        }
        return out;
      });
      await page.close();
      problems.push(...found.map((x) => `${f}: ${x}`));
    });
    await ctx.close();
    expect(problems.sort()).toEqual([]);
  });
});
