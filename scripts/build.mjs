#!/usr/bin/env node
/**
 * npm run build: validate the data, build into a fresh folder, and only on
 * success swap it into dist/. Bad data never reaches dist/, and a failed
 * build leaves the last good dist/ exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { basePath, DEFAULT_ERROR_CONTACT, errorContact, siteUrl, siteUrlIsDefault } from '../site.config.mjs';

const root = process.cwd();
const out = path.resolve(process.env.OUT_DIR || 'dist');
const next = `${out}.next`;
const prev = `${out}.prev`;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args, env = {}) {
  // Vite reads these names from the environment as its own (BASE_URL would override BASE_PATH):
  // never let a caller's (or a test runner's) values leak into the build.
  const clean = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete clean[k];
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...clean, ...env } });
  return r.status ?? 1;
}

// DATA_ROOT (optional) is where data/ is read from; check-data and the pages honour it.
if (run(bin('tsx'), ['scripts/check-data.ts']) !== 0) {
  console.error(`\nBuild stopped: fix the data above. ${path.relative(root, out) || out}/ was not touched.`);
  process.exit(1);
}
fs.rmSync(next, { recursive: true, force: true });
// say which address the absolute URLs (canonical, sitemap, embed code, citations) will carry
console.log(
  `site URL: ${siteUrl}${basePath}` +
    (siteUrlIsDefault ? ' (default: set SITE_URL and BASE_PATH for the real host; pages served elsewhere fill in their own address at run time)' : ' (from SITE_URL, BASE_PATH)'),
);
console.log(`error contact: ${errorContact}` + (errorContact === DEFAULT_ERROR_CONTACT ? ' (placeholder: set ERROR_CONTACT)' : ''));
const started = Date.now();
const status = run(bin('astro'), ['build', '--silent'], { ASTRO_OUT_DIR: next });
if (status !== 0 || !fs.existsSync(path.join(next, 'index.html'))) {
  fs.rmSync(next, { recursive: true, force: true });
  console.error(`\nBuild failed. ${path.relative(root, out)}/ still holds the last good site.`);
  process.exit(1);
}
fs.rmSync(prev, { recursive: true, force: true });
if (fs.existsSync(out)) fs.renameSync(out, prev);
fs.renameSync(next, out);
fs.rmSync(prev, { recursive: true, force: true });
const pages = countPages(out);
console.log(`built ${pages} pages into ${path.relative(root, out)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);

function countPages(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countPages(path.join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}
