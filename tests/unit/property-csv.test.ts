/**
 * Property-based tests (fast-check) of the CSV reader and of the whole loader
 * on mutated copies of data/: random or damaged input either loads correctly or
 * gives one clear message naming the file (and line); it never throws, and a
 * figure that loads always has the number its quote states.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import { loadDataset, formatProblem, type Problem } from '../../src/lib/data';
import { parseNumbers } from '../../src/lib/data/numbers';

/** `file:line: …` or `file: …`, the file under data/. */
const PROBLEM_LINE = /^data\/[^\s:]+(:\d+)?: /;

// ------------------------------------------------------------------ CSV writing

/** How a careful tool writes a CSV value: quoted when it holds a comma, quote or newline. */
const csvValue = (v: string) => (/[",\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const valueChars = fc.constantFrom(...'ab Z9０,"\n\t“”。、万余多%-_.:'.split(''), '慈', '溪', '工', '会');
const value = fc.string({ unit: valueChars, maxLength: 12 });
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);

const table = fc
  .uniqueArray(name, { minLength: 1, maxLength: 6 })
  .chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(
        fc
          .array(value, { minLength: header.length, maxLength: header.length })
          // A record of only blanks and commas is a blank line to the reader: give each one content.
          .filter((vals) => vals.some((v) => /[^\s,]/.test(v))),
        { maxLength: 8 },
      ),
      bom: fc.boolean(),
      crlf: fc.boolean(),
      trailingBlank: fc.nat({ max: 3 }),
    }),
  );

function writeCsv(t: { header: string[]; rows: string[][]; bom: boolean; crlf: boolean; trailingBlank: number }) {
  const nl = t.crlf ? '\r\n' : '\n';
  const lines = [t.header.join(','), ...t.rows.map((r) => r.map(csvValue).join(','))];
  // The line each record starts on: 1 + the newlines before it (values may hold newlines).
  const starts: number[] = [];
  let line = 2;
  for (const r of t.rows) {
    starts.push(line);
    line += 1 + r.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
  }
  const text = (t.bom ? '\uFEFF' : '') + lines.join(nl) + nl.repeat(t.trailingBlank);
  return { text, starts };
}

describe('parseCsv, property-based', () => {
  it('reads back exactly what a careful tool wrote, with the line each record starts on', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { text, starts } = writeCsv(t);
        const { table: parsed, problems } = parseCsv(text, 'data/x.csv', t.header);
        expect(problems).toEqual([]);
        expect(parsed.header).toEqual(t.header);
        // CRLF inside a quoted value is read as LF, like every other line break.
        expect(parsed.rows.map((r) => t.header.map((h) => r.values[h]))).toEqual(t.rows);
        expect(parsed.rows.map((r) => r.line)).toEqual(starts);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws on any text, and every problem names the file and a line that exists', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'a,"\n\r \uFEFF9x'.split('')), maxLength: 60 }), fc.array(name, { maxLength: 3 }), (text, required) => {
        const { problems } = parseCsv(text, 'data/x.csv', required);
        const lines = text.split(/\r\n?|\n/).length;
        for (const p of problems) {
          expect(formatProblem(p)).toMatch(PROBLEM_LINE);
          if (p.line !== undefined) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines);
          }
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('reports a missing required column on line 1, naming it', () => {
    fc.assert(
      fc.property(table, name, (t, extra) => {
        fc.pre(!t.header.includes(extra));
        const { problems } = parseCsv(writeCsv(t).text, 'data/x.csv', [...t.header, extra]);
        expect(problems.map(formatProblem)).toContainEqual(expect.stringMatching(new RegExp(`^data/x\\.csv:1: column "${extra}": a required column is missing`)));
      }),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ the loader on damaged data

const REPLY = 'data/replies/cixi-2022-152';
let tmp: string;
const files: string[] = [];
const originals = new Map<string, string>();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'property-data-'));
  fs.cpSync('data', path.join(tmp, 'data'), { recursive: true });
  for (const f of fs.readdirSync(REPLY)) files.push(`${REPLY}/${f}`);
  files.push('data/glossary.csv');
  for (const f of files) originals.set(f, fs.readFileSync(f, 'utf8'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Mutation = (s: string) => string;
const at = (s: string, p: number) => Math.floor(p * (s.length + 1));
const lineOps = (f: (lines: string[], i: number) => void) => (p: number) => (s: string) => {
  const lines = s.split('\n');
  f(lines, Math.min(lines.length - 1, Math.floor(p * lines.length)));
  return lines.join('\n');
};
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // insert something a person or a spreadsheet might type
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('"', ',', '\n', '\r\n', ' ', '\uFEFF', '万', '余', 'x', '9', '０', '{', '}', '，')).map(
    ([p, c]) => (s: string) => s.slice(0, at(s, p)) + c + s.slice(at(s, p)),
  ),
  // delete a few characters
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 })).map(([p, n]) => (s: string) => s.slice(0, at(s, p)) + s.slice(at(s, p) + n)),
  // change one digit into another: the "wrong number" attack
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 9 })).map(([p, d]) => (s: string) => {
    const digits = [...s.matchAll(/[0-9]/g)];
    if (!digits.length) return s;
    const m = digits[Math.min(digits.length - 1, Math.floor(p * digits.length))]!;
    return s.slice(0, m.index) + String((Number(m[0]) + d) % 10) + s.slice(m.index! + 1);
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map(lineOps((l, i) => l.splice(i, 1))),
  fc.double({ min: 0, max: 1, noNaN: true }).map(lineOps((l, i) => l.splice(i, 0, l[i]!))),
  fc.double({ min: 0, max: 1, noNaN: true }).map(lineOps((l, i) => i > 0 && ([l[i - 1], l[i]] = [l[i]!, l[i - 1]!]))),
  fc.double({ min: 0, max: 1, noNaN: true }).map((p) => (s: string) => s.slice(0, at(s, p))),
);

function checkProblems(problems: Problem[], texts: Map<string, string>) {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    const line = formatProblem(p);
    expect(line).toMatch(PROBLEM_LINE);
    expect(line).not.toMatch(/\n|\bat .*\.ts:\d+/); // one line, no stack trace
    const text = texts.get(p.file);
    if (p.line !== undefined && text !== undefined) expect(p.line).toBeLessThanOrEqual(text.split('\n').length + 1);
  }
}

describe('loadDataset on mutated copies of data/, property-based', () => {
  it('the copy of the real data loads', () => {
    expect(loadDataset(tmp).problems).toEqual([]);
  });

  it('loads, or says what is wrong in which file on which line; never throws, never a wrong number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, ms) => {
        const original = originals.get(file)!;
        const mutated = ms.reduce((s, m) => m(s), original);
        const abs = path.join(tmp, file);
        fs.writeFileSync(abs, mutated);
        try {
          const { dataset, problems } = loadDataset(tmp);
          if (!dataset) return checkProblems(problems, new Map([...originals, [file, mutated]]));
          expect(problems).toEqual([]);
          for (const reply of dataset.replies) {
            for (const f of reply.figures) {
              // Whatever was changed, a figure that loads says what its quote says, verbatim.
              expect(reply.source.slice(f.span.start, f.span.end)).toBe(f.quote);
              const stated = parseNumbers(f.quote).filter((t) => t.value === f.value && t.percent === (f.unit === 'percent'));
              expect(stated.map((t) => t.qualifier), `${f.id}: ${f.value} in "${f.quote}"`).toContain(f.qualifier);
            }
          }
        } finally {
          fs.writeFileSync(abs, original);
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('a changed figure value never loads: it names figures.csv, the line and the column', () => {
    const rel = `${REPLY}/figures.csv`;
    const original = originals.get(rel)!;
    const lines = original.split('\n');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: lines.filter((l) => l.trim()).length - 1 }), fc.integer({ min: 1, max: 9 }), (row, delta) => {
        // Change the value field (3rd column) of one data row by a whole number.
        const cells = lines[row]!.split(',');
        const v = Number(cells[2]);
        const quote = Papa.parse<string[]>(lines[row]!).data[0]?.[10] ?? '';
        fc.pre(Number.isFinite(v) && !parseNumbers(quote).some((t) => t.value === v + delta));
        cells[2] = String(v + delta);
        const mutated = [...lines.slice(0, row), cells.join(','), ...lines.slice(row + 1)].join('\n');
        fs.writeFileSync(path.join(tmp, rel), mutated);
        try {
          const { dataset, problems } = loadDataset(tmp);
          expect(dataset).toBeUndefined();
          expect(problems.map(formatProblem)).toContainEqual(expect.stringMatching(new RegExp(`^${rel}:${row + 1}: column "value": the quote does not state this value`)));
        } finally {
          fs.writeFileSync(path.join(tmp, rel), original);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
