/**
 * Charts as data: no chart code names a figure id (every id of every reply in
 * data/ and in the test fixtures is looked for in src/lib/charts, the chart
 * and page components), the synthetic second reply (no charts.json) gets an
 * automatic chart for every statistic with titles in words, and a bad
 * charts.json stops the build with file:line and a fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadDataset } from '../../src/lib/data';
import { chartDecls, chartsFor } from '../../src/lib/charts';
import { unitName } from '../../src/lib/data/vocabulary';
import { copyData, edit, REPLY, ROOT } from './helpers';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'second-reply');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const idsIn = (csv: string) => (Papa.parse<Record<string, string>>(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data ?? []).map((r) => r.id!).filter(Boolean);

describe('no chart code names a figure id', () => {
  const csvs = [...filesUnder(path.join(ROOT, 'data', 'replies')), ...filesUnder(path.join(ROOT, 'tests', 'fixtures'))].filter((f) => /[/\\](figures|derived)\.csv$/.test(f));
  const ids = [...new Set(csvs.flatMap(idsIn))];
  const code = ['src/lib/charts', 'src/components', 'src/pages'].flatMap((d) => filesUnder(path.join(ROOT, d))).filter((f) => /\.(ts|astro|mjs|js)$/.test(f));

  it('finds the ids to look for', () => {
    expect(csvs.length).toBeGreaterThanOrEqual(4);
    expect(ids.length).toBeGreaterThan(20);
    expect(code.length).toBeGreaterThan(10);
  });
  it('finds none of them in src/lib/charts, src/components or src/pages', () => {
    const hits: string[] = [];
    for (const file of code) {
      const text = fs.readFileSync(file, 'utf8');
      for (const id of ids) if (new RegExp(`(^|[^a-z0-9-])${id.replace(/-/g, '\\-')}($|[^a-z0-9-])`).test(text)) hits.push(`${path.relative(ROOT, file)}: ${id}`);
    }
    expect(hits).toEqual([]);
  });
});

describe('a reply without charts.json (the synthetic second reply)', () => {
  const reply = loadDataset(FIXTURE).dataset!.replies[0]!;
  it('has no declaration, so every chart is automatic', () => {
    expect(reply.charts).toBeUndefined();
    expect(chartDecls(reply).length).toBeGreaterThan(2);
  });
  it.each(['zh-CN', 'en'] as const)('draws every figure in at least one automatic chart (%s)', (locale) => {
    const specs = chartsFor(reply, locale);
    for (const f of reply.figures) expect(specs.some((s) => s.sources.includes(f.id)), f.id).toBe(true);
  });
  it.each(['zh-CN', 'en'] as const)('titles in words: no unit id, the place of a figure outside the reply’s own (%s)', (locale) => {
    const specs = chartsFor(reply, locale);
    const own = Object.keys(reply.meta.places)[0]!;
    const declared = Object.keys(reply.meta.units);
    for (const s of specs) for (const u of declared) expect(`${s.title} ${s.subtitle}`, s.id).not.toMatch(new RegExp(`\\b${u}\\b(?![a-z])`));
    for (const f of reply.figures.filter((f) => f.scope !== own)) {
      const spec = specs.find((s) => s.sources.includes(f.id))!;
      expect(spec.title).toContain(locale === 'zh-CN' ? reply.meta.places[f.scope]!.zh : reply.meta.places[f.scope]!.en.replace(/^./, (c) => c.toUpperCase()));
    }
    // declared units are written in words (the English plural, the Chinese counter)
    for (const f of reply.figures.filter((f) => f.unit in reply.meta.units)) {
      const spec = specs.find((s) => s.sources.includes(f.id))!;
      const name = unitName(f.unit)!;
      expect(spec.title, f.id).toContain(locale === 'zh-CN' ? name.zh : f.value === 1 ? name.en[0] : name.en[1]);
    }
  });
  it('never mixes a change with a total, a target with a count, or another place with the reply’s own', () => {
    for (const d of chartDecls(reply)) {
      const figs = d.figures.map((id) => reply.figures.find((f) => f.id === id)!);
      expect(new Set(figs.map((f) => f.measure)).size, d.id).toBeLessThanOrEqual(1);
      expect(new Set(figs.map((f) => f.scope)).size, d.id).toBeLessThanOrEqual(1);
      expect(new Set(figs.map((f) => f.unit)).size, d.id).toBeLessThanOrEqual(1);
    }
  });
});

describe('charts.json is checked', () => {
  const J = `${REPLY}/charts.json`;
  const problems = (fn: (j: { charts: Record<string, unknown>[] }) => void) => {
    const root = copyData();
    edit(root, J, (s) => {
      const j = JSON.parse(s);
      fn(j);
      return JSON.stringify(j, null, 2);
    });
    const r = loadDataset(root);
    expect(r.dataset).toBeUndefined();
    return r.problems.map(formatProblem);
  };
  it('an unknown kind: file:line, the kinds there are', () => {
    const p = problems((j) => (j.charts[1]!.kind = 'pie'));
    expect(p.some((x) => new RegExp(`^${J}:\\d+: column "charts.1.kind": unknown chart kind "pie".*one of bars, parts.*Fix:`).test(x)), p.join('\n')).toBe(true);
  });
  it('an unknown figure id: file:line and the fix', () => {
    const p = problems((j) => ((j.charts[0]!.figures as string[])[0] = 'no-such-figure'));
    expect(p.some((x) => x.startsWith(`${J}:`) && /no figure has the id "no-such-figure".*Fix: correct the id/.test(x)), p.join('\n')).toBe(true);
  });
  it('a missing title in a locale: file:line and what to add', () => {
    const p = problems((j) => delete j.charts[2]!.title_en);
    expect(p.some((x) => new RegExp(`^${J}:\\d+: column "charts.2.title_en": the chart has no English title.*Fix: add "title_en"`).test(x)), p.join('\n')).toBe(true);
  });
  it('English names for named items: one per item the quote lists', () => {
    const p = problems((j) => {
      const c = j.charts.find((c) => c.named) as { named: { en: string[] } };
      c.named.en.pop();
    });
    expect(p.some((x) => /the quote names \d+ items .* the English list has \d+/.test(x)), p.join('\n')).toBe(true);
  });
  it('a file not in UTF-8: its line, the encoding it must have', () => {
    const root = copyData();
    const file = path.join(root, J);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('"title_en"');
    // one Latin-1 byte (é) inside an English title, as an editor saving in Windows-1252 would write it
    fs.writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from([0x22, 0xe9, 0x22, 0x2c, 0x20]), Buffer.from(text.slice(at), 'utf8')]));
    const r = loadDataset(root);
    expect(r.dataset).toBeUndefined();
    const line = text.slice(0, at).split('\n').length;
    const p = r.problems.map(formatProblem);
    expect(p.some((x) => x.startsWith(`${J}:${line}: the file is not UTF-8`) && /Fix: save the file with the encoding UTF-8/.test(x)), p.join('\n')).toBe(true);
  });
  it('a directive naming an unknown id', () => {
    const p = problems((j) => (j.charts[0]!.title_en = 'About :fig{#nothing-here}'));
    expect(p.some((x) => /the directive names an unknown id; found ":fig\{#nothing-here\}"/.test(x)), p.join('\n')).toBe(true);
  });
  it('a directive in the old syntax, or one the charts do not know', () => {
    const p = problems((j) => (j.charts[0]!.title_en = 'About {fig:studios-total|short}'));
    expect(p.some((x) => /a directive in the old syntax; found "\{fig:studios-total\|short\}".*convert-story-syntax/.test(x)), p.join('\n')).toBe(true);
    const q = problems((j) => (j.charts[0]!.title_en = 'About :term{#居住证}'));
    expect(q.some((x) => /unknown directive; found ":term\{#居住证\}"/.test(x)), q.join('\n')).toBe(true);
  });
});
