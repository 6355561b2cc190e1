/**
 * Astro's CSP <meta> (experimental.csp in astro.config.mjs) lists the hash of
 * every inline script of the whole build on every page: about 480 bytes gzip
 * of hashes a page never uses (a fifth of an embed's HTML). After the build,
 * each page's script-src keeps only the hashes of the inline scripts that page
 * has. A page with an inline script whose hash is not in the list is left as
 * Astro wrote it (tests/e2e/quality.test.ts loads every page and fails on a
 * CSP violation).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const META = /(<meta http-equiv="content-security-policy" content="[^"]*?script-src 'self')((?: 'sha256-[A-Za-z0-9+/=]+')+)/;
const INLINE = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The page with its script-src narrowed to its own inline scripts (unchanged if that cannot be done safely). */
export function narrowCsp(html) {
  const m = META.exec(html);
  if (!m) return html;
  const listed = new Set(m[2].trim().split(/\s+/));
  const own = [];
  for (const s of html.matchAll(INLINE)) {
    const h = `'sha256-${crypto.createHash('sha256').update(s[1], 'utf8').digest('base64')}'`;
    if (!listed.has(h)) return html;
    if (!own.includes(h)) own.push(h);
  }
  return html.replace(META, (_, head) => head + own.map((h) => ` ${h}`).join(''));
}

function* htmlFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function cspPerPage() {
  return {
    name: 'csp-per-page',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const f of htmlFiles(fileURLToPath(dir))) {
          const html = fs.readFileSync(f, 'utf8');
          const out = narrowCsp(html);
          if (out !== html) fs.writeFileSync(f, out);
        }
      },
    },
  };
}
