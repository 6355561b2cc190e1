import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyData, edit, REPLY, ROOT, setField } from './helpers';

/** A scratch project: the repo's code linked in, its own (broken) data and its own dist/. */
function scratchProject(): string {
  const dir = copyData();
  for (const name of ['node_modules', 'scripts', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    fs.symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  return dir;
}

describe('npm run check:data and npm run build on bad data', () => {
  it('check:data exits non-zero with file:line messages and no stack trace', () => {
    const dir = scratchProject();
    edit(dir, `${REPLY}/figures.csv`, (s) => setField(s, 'pilot-units', 'qualifier', 'exact'));
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check-data.ts'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/data\/replies\/cixi-2022-152\/figures\.csv:\d+: column "qualifier"/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
  });

  it('build stops before Astro runs and leaves the last good dist/ exactly as it was', () => {
    const dir = scratchProject();
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'en'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>last good</title>');
    fs.writeFileSync(path.join(dist, 'en', 'index.html'), 'last good en');
    const before = snapshot(dist);
    edit(dir, `${REPLY}/figures.csv`, (s) => setField(s, 'contest-entrants', 'quote', '共吸引10652人参赛'));
    const r = spawnSync('node', ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/figures\.csv:\d+: column "quote": the quote is not verbatim/);
    expect(r.stderr).toMatch(/was not touched/);
    expect(snapshot(dist)).toEqual(before);
    expect(fs.existsSync(`${dist}.next`)).toBe(false);
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8') + '@' + fs.statSync(p).mtimeMs;
    }
  };
  walk(dir);
  return out;
}
