/**
 * Every internal link and resource of a built site must resolve: href, src,
 * srcset (and poster, data, xlink:href) on every page point to a file in the
 * output folder, and every #fragment to an id on the target page.
 * Static, on the HTML as served (what a reader without JavaScript gets).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { pageKind } from './pages.mjs';

const ATTRS = ['href', 'src', 'srcset', 'poster', 'data', 'xlink:href', 'action'];

/** URLs a page refers to: [element, attribute, url]. @param {Document} doc */
export function referencesOf(doc) {
  /** @type {{ tag: string, attr: string, url: string, rel: string }[]} */
  const out = [];
  for (const el of doc.querySelectorAll(ATTRS.map((a) => `[${a.replace(':', '\\:')}]`).join(','))) {
    const tag = el.tagName.toLowerCase();
    for (const attr of ATTRS) {
      const v = el.getAttribute(attr);
      if (v === null) continue;
      if (attr === 'data' && tag !== 'object') continue;
      const rel = (el.getAttribute('rel') ?? '').toLowerCase();
      if (attr === 'srcset') {
        for (const part of v.split(',')) {
          const u = part.trim().split(/\s+/)[0];
          if (u) out.push({ tag, attr, url: u, rel });
        }
      } else out.push({ tag, attr, url: v.trim(), rel });
    }
  }
  return out;
}

/** ids (and a[name]) on a page. @param {Document} doc */
export function idsOf(doc) {
  const ids = new Set();
  for (const el of doc.querySelectorAll('[id]')) ids.add(el.getAttribute('id'));
  for (const el of doc.querySelectorAll('a[name]')) ids.add(el.getAttribute('name'));
  return ids;
}

/**
 * Check every page under `dist`.
 * @param {string} dist
 * @param {import('./pages.mjs').SitePage[]} pages
 * @param {{ site: string, base?: string }} opts  site: the origin pages are built for (canonical links use it)
 * @returns {{ broken: string[], pending: string[], checked: number }}
 *   broken: "page: <tag attr=url>: why"; pending: links to a kind of page that
 *   this build has none of at all (a feature not merged yet), reported apart.
 */
export function checkLinks(dist, pages, { site, base = '/' }) {
  const root = path.resolve(dist);
  const origin = new URL(site).origin;
  const kindsPresent = new Set(pages.map((p) => p.kind));
  /** @type {Map<string, Set<string>>} */
  const idCache = new Map();
  const idsFor = (/** @type {string} */ file) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = idsOf(parseHTML(fs.readFileSync(file, 'utf8')).document);
      idCache.set(file, ids);
    }
    return ids;
  };
  const broken = [];
  const pending = [];
  let checked = 0;
  for (const page of pages) {
    const { document } = parseHTML(fs.readFileSync(page.file, 'utf8'));
    idCache.set(page.file, idsOf(document));
    // 404 pages are served at any path: their links must not depend on where they are.
    const here = new URL(base + page.url, origin);
    for (const ref of referencesOf(document)) {
      const label = `${page.url || '/'}: <${ref.tag} ${ref.attr}="${ref.url}">`;
      if (ref.url === '') {
        broken.push(`${label}: empty URL`);
        continue;
      }
      if (/^(mailto|tel|data|blob):/i.test(ref.url)) continue;
      if (/^javascript:/i.test(ref.url)) {
        broken.push(`${label}: javascript: URL`);
        continue;
      }
      let u;
      try {
        u = new URL(ref.url, here);
      } catch {
        broken.push(`${label}: not a valid URL`);
        continue;
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      if (u.origin !== origin) {
        // A link to another site is fine; a resource from another origin is not.
        const resource = ref.tag !== 'a' && ref.tag !== 'area' && !(ref.tag === 'link' && /\b(canonical|alternate|license|author|external)\b/.test(ref.rel));
        if (resource) broken.push(`${label}: a resource from another origin`);
        continue;
      }
      checked++;
      let p = decodeURIComponent(u.pathname);
      if (!p.startsWith(base)) {
        broken.push(`${label}: outside the base path ${base}`);
        continue;
      }
      p = p.slice(base.length);
      let file = path.join(root, p);
      if (!file.startsWith(root)) {
        broken.push(`${label}: outside the site`);
        continue;
      }
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) {
        const kind = pageKind(p);
        const isPage = p === '' || p.endsWith('/');
        if (isPage && !kindsPresent.has(kind)) pending.push(`${label}: no ${kind} page in this build yet`);
        else broken.push(`${label}: no such file ${path.relative(root, file)}`);
        continue;
      }
      if (u.hash && u.hash !== '#') {
        const id = decodeURIComponent(u.hash.slice(1));
        if (file.endsWith('.html') && !idsFor(file).has(id)) broken.push(`${label}: no element with id "${id}" on ${path.relative(root, file)}`);
      } else if (ref.url.endsWith('#')) broken.push(`${label}: empty fragment`);
    }
  }
  return { broken, pending, checked };
}
