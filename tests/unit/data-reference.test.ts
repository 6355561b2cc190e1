/**
 * The schemas are the one place a column is described: every column and field
 * of a reply folder has a description, the exported tables' columns in both
 * languages; docs/data-reference.md is what the schemas say (regenerate it with
 * `npm run data:reference`); the checker's message for a bad value says what
 * the column is for; the downloads describe a column as its schema does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT, REPLY, copyData, edit, setField } from './helpers';
import { dataReference } from '../../src/lib/data/reference';
import { columnDocs, described, unwrap } from '../../src/lib/data/describe';
import { commitmentRow, derivedRow, eventRow, figureRow, glossaryRow, notFigureRow, replyJson, statusLogRow } from '../../src/lib/data/schemas';
import { chartsFile } from '../../src/lib/data/charts-schema';
import { loadReply } from '../../src/lib/data/load';
import { formatProblem } from '../../src/lib/data/problems';
import { COLUMN_DOCS } from '../../src/lib/export/dataset';
import { DATA_COLUMNS } from '../../src/lib/charts/common';

/** Every field under a schema, with its path. */
function everyField(s: z.ZodTypeAny, at: string, out: [string, z.ZodTypeAny][] = []): [string, z.ZodTypeAny][] {
  const inner = unwrap(s);
  if (inner instanceof z.ZodObject) for (const [k, v] of Object.entries(inner.shape as Record<string, z.ZodTypeAny>)) { out.push([`${at}${k}`, v]); everyField(v, `${at}${k}.`, out); }
  else if (inner instanceof z.ZodArray) everyField(inner.element, at, out);
  else if (inner instanceof z.ZodRecord) everyField(inner.valueSchema, at, out);
  return out;
}

describe('the schemas describe every column', () => {
  it.each([
    ['reply.json', replyJson],
    ['charts.json', chartsFile],
    ['not-figures.csv', notFigureRow],
    ['glossary.csv', glossaryRow],
  ] as const)('%s: every field has an English description', (_, schema) => {
    const bare = everyField(schema, '').filter(([, s]) => !s.description).map(([k]) => k);
    expect(bare).toEqual([]);
  });

  it.each([
    ['figures.csv', figureRow],
    ['commitments.csv', commitmentRow],
    ['events.csv', eventRow],
    ['derived.csv', derivedRow],
    ['status-log.csv', statusLogRow],
  ] as const)('%s (exported): every column is described in English and Chinese', (_, schema) => {
    const docs = columnDocs(schema);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((d) => !d.en || !/\p{Script=Han}/u.test(d.zh)).map((d) => d.key)).toEqual([]);
  });
});

describe('docs/data-reference.md', () => {
  it('is what the schemas say (run npm run data:reference after changing a schema)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs/data-reference.md'), 'utf8')).toBe(dataReference());
  });
  it('lists every column of every file with its description', () => {
    const md = dataReference();
    for (const d of columnDocs(figureRow)) expect(md).toContain(`| \`${d.key}\` | ${d.required ? 'yes' : 'no'} | ${d.en.replace(/\|/g, '\\|')} |`);
    expect(md).toContain('| `sections[].brief_zh` | no |');
    expect(md).toContain('| `charts[].named.en` | yes |');
  });
});

describe('the export describes a column as its schema does', () => {
  it('the dataset tables', () => {
    const of = (t: keyof typeof COLUMN_DOCS, k: string) => COLUMN_DOCS[t].find((d) => d.key === k);
    expect(of('figures', 'qualifier')).toMatchObject(described(figureRow.shape.qualifier));
    expect(of('events', 'kind')).toMatchObject(described(eventRow.shape.kind));
    expect(of('commitments', 'owner')).toMatchObject(described(commitmentRow.shape.owner));
    expect(of('derived', 'formula')).toMatchObject(described(derivedRow.shape.formula));
    expect(of('status-log', 'recorded_by')).toMatchObject(described(statusLogRow.shape.recorded_by));
  });
  it('the chart data downloads', () => {
    expect(DATA_COLUMNS.find((c) => c.key === 'qualifier')?.description).toBe(figureRow.shape.qualifier.description);
    expect(DATA_COLUMNS.find((c) => c.key === 'scope')?.description).toContain(figureRow.shape.scope.description!);
  });
});

describe("the checker's message for a bad value says what the column is for", () => {
  it('a CSV column', () => {
    const root = copyData();
    edit(root, `${REPLY}/figures.csv`, (s) => setField(s, 'migrant-pupils-increase', 'qualifier', 'roughly'));
    const lines = loadReply(root, REPLY).problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/figures\.csv:\d+: column "qualifier": invalid value for how exact the value is; found "roughly", expected one of exact/));
  });
  it('a field of reply.json', () => {
    const root = copyData();
    edit(root, `${REPLY}/reply.json`, (s) => s.replace(/"date": "\d{4}-\d\d-\d\d"/, '"date": "2022-02-30"'));
    const lines = loadReply(root, REPLY).problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/reply\.json:\d+: column "date": invalid value for the date of the reply, YYYY-MM-DD, expected a real date/));
  });
});
