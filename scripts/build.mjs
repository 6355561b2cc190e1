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

// One astro build at a time in this folder: astro keeps generated modules in .astro/
// (renderers, content store) that a second build running at once would overwrite.
// A build waits for the other to end (a lock left by a process that is gone is taken over).
const lockDir = path.join(root, 'node_modules', '.build-lock');
function takeLock() {
  const waitUntil = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch {
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {}
      let alive = false;
      try {
        if (owner) alive = process.kill(owner, 0);
      } catch {}
      if (owner && !alive) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > waitUntil) {
        console.error(`Build stopped: another build (pid ${owner || '?'}) has held ${path.relative(root, lockDir)} for 15 minutes; end it or remove that folder.`);
        process.exit(1);
      } else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}
process.on('exit', () => {
  try {
    if (Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')) === process.pid) fs.rmSync(lockDir, { recursive: true, force: true });
  } catch {}
});

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
takeLock();
const started = Date.now();
const cpu0 = childCpuMs();
const status = run(bin('astro'), ['build', '--silent'], { ASTRO_OUT_DIR: next });
const cpuMs = childCpuMs() - cpu0;
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
const ms = Date.now() - started;
console.log(`built ${pages} pages into ${path.relative(root, out)}/ in ${(ms / 1000).toFixed(1)} s${Number.isFinite(cpuMs) ? ` (${(cpuMs / 1000).toFixed(1)} s of CPU)` : ''}`);
// BUILD_STATS=file: the bench and npm test read the cost of this build from there.
if (process.env.BUILD_STATS) {
  fs.mkdirSync(path.dirname(path.resolve(process.env.BUILD_STATS)), { recursive: true });
  fs.writeFileSync(process.env.BUILD_STATS, JSON.stringify({ pages, ms, cpuMs: Number.isFinite(cpuMs) ? cpuMs : null, base: process.env.BASE_PATH || '/', date: new Date().toISOString() }) + '\n');
}

/**
 * CPU time (user + system, ms) of this process's finished children, all their threads
 * included: Linux /proc/self/stat cutime + cstime. A build's CPU cost barely moves when
 * other work shares the cores, unlike its wall time. NaN where /proc is not there.
 */
function childCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after "(comm)": state is f[0], so cutime (field 16) is f[13], cstime f[14]; clock ticks of 1/100 s
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return NaN;
  }
}

function countPages(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countPages(path.join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}
