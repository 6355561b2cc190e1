/**
 * A synthetic second reply (tests/fixtures/second-reply/: five parts, a
 * province-wide target, units the real reply lacks, 1850余万元, no brief
 * summaries) goes through the same machine as the real one: check:data accepts
 * it, the checker's messages for an undeclared place, part and unit name file,
 * line and fix, and it builds into pages that never print a unit id and always
 * count its five parts. The fixture is test data and never part of data/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadDataset } from '../../src/lib/data';
import { COMMON_UNITS } from '../../src/lib/data/vocabulary';
import { countWord } from '../../src/lib/format/number';
import { edit, ROOT, setField } from './helpers';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'second-reply');
const ID = 'test-2023-007';
const DIR = `data/replies/${ID}`;
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');

const { dataset, problems } = loadDataset(FIXTURE);
const reply = dataset?.replies[0];

describe('the synthetic second reply', () => {
  it('passes the same checks as npm run check:data', { timeout: 60_000 }, () => {
    expect(problems.map(formatProblem)).toEqual([]);
    const r = spawnSync(tsx, ['scripts/check-data.ts', FIXTURE], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^data ok: 1 reply, 8 figures/);
  });

  it('has what the real reply lacks: five parts, a province-wide place, its own units, 1850余万元, no brief summaries', () => {
    expect(reply!.meta.sections).toHaveLength(5);
    expect(Object.keys(reply!.meta.places)).toContain('zhejiang');
    const own = Object.keys(reply!.meta.units).filter((u) => !(u in COMMON_UNITS));
    expect(own.length).toBeGreaterThan(0);
    for (const u of own) expect(reply!.figures.some((f) => f.unit === u)).toBe(true);
    const grants = reply!.figures.find((f) => f.quote.includes('1850余万元'))!;
    expect([grants.value, grants.qualifier, grants.unit]).toEqual([18_500_000, 'more_than', 'yuan']);
    expect(reply!.meta.sections.every((s) => s.brief_zh === undefined && s.brief_en === undefined)).toBe(true);
  });
});

/** A throwaway copy of the fixture's data root to break on purpose. */
function brokenCopy(rel: string, fn: (s: string) => string): string[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'second-reply-'));
  fs.cpSync(FIXTURE, tmp, { recursive: true });
  edit(tmp, rel, fn);
  const r = loadDataset(tmp);
  expect(r.dataset).toBeUndefined();
  return r.problems.map(formatProblem);
}

describe('the checker refuses what reply.json does not declare, one line each with file:line and the fix', () => {
  it.each([
    ['an undeclared place', 'province-training-target', 'scope', 'china', /^data\/replies\/test-2023-007\/figures\.csv:9: column "scope": the place "china" is not declared;.*Fix: add "china": \{ "zh": "…", "en": "…" \} to places in data\/replies\/test-2023-007\/reply\.json/],
    ['an undeclared part', 'province-training-target', 'section', '6', /^data\/replies\/test-2023-007\/figures\.csv:9: column "section": the reply has no part 6; found "6", expected one of 1, 2, 3, 4, 5 .*Fix: .*add part 6 to sections in data\/replies\/test-2023-007\/reply\.json/],
    ['an unknown unit', 'commuter-routes', 'unit', 'bus-line', /^data\/replies\/test-2023-007\/figures\.csv:4: column "unit": unknown unit "bus-line";.*Fix: add "bus-line": \{ "zh": "个", "en": \["bus-line", "bus-lines"\] \} .* to units in data\/replies\/test-2023-007\/reply\.json/],
  ] as const)('%s', (_name, id, column, value, message) => {
    const messages = brokenCopy(`${DIR}/figures.csv`, (s) => setField(s, id, column, value));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
    expect(messages[0]).not.toMatch(/\n|at .*\.ts:\d+/);
  });

  it('a unit the reply uses but no longer declares', () => {
    const messages = brokenCopy(`${DIR}/reply.json`, (s) => s.replace(/\s*"route": \{[^}]*\},/, ''));
    expect(messages).toEqual([expect.stringMatching(/^data\/replies\/test-2023-007\/figures\.csv:4: column "unit": unknown unit "route"/)]);
  });
});

/** Text a reader sees: the body without scripts, styles, code, the raw-data previews and column docs of the data page (which document the ids themselves), and (on a Chinese page) English marked as such (lang="en": glossary terms, the language switch). */
function visibleText(html: string, zh: boolean): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll(`script, style, code, table.preview, table.cols, template${zh ? ', [lang="en"]' : ''}`)) el.remove();
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ');
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

describe('the synthetic second reply builds', () => {
  it('into pages that never show a unit id or place key as text and count its five parts', { timeout: 240_000 }, () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'second-reply-site-')), 'site');
    const r = spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_ROOT: FIXTURE, OUT_DIR: out } });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const files = htmlFiles(out);
    expect(files.some((f) => f.includes(`/replies/${ID}/`))).toBe(true);
    const units = [...new Set(reply!.figures.map((f) => f.unit))];
    const places = Object.keys(reply!.meta.places);
    for (const file of files) {
      const rel = path.relative(out, file);
      const zh = !rel.startsWith('en/');
      const text = visibleText(fs.readFileSync(file, 'utf8'), zh);
      for (const id of units) {
        // "12route", "60余firm": on Chinese pages no id at all; on English pages an id straight after a
        // number where its English name differs from it ("2 base" for "2 training bases")
        const english = (COMMON_UNITS[id] ?? reply!.meta.units[id])!.en;
        if (zh) expect(text, `${rel}: ${id}`).not.toMatch(new RegExp(`\\b${id}s?\\b`));
        else if (!english.includes(id)) expect(text, `${rel}: ${id}`).not.toMatch(new RegExp(`[0-9]\\s?${id}(?![\\w-])`));
      }
      if (zh) for (const p of places) expect(text, `${rel}: ${p}`).not.toMatch(new RegExp(`\\b${p}\\b`));
    }
    // the brief counts the parts from reply.json: 五项答复要点, "The five answers", one item per part
    for (const [prefix, locale] of [['', 'zh-CN'], ['en/', 'en']] as const) {
      const html = fs.readFileSync(path.join(out, prefix, 'replies', ID, 'brief', 'index.html'), 'utf8');
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('[data-section]').length).toBe(5);
      const n = countWord(5, locale);
      expect(document.querySelector('#brief-answers')!.textContent).toContain(locale === 'zh-CN' ? `${n}项` : n);
      // the province-wide figure says its place wherever it is listed
      expect(document.querySelector('[data-figure="province-training-target"]')!.textContent).toContain(locale === 'zh-CN' ? '浙江全省' : 'Zhejiang province');
    }
    // the home page lists the reply with its links, not its tables
    const home = parseHTML(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).document;
    expect(home.querySelectorAll('ol.replies > li').length).toBe(1);
    expect(home.querySelectorAll('table').length).toBe(0);
  });
});
