/**
 * Every page of a built site, and what kind of page it is. Pure functions of
 * the URL path (routes are those of src/lib/paths.ts), so that the quality
 * gates and the benchmark cover every page a branch adds, without a list.
 */
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {'home'|'story'|'chart'|'embed'|'source'|'data'|'commitments'|'brief'|'about'|'other'} PageKind */

/** @type {readonly PageKind[]} */
export const KINDS = ['home', 'story', 'chart', 'embed', 'source', 'data', 'commitments', 'brief', 'about', 'other'];

const SEG = '[^/]+';
/** @type {[PageKind, RegExp][]} */
const RULES = [
  ['home', /^$/],
  ['story', new RegExp(`^replies/${SEG}/$`)],
  ['chart', new RegExp(`^replies/${SEG}/charts/(${SEG}/)?$`)],
  ['embed', new RegExp(`^embed/${SEG}/${SEG}/$`)],
  ['source', new RegExp(`^replies/${SEG}/source/$`)],
  ['data', new RegExp(`^replies/${SEG}/data/$`)],
  ['commitments', new RegExp(`^replies/${SEG}/commitments/$`)],
  ['brief', new RegExp(`^replies/${SEG}/brief/$`)],
  ['about', /^about\/$/],
];

/**
 * The kind of page at a URL path relative to the site's base, e.g.
 * "en/replies/x/charts/y/" -> "chart". "index.html" endings are dropped,
 * the "en/" prefix is ignored. Anything unknown (404 pages, …) is "other".
 * @param {string} urlPath
 * @returns {PageKind}
 */
export function pageKind(urlPath) {
  let p = urlPath.replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1');
  if (p === 'en' || p.startsWith('en/')) p = p.slice(3);
  if (p !== '' && !p.endsWith('/')) return 'other';
  for (const [kind, re] of RULES) if (re.test(p)) return kind;
  return 'other';
}

/** The locale of a URL path relative to the base. @param {string} urlPath */
export const pageLocale = (urlPath) => (/^\/?en(\/|$)/.test(urlPath) ? 'en' : 'zh-CN');

/**
 * @typedef {{ file: string, rel: string, url: string, kind: PageKind, locale: 'en'|'zh-CN' }} SitePage
 * file: absolute path; rel: path inside dist ("en/about/index.html");
 * url: the path a reader requests, relative to the base ("en/about/").
 */

/**
 * Every *.html file under `dir`, sorted, with its URL path and kind.
 * @param {string} dir
 * @returns {SitePage[]}
 */
export function listPages(dir) {
  const root = path.resolve(dir);
  /** @type {SitePage[]} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.html')) {
        const rel = path.relative(root, abs).split(path.sep).join('/');
        const url = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        out.push({ file: abs, rel, url, kind: pageKind(url), locale: pageLocale(url) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

/**
 * Run `fn` over `items`, at most `limit` at a time, keeping the order of results.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T, i: number) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export async function pool(items, limit, fn) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(/** @type {T} */ (items[i]), i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
