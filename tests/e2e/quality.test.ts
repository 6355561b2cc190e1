/**
 * Quality gates on EVERY page of the built site (both locales, every kind of
 * page), found by walking dist/ for *.html: nothing here lists pages, so a
 * page added by any branch is covered as soon as it is built.
 *
 *  - axe-core (WCAG 2.0/2.1/2.2 A and AA) at 360 px in the light scheme and at
 *    1280 px in the dark scheme: zero violations;
 *  - in the light pass (a 360 x 780 phone), on the same load, the phone inspection of
 *    every index.html page (tests/e2e/checks/phone.ts, from phone.test.ts): no sideways
 *    scroll, no text out of its box, tables fit, Chinese lines break where they may;
 *  - in both passes, on the same load, no h1/h2 breaks inside a protected word or a number and its unit
 *    (tests/e2e/checks/headings.ts, from headings.test.ts);
 *  - in the dark pass (1280 px), on the same load, each page in its own language
 *    (tests/e2e/checks/lang.ts, from lang.test.ts);
 *  - (the W3C Nu Html Checker: tests/html/w3c.test.ts, no browser needed);
 *  - every internal href/src/srcset resolves to a file, every #fragment to an id;
 *  - nothing requested from another origin, no console errors, no failed requests;
 *  - a Content-Security-Policy without 'unsafe-inline' on every page, and not one
 *    `securitypolicyviolation` event while loading it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { AXE_TAGS, CONCURRENCY, axeViolations, launch, openPage, tabs } from './browser';
import { listPages, pool, KINDS, type SitePage } from '../../bench/pages.mjs';
import { checkLinks } from '../../bench/links.mjs';
import { CLOSING, OPENING } from '../../src/lib/linebreak';
import { PHONE, inspect, phoneProblems } from './checks/phone';
import { headingLines, headingProblems } from './checks/headings';
import { allowed, inspectLanguage } from './checks/lang';
import { siteKeepWords } from '../../src/lib/site-props';

const DIST = path.resolve('dist');
const base = inject('baseUrl');
const pages: SitePage[] = listPages(DIST);
/** Pages loaded at a time in the run's one browser: the core count (QUALITY_CONCURRENCY to tune). */
const LIMIT = Number(process.env.QUALITY_CONCURRENCY) || CONCURRENCY();
/** The origin and base path the site was built for (setup.ts); canonical and hreflang links use them. */
const SITE = inject('site');
const BASE_PATH = inject('basePath');

const SCHEMES = [
  // the phone of tests/e2e/checks/phone.ts: its inspection runs on this pass's loads
  { name: 'light, 360 px', colorScheme: 'light' as const, viewport: PHONE, phone: true },
  { name: 'dark, 1280 px', colorScheme: 'dark' as const, viewport: { width: 1280, height: 900 } },
];

interface PageRun {
  page: string;
  axe: string[];
  errors: string[];
  external: string[];
  csp: string[];
  /** The phone inspection's problems (light pass, index.html pages only). */
  phone: string[];
  /** Headings broken inside a protected word (index.html pages). */
  headings: string[];
  /** Problems of language (dark pass, index.html pages). */
  lang: string[];
}

/** Words no heading breaks inside: every reply's (Reply.keep). */
const KEEP = siteKeepWords();
/** English words a Chinese page may show (tests/e2e/checks/lang.ts). */
const ALLOW = allowed();

/** Records CSP violations from the first byte on (added before any page script runs). */
const RECORD_CSP = () => {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` (${e.sample})` : ''} at ${e.sourceFile || ''}:${e.lineNumber}`);
  });
};

let browser: Browser;
const contexts: BrowserContext[] = [];
const runs = new Map<string, PageRun[]>();

async function runScheme(scheme: (typeof SCHEMES)[number]): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: scheme.colorScheme, viewport: scheme.viewport });
  contexts.push(context);
  await context.addInitScript(RECORD_CSP);
  return context;
}

/** The pages phone.test.ts inspected: every index.html (builtPages), as a path without its last slash. */
const isIndex = (p: SitePage) => p.rel === 'index.html' || p.rel.endsWith('/index.html');
const phonePages = pages.filter(isIndex);

/** One page in one scheme: loaded once, every check of that load read from it (the phone inspection before axe touches the page). */
async function check(tab: ReturnType<typeof tabs>, p: SitePage, phone: boolean): Promise<PageRun> {
  const { page, errors, external, done } = await tab.load(base + p.url);
  const at = p.url.replace(/\/$/, '');
  const phoneReport = phone && isIndex(p) ? phoneProblems(at, await page.evaluate(inspect, { opening: OPENING, closing: CLOSING })) : [];
  const headings = isIndex(p) ? headingProblems(at, page.viewportSize()!.width, await page.evaluate(headingLines), KEEP) : [];
  const lang = !phone && isIndex(p) ? [...new Set(await page.evaluate(inspectLanguage, ALLOW))].map((f) => `/${at}: ${f}`) : [];
  const axe = await axeViolations(page, AXE_TAGS);
  const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  done();
  return { page: p.url || '/', axe, errors, external, csp, phone: phoneReport, headings, lang };
}

beforeAll(async () => {
  browser = await launch();
  const t0 = Date.now();
  // Both schemes in one queue, LIMIT pages at a time: no scheme waits for the other to finish.
  // each scheme's pages are loaded in a few pages kept open (tabs(): a load keeps its renderer and compiled scripts)
  const ctx = (await Promise.all(SCHEMES.map(runScheme))).map(tabs);
  const jobs = SCHEMES.flatMap((s, i) => pages.map((p) => ({ s: i, p })));
  const done = await pool(jobs, LIMIT, (j) => check(ctx[j.s]!, j.p, 'phone' in SCHEMES[j.s]!));
  for (const t of ctx) await t.close();
  SCHEMES.forEach((s, i) => runs.set(s.name, done.filter((_, k) => jobs[k]!.s === i)));
  console.log(`${SCHEMES.map((s) => s.name).join(' and ')}: ${pages.length} pages each in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}, 1_800_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const flat = (scheme: string, key: keyof Omit<PageRun, 'page' | 'phone' | 'headings' | 'lang'>) =>
  (runs.get(scheme) ?? []).flatMap((r) => r[key].map((m) => `${r.page}: ${m}`));

describe('the site', () => {
  it('has pages in both locales, every one of a known kind', () => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, pages.filter((p) => p.kind === k).length]));
    console.log(`quality gates over ${pages.length} pages: ${JSON.stringify(counts)}`);
    expect(pages.some((p) => p.kind === 'home' && p.locale === 'zh-CN')).toBe(true);
    expect(pages.some((p) => p.kind === 'home' && p.locale === 'en')).toBe(true);
    // Every page that is not a 404 page has its translation.
    const urls = new Set(pages.map((p) => p.url));
    const untranslated = pages
      .filter((p) => !/(^|\/)404\.html$/.test(p.url))
      .filter((p) => !urls.has(p.locale === 'en' ? p.url.slice(3) : 'en/' + p.url))
      .map((p) => p.url);
    expect(untranslated).toEqual([]);
  });
});

describe.each(SCHEMES.map((s) => s.name))('every page, %s', (scheme) => {
  it('has no axe violations (WCAG 2.2 A and AA)', () => {
    expect(runs.get(scheme)).toHaveLength(pages.length);
    expect(flat(scheme, 'axe')).toEqual([]);
  });
  it('logs no console errors, and every request succeeds', () => {
    expect(flat(scheme, 'errors')).toEqual([]);
  });
  it('requests nothing from another origin', () => {
    expect(flat(scheme, 'external')).toEqual([]);
  });
  it('reports no Content-Security-Policy violation', () => {
    expect(flat(scheme, 'csp')).toEqual([]);
  });
});

// From phone.test.ts (where the story's height at 390 px stays): the same inspection, on the light pass's loads.
describe('every page at 360 x 780 (the light pass)', () => {
  it('no sideways scroll, no text out of its box, tables fit, Chinese lines break where they may', () => {
    const light = runs.get(SCHEMES.find((s) => 'phone' in s)!.name) ?? [];
    expect(phonePages.length).toBeGreaterThan(20);
    expect(light.filter((r) => phonePages.some((p) => (p.url || '/') === r.page))).toHaveLength(phonePages.length);
    expect(light.flatMap((r) => r.phone)).toEqual([]);
  });
});

// From headings.test.ts: at both widths, on the passes' loads.
describe.each(SCHEMES.map((s) => [s.name, s.viewport.width] as const))('every page, %s: headings', (scheme, width) => {
  it(`at ${width} px no h1/h2 breaks inside a protected word or a number and its unit`, () => {
    expect(KEEP.length).toBeGreaterThan(5);
    expect(runs.get(scheme)!.filter((r) => phonePages.some((p) => (p.url || '/') === r.page))).toHaveLength(phonePages.length);
    expect(runs.get(scheme)!.flatMap((r) => r.headings)).toEqual([]);
  });
});

// From lang.test.ts (where the exported SVGs' check stays): on the dark pass's loads.
describe('every page in its own language (the dark pass)', () => {
  it('Chinese pages show no English words and no half-width comma or colon after Chinese; English pages no unmarked Chinese', () => {
    const dark = runs.get(SCHEMES.find((s) => !('phone' in s))!.name) ?? [];
    expect(dark.filter((r) => phonePages.some((p) => (p.url || '/') === r.page))).toHaveLength(phonePages.length);
    expect(dark.flatMap((r) => r.lang).sort()).toEqual([]);
  });
});

describe('the gates can fail', () => {
  it('axe reports an image without alt text', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, base);
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      main.append(img);
    });
    // the same run as the gates above: axe inside the page, every rule of AXE_TAGS
    expect((await axeViolations(page, AXE_TAGS)).map((v) => v.split(' ')[0])).toContain('image-alt');
    // and within a scope (interaction.test.ts's chart with its popover open): reported there, and gone once fixed
    await page.evaluate(() => document.querySelector('main img:last-of-type')!.setAttribute('data-axe-scope', ''));
    expect((await axeViolations(page, AXE_TAGS, '[data-axe-scope]')).map((v) => v.split(' ')[0])).toContain('image-alt');
    await page.evaluate(() => document.querySelector('[data-axe-scope]')!.setAttribute('alt', 'x'));
    expect((await axeViolations(page, AXE_TAGS, '[data-axe-scope]')).map((v) => v.split(' ')[0])).not.toContain('image-alt');
    await context.close();
  });
});

describe('Content-Security-Policy', () => {
  it("is set on every page, for scripts and styles, without 'unsafe-inline'", () => {
    const bad: string[] = [];
    for (const p of pages) {
      const html = fs.readFileSync(p.file, 'utf8');
      const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
      if (!m) {
        bad.push(`${p.url || '/'}: no CSP meta tag`);
        continue;
      }
      const policy = m[1]!;
      const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(name + ' '));
      for (const d of ['default-src', 'script-src', 'style-src']) {
        const v = directive(d);
        if (!v) bad.push(`${p.url || '/'}: no ${d}`);
        else if (/'unsafe-inline'|'unsafe-eval'|\*/.test(v)) bad.push(`${p.url || '/'}: ${v}`);
      }
      if (/\sstyle="/i.test(html)) bad.push(`${p.url || '/'}: a style="" attribute (move it into a stylesheet)`);
    }
    expect(bad).toEqual([]);
  });

  it('is enforced: the recorder sees a violation when a page breaks the policy', async () => {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_CSP);
    const { page } = await openPage(context, base);
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body{outline:1px solid red}';
      document.head.append(s);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0, null, { timeout: 5000 });
    const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(csp.join('\n')).toMatch(/style-src/);
    await context.close();
  });
});

describe('links', () => {
  it('every internal href, src and srcset resolves to a file, every #fragment to an id', () => {
    const { broken, pending, checked } = checkLinks(DIST, pages, { site: SITE, base: BASE_PATH });
    // Every kind of page is built now: a link to a kind with no page at all is as broken as any other.
    expect(pending).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
    expect(broken).toEqual([]);
  });

  it('the checker catches a missing file, a missing anchor and a resource from another origin', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
    try {
      fs.mkdirSync(path.join(dir, 'replies/x/source'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'replies/x/source/index.html'), '<!doctype html><p id="p1">x</p>');
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        '<!doctype html><a href="/replies/x/source/#p1">ok</a><a href="/replies/x/source/#p2">anchor</a><img src="/missing.png" alt="">' +
          '<script src="https://cdn.example.com/x.js"></script><a href="https://example.com/">fine</a><img srcset="/a.png 1x, /replies/x/source/ 2x" alt="">',
      );
      const r = checkLinks(dir, listPages(dir), { site: SITE });
      expect(r.broken.map((b) => b.replace(/^[^:]*: /, ''))).toEqual([
        '<a href="/replies/x/source/#p2">: no element with id "p2" on replies/x/source/index.html',
        '<img src="/missing.png">: no such file missing.png',
        '<script src="https://cdn.example.com/x.js">: a resource from another origin',
        '<img srcset="/a.png">: no such file a.png',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The W3C Nu Html Checker over every page: tests/html/w3c.test.ts (no browser; runs beside this file).
