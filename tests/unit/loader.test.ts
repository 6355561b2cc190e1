import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset, formatProblem, getDataset } from '../../src/lib/data';
import { digitRuns, parseNumbers } from '../../src/lib/data/numbers';
import { copyData, edit, REPLY, ROOT, setField } from './helpers';

const F = `${REPLY}/figures.csv`;
const C = `${REPLY}/commitments.csv`;
const N = `${REPLY}/not-figures.csv`;
const E = `${REPLY}/events.csv`;
const D = `${REPLY}/derived.csv`;

/** Break a copy of the data, load it, and return the messages. */
function problemsAfter(...edits: [string, (s: string) => string][]): string[] {
  const root = copyData();
  for (const [rel, fn] of edits) edit(root, rel, fn);
  const { dataset, problems } = loadDataset(root);
  expect(dataset).toBeUndefined();
  return problems.map(formatProblem);
}

describe('the real data', () => {
  const { dataset, problems } = loadDataset(ROOT);
  it('loads without a single problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(dataset).toBeDefined();
  });

  const reply = dataset!.replies[0]!;
  const rows = (rel: string) =>
    Papa.parse<Record<string, string>>(fs.readFileSync(path.join(ROOT, rel), 'utf8'), { header: true, skipEmptyLines: true }).data;

  it('has every row of figures.csv and commitments.csv in the model', () => {
    expect(reply.figures.map((f) => f.id)).toEqual(rows(F).map((r) => r.id));
    expect([...reply.commitments, ...reply.statements].map((c) => c.id).sort()).toEqual(rows(C).map((r) => r.id).sort());
    expect(reply.commitments.map((c) => c.id)).toEqual(rows(C).filter((r) => r.kind === 'promise').map((r) => r.id));
  });

  it('states more than twenty statistics, each value read back from its own quote', () => {
    expect(reply.figures.length).toBeGreaterThan(20);
    for (const f of reply.figures) {
      const tokens = parseNumbers(f.quote);
      expect(tokens.some((t) => t.value === f.value && t.qualifier === f.qualifier), f.id).toBe(true);
      expect(reply.source.slice(f.span.start, f.span.end)).toBe(f.quote);
    }
  });

  it('accounts for every run of digits in the source', () => {
    for (const run of digitRuns(reply.source)) {
      const inFigure = reply.figures.some((f) => f.span.start <= run.start && run.end <= f.span.end);
      const listed = reply.notFigures.some((n) => n.span.start === run.start);
      expect(inFigure || listed, `${run.run} at ${run.start}`).toBe(true);
    }
  });

  // The original is in ../shared/sources, beside the repo (here and in CI). Without it the
  // test is reported as skipped, with the reason in its name, never passed empty.
  const original = path.join(ROOT, '..', 'shared', 'sources', reply.meta.source.original);
  it.skipIf(!fs.existsSync(original))(`keeps the source as published, with only the recorded artefacts removed${fs.existsSync(original) ? '' : ` (SKIPPED: ${path.relative(ROOT, original)} is not there)`}`, () => {
    let text = fs.readFileSync(original, 'utf8');
    for (const c of reply.meta.source.cleaning) {
      expect(text.split(c.removed).length - 1).toBe(c.occurrences);
      text = text.split(c.removed).join('');
    }
    expect(reply.source).toBe(text);
  });

  it('has a translation for every paragraph', () => {
    for (const p of reply.paragraphs) expect(p.en.length, `p${p.n}`).toBeGreaterThan(0);
  });

  it('never calls a Ningbo-wide figure Cixi’s', () => {
    for (const f of reply.figures) {
      if (f.quote.includes('宁波大市') || f.quote.includes('全宁波')) expect(f.scope, f.id).toBe('ningbo');
    }
  });

  it('getDataset caches one validated dataset', () => {
    expect(getDataset()).toBe(getDataset());
  });
});

describe('an Excel-saved CSV (BOM, CRLF, trailing blank lines) loads the same', () => {
  it('for every CSV of the reply and the glossary', () => {
    const root = copyData();
    const csvs = [F, C, N, E, D, 'data/glossary.csv'];
    for (const rel of csvs) edit(root, rel, (s) => '\uFEFF' + s.replace(/\n/g, '\r\n') + '\r\n\r\n,,,\r\n');
    const a = loadDataset(root);
    expect(a.problems.map(formatProblem)).toEqual([]);
    expect(a.dataset!.replies[0]!.figures).toEqual(getDataset().replies[0]!.figures);
  });
});

describe('bad input stops with one message naming file, line and fix', () => {
  const cases: [string, [string, (s: string) => string][]][] = [
    ['broken CSV: an unclosed quote', [[F, (s) => setField(s, 'contest-entrants', 'label_en', '"Entrants')]]],
    ['a comma in an unquoted value', [[F, (s) => setField(s, 'contest-entrants', 'label_en', 'Entrants, all trades')]]],
    ['a required column missing', [[F, (s) => s.replace(',qualifier,', ',qualifer,')]]],
    ['an unknown qualifier', [[F, (s) => setField(s, 'pilot-units', 'qualifier', 'roughly')]]],
    ['a value written as Chinese text', [[F, (s) => setField(s, 'ningbo-rental-target', 'value', '13万')]]],
    ['a value the quote does not state', [[F, (s) => setField(s, 'contest-entrants', 'value', '10562')]]],
    ['a lower bound recorded as exact', [[F, (s) => setField(s, 'pilot-units', 'qualifier', 'exact')]]],
    ['a quote that is not in the source', [[F, (s) => setField(s, 'contest-entrants', 'quote', '共吸引10652人参赛')]]],
    ['a quote that occurs twice', [[F, (s) => setField(s, 'studios-provincial', 'quote', '省级')]]],
    ['an unknown scope', [[F, (s) => setField(s, 'ningbo-rental-target', 'scope', 'zhejiang')]]],
    ['a part reply.json does not declare', [[C, (s) => setField(s, 'migrant-schools-become-public', 'section', '5')]]],
    ['a unit neither the site nor reply.json knows', [[F, (s) => setField(s, 'pilot-projects', 'unit', 'station')]]],
    ['a brief summary with a number in it', [[`${REPLY}/reply.json`, (s) => s.replace('"brief_zh": "市委组织部', '"brief_zh": "2022年市委组织部')]]],
    ['reply.json without places', [[`${REPLY}/reply.json`, (s) => JSON.stringify({ ...JSON.parse(s), places: {} }, null, 2)]]],
    ['a bad period', [[F, (s) => setField(s, 'contest-entrants', 'period', '2021-13')]]],
    ['a section that does not match the quote', [[F, (s) => setField(s, 'contest-entrants', 'section', '2')]]],
    ['a duplicate id', [[F, (s) => setField(s, 'studios-ningbo', 'id', 'studios-provincial')]]],
    ['a number in the source left unaccounted for', [[N, (s) => s.split('\n').filter((l) => !l.startsWith('89591882')).join('\n')]]],
    ['a bad date', [[C, (s) => setField(s, 'ningbo-rental-homes-target', 'deadline', '2022-02-30')]]],
    ['a status that needs evidence', [[C, (s) => setField(s, 'migrant-schools-become-public', 'status', 'kept')]]],
    ['an unknown status', [[C, (s) => setField(s, 'migrant-schools-become-public', 'status', 'done')]]],
    ['a commitment quote cutting through a figure', [[C, (s) => setField(s, 'ningbo-rental-homes-target', 'quote', '全宁波大市将新增各类租赁住房不少于13万')]]],
    ['an event naming an unknown figure', [[E, (s) => setField(s, 'contest-2021', 'figure', 'contest-entrantz')]]],
    ['a derived formula with an unknown function', [[D, (s) => setField(s, 'bases-total', 'formula', '"total(bases-provincial, bases-cixi)"')]]],
    ['a translation missing a paragraph', [[`${REPLY}/source.en.md`, (s) => s.replace(/<!-- p12 -->[\s\S]*$/, '')]]],
    ['reply.json that is not JSON', [[`${REPLY}/reply.json`, (s) => s.replace('"date": "2022-06-20",', '"date": "2022-06-20"')]]],
  ];

  it.each(cases)('%s', (_name, edits) => {
    const messages = problemsAfter(...edits);
    expect(messages).toHaveLength(1);
    const [m] = messages as [string];
    expect(m).toMatch(/^data\/[^\s:]+(:\d+)?: /);
    expect(m).not.toMatch(/\n|at .*\.ts:\d+/); // one line, no stack trace
    expect(m).toMatchSnapshot();
  });
});
