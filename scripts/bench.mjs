#!/usr/bin/env node
/**
 * npm run bench [-- --check] [-- --replies N] [-- --no-lighthouse]
 *   (or BENCH_REPLIES=N, BENCH_LIGHTHOUSE=0; --replies 0 skips the scaling builds)
 * npm run bench -- --quick --check [--one FILE]   (what `npm test` runs)
 *   reuses dist/ as it is (npm test's build, under its base path) for the weights,
 *   no baseline, no Lighthouse, and compares build cost per page at 1 reply (the
 *   build whose BUILD_STATS are in FILE, else a synthetic 1-reply build) with
 *   5 synthetic replies, in CPU time (steady when other work shares the cores).
 *
 * 1. Builds the site (real data) into dist/ and times it.
 * 2. Builds, in the same run, a baseline page (bench/baseline/) that shows one of
 *    our charts the common way: Observable Plot bundled by Vite, drawn in the
 *    browser. Its data is read from figures.csv now, never typed.
 * 3. Weighs every page: gzip (level 9) bytes of the HTML, and of each distinct
 *    stylesheet and script (with the modules they import) a reader downloads.
 * 4. Generates N (50) synthetic replies from the real one in a temp data root
 *    (ids synthetic-01…, titles marked as test data; never in data/, never
 *    deployed), builds them into a temp folder, and compares build time per page.
 *    Build cost is reported as wall time and CPU time (all threads) per page;
 *    at 50 replies or more the wall time per page has a ceiling (BUDGETS).
 * 5. Lighthouse (mobile) on a story, a chart and an embed page, and the baseline,
 *    served as a static host would (brotli/gzip, cache headers: scripts/serve.mjs).
 * Prints one table, writes bench/out/results.json and results.md.
 * --check enforces the budgets below and exits 1 with a line per breach.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { listPages, KINDS } from '../bench/pages.mjs';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_FULL } from './chromium.mjs';

const ROOT = process.cwd();
const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const QUICK = args.includes('--quick');
const ONE = args.includes('--one') ? args[args.indexOf('--one') + 1] : undefined;
const REPLIES = args.includes('--replies') ? Number(args[args.indexOf('--replies') + 1]) || 0 : Number(process.env.BENCH_REPLIES ?? (QUICK ? 5 : 50));
const LIGHTHOUSE = !QUICK && !args.includes('--no-lighthouse') && process.env.BENCH_LIGHTHOUSE !== '0';
const OUT = path.join(ROOT, 'bench', 'out');
const REAL_REPLY = 'cixi-2022-152';

/** Budgets (ceilings, not targets). 1 KB = 1000 bytes, gzip level 9. */
export const BUDGETS = {
  pageTotal: 60_000,
  storyTotal: 100_000,
  /**
   * Issue #13: an embed (HTML, CSS, JS) at most 10 KB. Embeds load global.css only (the site's
   * chrome and the chart page's furniture are in site.css), each page's CSP lists only its own
   * inline scripts' hashes, chart coordinates are rounded to 0.01 px: the heaviest (timeline)
   * went from 11.7 to 9.5 KB.
   */
  embedTotal: 10_000,
  js: 4_000,
  buildPerPageRatio: 1.5,
  /** Wall-clock build time per page at 50 synthetic replies or more (full bench only). */
  buildMsPerPageAt50: 30,
};

const kb = (n) => (n / 1000).toFixed(1);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...a) => console.error('bench:', ...a);

// ---------------------------------------------------------------- building

/** Build; returns { ms, cpuMs, pages } of the Astro build (scripts/build.mjs BUILD_STATS). */
function buildSite(env = {}) {
  const stats = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stats-')), 'build.json');
  const r = spawnSync('node', ['scripts/build.mjs'], { env: { ...process.env, ...env, BUILD_STATS: stats }, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`the build failed (${JSON.stringify(env)})`);
  }
  const s = JSON.parse(fs.readFileSync(stats, 'utf8'));
  fs.rmSync(path.dirname(stats), { recursive: true, force: true });
  return s;
}

/** The base path a built site was made for, from its home page's canonical link ("/" if none). */
function basePathOf(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  return href ? new URL(href).pathname.replace(/\/?$/, '/') : '/';
}

/** A temp data root with N copies of the real reply, each clearly marked as test data. */
function syntheticDataRoot(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  const src = path.join(ROOT, 'data', 'replies', REAL_REPLY);
  fs.mkdirSync(path.join(dir, 'data', 'replies'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'data', 'glossary.csv'), path.join(dir, 'data', 'glossary.csv'));
  for (let i = 1; i <= n; i++) {
    const id = `synthetic-${String(i).padStart(2, '0')}`;
    const to = path.join(dir, 'data', 'replies', id);
    fs.cpSync(src, to, { recursive: true });
    const meta = JSON.parse(fs.readFileSync(path.join(to, 'reply.json'), 'utf8'));
    meta.id = id;
    meta.title_zh = `【测试数据，非真实答复 ${id}】${meta.title_zh}`;
    meta.title_en = `[TEST DATA, not a real reply: ${id}] ${meta.title_en}`;
    fs.writeFileSync(path.join(to, 'reply.json'), JSON.stringify(meta, null, 2) + '\n');
  }
  return dir;
}

/** The baseline: bench/baseline/ + data.json from figures.csv, bundled by Vite into a temp dir. */
async function buildBaseline() {
  const srcDir = path.join(OUT, 'baseline-src');
  fs.rmSync(srcDir, { recursive: true, force: true });
  fs.mkdirSync(srcDir, { recursive: true });
  for (const f of ['index.html', 'main.js']) fs.copyFileSync(path.join(ROOT, 'bench', 'baseline', f), path.join(srcDir, f));
  const csv = fs.readFileSync(path.join(ROOT, 'data', 'replies', REAL_REPLY, 'figures.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse(csv, { header: true, skipEmptyLines: 'greedy' }).data;
  // The skill-master studios by level: the studio counts other than the total.
  const studios = rows.filter((r) => r.unit === 'studio' && r.measure === 'count' && r.id !== 'studios-total');
  if (studios.length < 2) throw new Error('figures.csv: the baseline chart needs the studio counts by level');
  const data = studios.map((r) => ({ label: r.label_en, value: Number(r.value) }));
  fs.writeFileSync(path.join(srcDir, 'data.json'), JSON.stringify(data));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-baseline-'));
  const { build } = await import('vite');
  const t0 = Date.now();
  await build({ root: srcDir, base: './', configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return { dir: outDir, ms: Date.now() - t0, bars: data.length };
}

// ---------------------------------------------------------------- weighing

/** Static imports of an ES module (Vite/Astro output): import…from"x", import"x", export…from"x". */
export function staticImports(code) {
  const out = new Set();
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.add(m[1]);
  return [...out];
}

/**
 * What one reader downloads for a page (HTML, each stylesheet and script once,
 * scripts with the modules they import statically), gzip level 9 each; `js`
 * counts inline scripts too (their bytes are also inside `html`, counted once in `total`).
 * `site` is the folder the page's absolute URLs resolve in.
 */
export function weighPage(site, file, urlPath, base = '/') {
  const html = fs.readFileSync(file);
  const { document } = parseHTML(html.toString('utf8'));
  const here = new URL(base + urlPath, 'http://x');
  const toFile = (u) => {
    const url = new URL(u, here);
    if (url.origin !== 'http://x') return undefined; // another origin: the gates forbid it
    return path.join(site, decodeURIComponent(url.pathname).slice(base.length));
  };
  const css = new Set();
  const js = new Set();
  for (const l of document.querySelectorAll('link[href]')) {
    const rel = (l.getAttribute('rel') || '').toLowerCase().split(/\s+/);
    const f = toFile(l.getAttribute('href'));
    if (!f) continue;
    if (rel.includes('stylesheet')) css.add(f);
    if (rel.includes('modulepreload')) js.add(f);
  }
  for (const s of document.querySelectorAll('script[src]')) {
    const f = toFile(s.getAttribute('src'));
    if (f) js.add(f);
  }
  const queue = [...js];
  while (queue.length) {
    const f = queue.shift();
    if (!fs.existsSync(f)) continue;
    for (const spec of staticImports(fs.readFileSync(f, 'utf8'))) {
      if (!/^(\.{0,2}\/)/.test(spec)) continue;
      const g = path.resolve(path.dirname(f), spec);
      if (!js.has(g)) {
        js.add(g);
        queue.push(g);
      }
    }
  }
  const sum = (files) => [...files].reduce((n, f) => n + (fs.existsSync(f) ? gz(fs.readFileSync(f)) : 0), 0);
  // scripts Astro inlines into the page count as JavaScript too (their bytes are already in the HTML's)
  const inline = [...document.querySelectorAll('script:not([src])')]
    .filter((s) => !/json|importmap/i.test(s.getAttribute('type') || ''))
    .map((s) => s.textContent || '')
    .join('\n');
  const external = sum(js);
  const w = { html: gz(html), css: sum(css), js: external + (inline ? gz(Buffer.from(inline)) : 0), files: css.size + js.size };
  return { ...w, total: w.html + w.css + external };
}

function weighSite(dist, base = '/') {
  return listPages(dist).map((p) => ({ url: p.url, kind: p.kind, locale: p.locale, ...weighPage(dist, p.file, p.url, base) }));
}

// ---------------------------------------------------------------- lighthouse

async function runLighthouse(targets) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_FULL,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  const out = [];
  try {
    for (const t of targets) {
      const t0 = Date.now();
      const r = await lighthouse(t.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = r?.lhr.categories ?? {};
      const score = (k) => (c[k]?.score == null ? null : Math.round(c[k].score * 100));
      const failing = Object.values(r?.lhr.audits ?? {})
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => a.id);
      out.push({
        ...t,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        failing,
        ms: Date.now() - t0,
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });

  const dist = path.join(ROOT, 'dist');
  let build;
  if (QUICK && fs.existsSync(path.join(dist, 'index.html'))) {
    log('weighing dist/ as built (--quick)');
    build = ONE && fs.existsSync(ONE) ? JSON.parse(fs.readFileSync(ONE, 'utf8')) : { ms: NaN, cpuMs: null, pages: listPages(dist).length };
  } else {
    log('building the site (real data) into dist/');
    build = buildSite();
  }
  const buildMs = build.ms;
  const base = basePathOf(dist);
  const pages = weighSite(dist, base);

  let baseline;
  let baseWeight;
  if (!QUICK) {
    log('building the baseline with Vite');
    baseline = await buildBaseline();
    baseWeight = weighPage(baseline.dir, path.join(baseline.dir, 'index.html'), '', '/');
  }

  let scale;
  if (REPLIES > 0) {
    // Both sizes are built the same way (synthetic data root, temp output, after
    // the real build has warmed the caches), so that the comparison is fair.
    const size = (n) => {
      log(`building ${n} synthetic repl${n === 1 ? 'y' : 'ies'} (test data, in a temp folder)`);
      const dataRoot = syntheticDataRoot(n);
      const outDir = path.join(dataRoot, 'dist');
      try {
        const b = buildSite({ DATA_ROOT: dataRoot, OUT_DIR: outDir });
        return { replies: n, pages: b.pages, ms: b.ms, cpuMs: b.cpuMs, perPage: b.ms / b.pages, cpuPerPage: b.cpuMs == null ? null : b.cpuMs / b.pages };
      } finally {
        fs.rmSync(dataRoot, { recursive: true, force: true });
      }
    };
    // --quick: the build npm test made already is the 1-reply point (its data is the one real reply).
    const replies = fs.readdirSync(path.join(dist, 'replies')).filter((d) => fs.statSync(path.join(dist, 'replies', d)).isDirectory()).length;
    const one = QUICK && build.cpuMs != null && replies === 1
      ? { replies: 1, pages: build.pages, ms: build.ms, cpuMs: build.cpuMs, perPage: build.ms / build.pages, cpuPerPage: build.cpuMs / build.pages, from: 'the suite build' }
      : size(1);
    const many = size(REPLIES);
    if (fs.readdirSync(path.join(dist, 'replies')).some((d) => d.startsWith('synthetic-'))) throw new Error('synthetic replies ended up in dist/');
    // CPU time where both have it (the fair measure on a shared machine), else wall time.
    const cpu = one.cpuPerPage != null && many.cpuPerPage != null;
    const per = (x) => (cpu ? x.cpuPerPage : x.perPage);
    const tot = (x) => (cpu ? x.cpuMs : x.ms);
    scale = { one, many, measure: cpu ? 'cpu' : 'wall', ratio: per(many) / per(one), marginalPerPage: many.pages > one.pages ? (tot(many) - tot(one)) / (many.pages - one.pages) : null };
  }

  let lighthouseResults = [];
  const notes = [];
  if (LIGHTHOUSE) {
    const pick = (label, re) => {
      const p = pages.find((x) => x.locale === 'zh-CN' && re.test(x.url));
      if (p) return { label, page: p.url };
      notes.push(`no ${label} page in this build: the home page stands in`);
      return { label: `${label} (home stands in)`, page: '' };
    };
    const picked = [pick('story', /^replies\/[^/]+\/$/), pick('chart', /^replies\/[^/]+\/charts\/[^/]+\/$/), pick('embed', /^embed\/[^/]+\/[^/]+\/$/)];
    // A page that stands in for several kinds is measured once.
    const targets = [...new Set(picked.map((t) => t.page))].map((page) => ({ page, label: picked.filter((t) => t.page === page).map((t) => t.label.replace(' (home stands in)', '')).join(', ') + (picked.some((t) => t.page === page && t.label.includes('stands in')) ? ' (home stands in)' : '') }));
    // As a static host serves it: brotli/gzip and cache headers (scripts/serve.mjs realHost).
    const site = await serve(dist, { port: 0, base, realHost: true });
    const bsite = await serve(baseline.dir, { port: 0, realHost: true });
    try {
      const u = (s, p) => `http://localhost:${s.address().port}${s === site ? base : '/'}${p}`;
      log('lighthouse (mobile)');
      lighthouseResults = await runLighthouse([
        ...targets.map((t) => ({ label: t.label, url: u(site, t.page), page: t.page || '/' })),
        { label: 'baseline', url: u(bsite, ''), page: 'bench/baseline/' },
      ]);
    } finally {
      site.close();
      bsite.close();
    }
  }
  if (baseline) fs.rmSync(baseline.dir, { recursive: true, force: true });

  // ------------------------------------------------------------ the table
  const rows = KINDS.filter((k) => pages.some((p) => p.kind === k)).map((kind) => {
    const ps = pages.filter((p) => p.kind === kind);
    const max = (k) => Math.max(...ps.map((p) => p[k]));
    const heaviest = ps.reduce((a, b) => (b.total > a.total ? b : a));
    return {
      kind,
      pages: ps.length,
      html: max('html'),
      css: max('css'),
      js: max('js'),
      totalMax: heaviest.total,
      totalMedian: median(ps.map((p) => p.total)),
      heaviest: heaviest.url || '/',
      baseline: baseWeight?.total ?? null,
      ratio: baseWeight ? baseWeight.total / heaviest.total : null,
    };
  });
  const missing = KINDS.filter((k) => k !== 'other' && !pages.some((p) => p.kind === k));
  const pad = (s, n, left = false) => (left ? String(s).padEnd(n) : String(s).padStart(n));
  const lines = [];
  lines.push(`gzip KB (1 KB = 1000 bytes, zlib level 9) a reader downloads per page; HTML/CSS/JS and total are the max over the kind's pages`);
  lines.push(`${pad('kind', 12, true)}${pad('pages', 6)}${pad('HTML', 8)}${pad('CSS', 8)}${pad('JS', 8)}${pad('total', 8)}${pad('median', 8)}${pad('baseline', 10)}${pad('lighter', 9)}`);
  for (const r of rows) {
    lines.push(`${pad(r.kind, 12, true)}${pad(r.pages, 6)}${pad(kb(r.html), 8)}${pad(kb(r.css), 8)}${pad(kb(r.js), 8)}${pad(kb(r.totalMax), 8)}${pad(kb(r.totalMedian), 8)}${pad(r.baseline == null ? '–' : kb(r.baseline), 10)}${pad(r.ratio == null ? '–' : r.ratio.toFixed(1) + '×', 9)}`);
  }
  if (baseWeight) {
    lines.push(`${pad('baseline', 12, true)}${pad(1, 6)}${pad(kb(baseWeight.html), 8)}${pad(kb(baseWeight.css), 8)}${pad(kb(baseWeight.js), 8)}${pad(kb(baseWeight.total), 8)}${pad(kb(baseWeight.total), 8)}${pad('', 10)}${pad('1.0×', 9)}`);
    lines.push(`baseline: the ${baseline.bars}-bar studios chart with Observable Plot bundled by Vite and drawn in the browser; "lighter" = baseline total ÷ the kind's heaviest page`);
  } else lines.push('baseline: not built (--quick)');
  if (missing.length) lines.push(`not built on this branch: ${missing.join(', ')}`);
  lines.push(`pages: ${pages.length} (base ${base}); build of the site (real data): ${Number.isFinite(buildMs) ? `${(buildMs / 1000).toFixed(1)} s` : 'not timed here'}`);
  if (scale) {
    const point = (x) =>
      `${x.replies} repl${x.replies === 1 ? 'y' : 'ies'}${x.from ? ` (${x.from})` : ''}: ${x.pages} pages in ${(x.ms / 1000).toFixed(1)} s = ${x.perPage.toFixed(1)} ms/page` +
      (x.cpuPerPage != null ? ` (CPU ${(x.cpuMs / 1000).toFixed(1)} s = ${x.cpuPerPage.toFixed(1)} ms/page)` : '');
    lines.push(`build time per page: ${point(scale.one)}; ${point(scale.many)}`);
    lines.push(`  per-page ratio (${scale.measure === 'cpu' ? 'CPU time' : 'wall time'}) ${scale.ratio.toFixed(2)}${scale.marginalPerPage !== null ? `; each added page ${scale.marginalPerPage.toFixed(1)} ms` : ''}`);
  }
  if (lighthouseResults.length) {
    lines.push(`lighthouse 12.2.3, mobile (perf / a11y / best practices / SEO):`);
    for (const l of lighthouseResults) {
      lines.push(`  ${pad(l.label, 34, true)} ${[l.performance, l.accessibility, l.bestPractices, l.seo].map((s) => pad(s ?? '–', 3)).join(' / ')}  ${l.page}${l.failing.length ? `  (below 1: ${l.failing.join(', ')})` : ''}`);
    }
  } else if (!LIGHTHOUSE) lines.push('lighthouse: skipped (--no-lighthouse)');
  for (const n of notes) lines.push(`note: ${n}`);

  // ------------------------------------------------------------ budgets
  const breaches = [];
  for (const p of pages) {
    const where = `/${p.url}`;
    const limit = p.kind === 'story' ? BUDGETS.storyTotal : p.kind === 'embed' ? BUDGETS.embedTotal : BUDGETS.pageTotal;
    if (p.total > limit) breaches.push(`budget: ${where} (${p.kind}) is ${kb(p.total)} KB gzip in total; the ceiling for a ${p.kind === 'story' || p.kind === 'embed' ? p.kind : 'page'} is ${kb(limit)} KB`);
    if (p.js > BUDGETS.js) breaches.push(`budget: ${where} loads ${kb(p.js)} KB gzip of JavaScript; the ceiling on any page is ${kb(BUDGETS.js)} KB`);
  }
  if (scale && scale.ratio > BUDGETS.buildPerPageRatio) {
    breaches.push(`budget: build ${scale.measure === 'cpu' ? 'CPU ' : ''}time per page at ${scale.many.replies} replies is ${scale.ratio.toFixed(2)}× that at 1 reply; the ceiling is ${BUDGETS.buildPerPageRatio}×`);
  }
  if (scale && scale.many.replies >= 50 && scale.many.perPage > BUDGETS.buildMsPerPageAt50) {
    breaches.push(`budget: the build takes ${scale.many.perPage.toFixed(1)} ms a page at ${scale.many.replies} replies; the ceiling is ${BUDGETS.buildMsPerPageAt50} ms`);
  }
  lines.push(`budgets: page ≤ ${kb(BUDGETS.pageTotal)} KB, story ≤ ${kb(BUDGETS.storyTotal)} KB, embed ≤ ${kb(BUDGETS.embedTotal)} KB, JS ≤ ${kb(BUDGETS.js)} KB, build/page at ${REPLIES || 'N'} replies ≤ ${BUDGETS.buildPerPageRatio}× at 1${REPLIES >= 50 ? `, ≤ ${BUDGETS.buildMsPerPageAt50} ms/page at ${REPLIES}` : ''}: ${breaches.length ? `${breaches.length} breach(es)` : 'all met'}`);
  lines.push(`bench run: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const table = lines.join('\n');
  console.log(table);
  const results = { date: new Date().toISOString(), budgets: BUDGETS, kinds: rows, baseline: baseWeight ? { ...baseWeight, bars: baseline.bars } : null, pages, build: { ms: buildMs, cpuMs: build.cpuMs ?? null, pages: pages.length, base }, scale, lighthouse: lighthouseResults, notes, breaches };
  const stem = QUICK ? 'quick' : 'results';
  fs.writeFileSync(path.join(OUT, `${stem}.json`), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT, `${stem}.md`), '# Benchmark\n\n```\n' + table + '\n```\n' + (breaches.length ? '\n## Budget breaches\n\n' + breaches.map((b) => `- ${b}`).join('\n') + '\n' : ''));
  if (CHECK && breaches.length) {
    for (const b of breaches) console.error(b);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  });
}
