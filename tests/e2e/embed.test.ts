/**
 * Journalists' features against the built site: embed codes pasted into a
 * plain page on ANOTHER origin fit their content at phone and desktop widths
 * and after resizing; downloads exist and parse; oEmbed documents are
 * complete; every embed page stays within 10 KB gzip (issue #13; scripts/bench.mjs BUDGETS.embedTotal).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launch, openPage, siteUrl, tabs } from './browser';
import { getDataset } from '../../src/lib/data';
import { LOCALES, type Locale } from '../../src/lib/data/model';
import { chartsFor, type ChartSpec } from '../../src/lib/charts';
import { pagePath, routes } from '../../src/lib/paths';
import { TABLES, datasetRows, fileNames } from '../../src/lib/export/dataset';
import { EMBED_WIDTHS } from '../../src/lib/embed';

const base = inject('baseUrl');
const basePath = inject('basePath');
const ours = new URL(base).origin;
const { replies } = getDataset();
const reply = replies[0]!;
const url = (locale: Locale, route: string) => siteUrl(pagePath(basePath, locale, route));
/** The built site's absolute URLs name the configured `site`; point them at the test server. */
const local = (u: string) => ours + new URL(u).pathname + new URL(u).search;
const all: ChartSpec[] = replies.flatMap((r) => LOCALES.flatMap((l) => chartsFor(r, l)));

let browser: Browser;
let context: BrowserContext;
/** Pages of `context` loaded again and again (tabs(): a load keeps its renderer and compiled scripts), for checks that only load and read. */
let tab: ReturnType<typeof tabs>;
/** The same for `noJs`. */
let noJsTab: ReturnType<typeof tabs>;
/** JavaScript off, for the no-JS embed checks: one context for the file. */
let noJs: BrowserContext;
/** A blank tab (no CSP, no site script) where the browser's own XML parser reads downloaded SVGs. */
let parser: Page;
let host: http.Server;
let hostUrl = '';
let hostHtml = '';

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  noJs = await browser.newContext({ javaScriptEnabled: false });
  tab = tabs(context);
  noJsTab = tabs(noJs);
  parser = await context.newPage();
  host = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostHtml);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
  expect(new URL(hostUrl).origin).not.toBe(ours);
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => host?.close(() => r()));
});

async function embedCodeOf(spec: ChartSpec, loaded?: Awaited<ReturnType<typeof openPage>>): Promise<string> {
  const { page, errors, done } = loaded ? { ...loaded, done: () => {} } : await tab.load(url(spec.locale, routes.chart(spec.replyId, spec.id)));
  const code = await page.inputValue('[data-embed-code] textarea');
  expect(errors).toEqual([]);
  done();
  return code;
}

/** For each of our iframes: its height, the embed document's scrollHeight and inner viewport. */
async function fit(page: Page) {
  const frames = await page.$$('iframe[data-cixi-embed]');
  const out = [];
  for (const el of frames) {
    await el.scrollIntoViewIfNeeded();
    const frame = await el.contentFrame();
    if (!frame) throw new Error('iframe has no frame');
    await frame.waitForSelector('[data-embed-id]');
    const outer = await el.evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      box: document.querySelector('[data-embed-id]')!.getBoundingClientRect().height,
      view: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    out.push({ outer, ...inner });
  }
  return out;
}

async function expectFits(page: Page) {
  await expect
    .poll(async () => (await fit(page)).every((f) => Math.abs(f.outer - f.box) <= 2 && Math.abs(f.outer - f.scroll) <= 2), { timeout: 10_000 })
    .toBe(true);
  for (const f of await fit(page)) {
    expect(Math.abs(f.outer - f.scroll)).toBeLessThanOrEqual(2); // no inner scrollbar
    expect(f.scroll).toBeLessThanOrEqual(f.view + 1);
    expect(Math.abs(f.view - f.box)).toBeLessThanOrEqual(2); // no gap below
    expect(f.scrollWidth).toBeLessThanOrEqual(f.clientWidth); // nothing wider than the column
  }
}

describe('embed code on a page of another origin', () => {
  it('two charts fit their content at 360 and 1000 px and after resizing, with no console errors', async () => {
    // two different charts where the reply has them, else one chart in both languages
    const zh = chartsFor(reply, 'zh-CN');
    const picks = zh.length >= 2 ? [zh[0]!, zh[1]!] : [zh[0]!, chartsFor(reply, 'en')[0]!];
    const codes = await Promise.all(picks.map((s) => embedCodeOf(s)));
    for (const c of codes) {
      expect(c).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/[^"]+" title="[^"]+" data-cixi-embed="[^"]+" loading="lazy"/);
      expect(c).toMatch(/<script src="https?:\/\/[^"]+\/embed\.js" async><\/script>$/);
    }
    const rewrite = (c: string) => c.replace(/(src=")(https?:\/\/[^"]+)"/g, (_, a: string, u: string) => `${a}${local(u)}"`);
    hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<style>body{margin:0;font:16px/1.5 sans-serif}.col{max-width:700px;margin:0 auto;padding:0 12px}p{margin:0 0 1rem}</style></head>
<body><div class="col"><h1>A newspaper article</h1><p>${'Lorem ipsum dolor sit amet. '.repeat(20)}</p>
${rewrite(codes[0]!)}
<p>${'Consectetur adipiscing elit. '.repeat(30)}</p>
${rewrite(codes[1]!)}
<p>The end.</p></div></body></html>`;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(hostUrl, { waitUntil: 'load' });
    expect(await page.$$eval('iframe[data-cixi-embed]', (fs) => fs.length)).toBe(2);
    expect(await page.$$eval('script[src$="embed.js"]', (s) => s.length)).toBe(2);
    await expectFits(page);
    const narrow = await fit(page);
    await page.setViewportSize({ width: 1000, height: 800 });
    await expectFits(page);
    const wide = await fit(page);
    // a wider column reflows the chart: heights change, and still fit
    expect(wide.map((f) => Math.round(f.outer))).not.toEqual(narrow.map((f) => Math.round(f.outer)));
    await page.setViewportSize({ width: 360, height: 740 });
    await expectFits(page);
    // a height message from anything but one of our iframes is ignored
    const before = await page.$$eval('iframe[data-cixi-embed]', (fs) => fs.map((f) => (f as HTMLIFrameElement).style.height));
    await page.evaluate(() => window.postMessage({ type: 'cixi-embed:height', id: 'x', height: 7 }, '*'));
    await page.waitForTimeout(200);
    expect(await page.$$eval('iframe[data-cixi-embed]', (fs) => fs.map((f) => (f as HTMLIFrameElement).style.height))).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(all.map((s) => [`${s.locale} ${s.id}`, s] as const))('chart %s', (_, spec) => {
  const embed = url(spec.locale, routes.embed(spec.replyId, spec.id));
  // The chart page, loaded once for the embed code, downloads, oEmbed and citation tests: they only
  // read it (downloads are fetched from Node, not by the page), so its error log is that of its own load.
  let chartPage: ReturnType<typeof tab.load> | undefined;
  const chart = () => (chartPage ??= tab.load(url(spec.locale, routes.chart(spec.replyId, spec.id))));
  afterAll(async () => {
    if (chartPage) (await chartPage).done();
  });

  it('embed page: chart, title, source, link back; no site chrome; at most 10 KB gzip', async () => {
    const { page, errors, external, done } = await tab.load(embed);
    expect(await page.textContent('h1')).toBe(spec.title);
    // one view is drawn (wide and narrow layouts may both be in the page, one shown), and each panel below the views once
    expect(await page.locator('svg.plot[aria-label]').filter({ visible: true }).count()).toBe(1 + (spec.after?.length ?? 0));
    expect(await page.$$('header, nav, footer')).toHaveLength(0);
    const back = await page.$$eval('a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(back).toContain(url(spec.locale, routes.chart(spec.replyId, spec.id)));
    expect(await page.textContent('body')).toContain(spec.locale === 'zh-CN' ? '来源' : 'Source');
    // sum of HTML + CSS + JS, gzip
    const html = await (await fetch(embed)).text();
    const assets = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => new URL(m[1]!, embed).href);
    let total = gzipSync(html, { level: 9 }).length;
    for (const a of assets) total += gzipSync(Buffer.from(await (await fetch(a)).arrayBuffer()), { level: 9 }).length;
    expect(total).toBeLessThanOrEqual(10_000);
    console.log(`embed ${spec.locale} ${spec.id}: ${total} bytes gzip`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    done();
  });

  it('embed options: theme=dark and title=0', async () => {
    const { page, done } = await tab.load(`${embed}?theme=dark&title=0`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.isVisible('h1')).toBe(false);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // the same tab, navigated: one page for both options
    await page.goto(`${embed}?theme=light`, { waitUntil: 'load' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe(light);
    done();
  });

  it('embed page without JavaScript: title and chart shown', async () => {
    const { page, done } = await noJsTab.load(embed);
    expect(await page.isVisible('h1')).toBe(true);
    expect(await page.locator('svg.plot[aria-label]').filter({ visible: true }).count()).toBe(1 + (spec.after?.length ?? 0));
    done();
  });

  it('downloads exist, have the sizes shown, and parse', async () => {
    const { page } = await chart();
    const links = await page.$$eval('a[data-download]', (as) =>
      as.map((a) => ({ format: a.getAttribute('data-download')!, href: (a as HTMLAnchorElement).href, name: a.getAttribute('download'), bytes: Number(a.parentElement!.querySelector('[data-bytes]')!.getAttribute('data-bytes')) })),
    );
    expect(links.map((l) => l.format).sort()).toEqual(['csv', 'json', 'png', 'svg']);
    const got: Record<string, Buffer> = {};
    for (const l of links) {
      const r = await fetch(l.href);
      expect(r.status, l.href).toBe(200);
      got[l.format] = Buffer.from(await r.arrayBuffer());
      expect(got[l.format]!.length, l.href).toBe(l.bytes);
      expect(l.name).toContain(spec.id);
    }
    // CSV: BOM, CRLF, reads back to spec.data
    const csv = got.csv!.toString('utf8');
    expect(got.csv!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('\r\n');
    const back = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(back.errors).toEqual([]);
    const keys = back.meta.fields!;
    expect(keys.slice(0, spec.data.columns.length)).toEqual(spec.data.columns.map((c) => c.key));
    expect(back.data).toEqual(spec.data.rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] === null || r[k] === undefined ? '' : String(r[k])]))));
    // JSON: the same rows
    expect(JSON.parse(got.json!.toString('utf8')).rows).toEqual(spec.data.rows);
    // SVG: well-formed XML (the browser's strict parser), with a size
    // in a blank tab: parsing it in the chart page would log that page's CSP refusing the SVG's style attributes
    const svg = await parser.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const err = doc.getElementsByTagName('parsererror')[0];
      const root = doc.documentElement;
      return { error: err ? err.textContent : null, name: root.localName, ns: root.namespaceURI, width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), text: root.textContent };
    }, got.svg!.toString('utf8'));
    expect(svg.error).toBeNull();
    expect([svg.name, svg.ns]).toEqual(['svg', 'http://www.w3.org/2000/svg']);
    expect(svg.text).toContain(spec.title);
    // PNG: IHDR says twice the SVG's size
    const png = got.png!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([svg.width * 2, svg.height * 2]);
  });

  it('oEmbed: discoverable from the chart page, with the required fields', async () => {
    const { page } = await chart();
    const link = await page.$eval('link[rel="alternate"][type="application/json+oembed"]', (l) => ({ href: l.getAttribute('href')!, title: l.getAttribute('title') }));
    expect(link.title).toBe(spec.title);
    const r = await fetch(local(link.href));
    expect(r.status).toBe(200);
    const o = await r.json();
    expect(o).toMatchObject({ type: 'rich', version: '1.0', title: spec.title });
    for (const k of ['provider_name', 'provider_url', 'author_name', 'html']) expect(typeof o[k], k).toBe('string');
    for (const k of ['width', 'height']) expect(o[k], k).toBeGreaterThan(0);
    expect(o.html).toContain('<iframe');
    expect(o.html).toContain(routes.embed(spec.replyId, spec.id));
    expect((await fetch(local(o.thumbnail_url))).status).toBe(200);
  });

  it('citation: short and full in both languages, BibTeX and CSL-JSON with the permalink', async () => {
    const { page, errors } = await chart();
    for (const f of ['short.zh', 'short.en', 'full.zh', 'full.en']) expect((await page.textContent(`[data-cite-field="${f}"]`))?.length ?? 0, f).toBeGreaterThan(20);
    const csl = JSON.parse(await page.inputValue('textarea[data-cite-field="csl"]'));
    expect(new URL(csl[0].URL).pathname).toBe(pagePath(basePath, spec.locale, routes.chart(spec.replyId, spec.id)));
    const now = new Date();
    expect(csl[0].accessed['date-parts'][0]).toEqual([now.getFullYear(), now.getMonth() + 1, now.getDate()]);
    expect(await page.inputValue('textarea[data-cite-field="bibtex"]')).toMatch(/^@misc\{/);
    expect(errors).toEqual([]);
  });

  it('embed code with its <script> stripped (as many CMSs do): the whole chart and its source line show at 360, 768 and 1200 px', async () => {
    const code = (await embedCodeOf(spec, await chart())).replace(/<script[\s\S]*?<\/script>/g, '');
    expect(code).not.toContain('<script');
    const oembedHeight = Number(/height="(\d+)"/.exec(code)![1]);
    hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<style>body{margin:0}</style></head><body>${code.replace(/(src=")(https?:\/\/[^"]+)"/g, (_, a: string, u: string) => `${a}${local(u)}"`)}<p>After the chart.</p></body></html>`;
    const page = await context.newPage();
    await page.goto(hostUrl);
    for (const width of EMBED_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const el = (await page.$('iframe[data-cixi-embed]'))!;
      const frame = (await el.contentFrame())!;
      await frame.waitForSelector('[data-embed-id]');
      const outer = await el.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => ({
        content: Math.ceil(document.querySelector<HTMLElement>('[data-embed-id]')!.getBoundingClientRect().bottom),
        source: Math.ceil(document.querySelector<HTMLElement>('.chart-source')!.getBoundingClientRect().bottom),
        chart: Math.ceil(document.querySelector<HTMLElement>('.chart-views')!.getBoundingClientRect().bottom),
      }));
      expect(outer, `${width} px: the frame is no taller than the code says`).toBe(oembedHeight);
      expect(inner.chart, `${width} px: chart cut off`).toBeLessThanOrEqual(outer);
      expect(inner.source, `${width} px: source line cut off`).toBeLessThanOrEqual(outer);
      expect(inner.content, `${width} px: embed cut off`).toBeLessThanOrEqual(outer);
    }
    await page.close();
    // oEmbed starts at the same height
    const o = await (await fetch(`${url(spec.locale, routes.chart(spec.replyId, spec.id))}oembed.json`)).json();
    expect(o.height).toBe(oembedHeight);
  });
});

describe('a default build served from another address', () => {
  it('hands out embed code, the embed link and citations for the address it is served from', async () => {
    const spec = chartsFor(reply, 'zh-CN')[0]!;
    const { page, errors } = await openPage(context, url(spec.locale, routes.chart(spec.replyId, spec.id)));
    const code = await page.inputValue('[data-embed-code] textarea');
    const srcs = [...code.matchAll(/src="([^"]+)"/g)].map((m) => new URL(m[1]!).origin);
    expect(srcs).toEqual([ours, ours]);
    expect(new URL(await page.getAttribute('[data-embed-code] a[data-served-href]', 'href') ?? '', base).origin).toBe(ours);
    const csl = JSON.parse(await page.inputValue('textarea[data-cite-field="csl"]'));
    expect(new URL(csl[0].URL).origin).toBe(ours);
    expect(await page.inputValue('textarea[data-cite-field="bibtex"]')).toMatch(new RegExp(`url\\s+= \\{${ours}/`));
    expect(errors).toEqual([]);
  });
  it('shows where to report an error at the foot of the chart page and the embed, and on the about page', async () => {
    const spec = chartsFor(reply, 'en')[0]!;
    for (const route of [routes.chart(spec.replyId, spec.id), routes.embed(spec.replyId, spec.id)]) {
      const { page, done } = await tab.load(url('en', route));
      const href = await page.getAttribute('[data-report-error] a', 'href');
      expect(href, route).toMatch(/^(mailto:|https?:)/);
      done();
    }
    const { page } = await openPage(context, url('en', routes.about));
    expect(await page.$$eval('a[href^="mailto:"], #report ~ p a[href^="http"]', (as) => as.length)).toBeGreaterThan(0);
  });
});

describe.each(LOCALES)('data page (%s)', (locale) => {
  it('offers the whole dataset, the zip with README, column docs and previews', async () => {
    const { page, errors } = await openPage(context, url(locale, routes.data(reply.id)));
    const links = await page.$$eval('a[data-download]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const n = fileNames(reply.id);
    const rows = datasetRows(reply);
    for (const t of TABLES) {
      const href = links.find((l) => l.endsWith(n.csv(t)));
      expect(href, t).toBeTruthy();
      const text = await (await fetch(href!)).text();
      const back = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      expect(back.data.map((r) => r.id)).toEqual(rows[t].map((r) => String(r.id)));
      expect(await page.$$(`table[data-preview="${t}"] tbody tr`)).toHaveLength(Math.min(5, rows[t].length));
    }
    const zip = unzipSync(new Uint8Array(await (await fetch(links.find((l) => l.endsWith(n.zip))!)).arrayBuffer()));
    expect(Object.keys(zip)).toContain(`${reply.id}/README.md`);
    expect(Buffer.from(zip[`${reply.id}/README.md`]!).toString('utf8')).toContain('CC BY 4.0');
    expect(await page.textContent('[data-cite-field="full.en"]')).toContain(reply.meta.title_en);
    expect(errors).toEqual([]);
  });
});

// axe on the embed, chart and data pages in light and dark: tests/e2e/quality.test.ts (every page).
// What it cannot see is the embed's own theme option, which overrides the reader's scheme: checked here.
describe('accessibility of the embed themes', () => {
  it('?theme=dark in a light browser and ?theme=light&title=0 in a dark one have no axe violations', async () => {
    const spec = all[0]!;
    const embed = url(spec.locale, routes.embed(spec.replyId, spec.id));
    for (const [scheme, u] of [['light', `${embed}?theme=dark`], ['dark', `${embed}?theme=light&title=0`]] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme });
      const page = await ctx.newPage();
      await page.goto(u);
      expect((await axeViolations(page)).map((v) => `${u} ${v}`)).toEqual([]);
      await ctx.close();
    }
  });
});

describe('phone width', () => {
  it('chart pages with their tools and the data page do not scroll sideways at 320 px', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    const spec = all[0]!;
    for (const l of LOCALES) {
      for (const u of [url(l, routes.chart(spec.replyId, spec.id)), url(l, routes.data(reply.id))]) {
        await page.goto(u);
        const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(over, u).toBeLessThanOrEqual(0);
      }
    }
    await page.close();
  });
});
