/**
 * What a drafted folder leaves to decide (npm run draft, src/lib/draft/): the
 * folder's `"draft": true`, every row with a draft_note, every TODO left to
 * write. The loader adds these to its problems, so check:data lists them with
 * file:line and a fix, and the build refuses the folder until none is left.
 * Kept apart from the loader's checks: it reads the files as they are, not as
 * the schemas (which ignore draft_note and draft) see them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';
import type { Problem } from './problems';

const CSVS = ['figures.csv', 'not-figures.csv', 'commitments.csv', 'events.csv', 'derived.csv'];

export function openItems(root: string, dir: string): Problem[] {
  const items: Problem[] = [];
  for (const name of CSVS) {
    const rel = `${dir}/${name}`;
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) continue;
    const { table } = parseCsv(fs.readFileSync(abs, 'utf8'), rel, []);
    for (const row of table.rows) {
      const note = (row.values.draft_note ?? '').trim();
      const todo = Object.entries(row.values).filter(([k, v]) => k !== 'draft_note' && /^TODO\b/.test(v.trim())).map(([k]) => k);
      if (!note && !todo.length) continue;
      items.push({
        file: rel,
        line: row.line,
        column: note ? 'draft_note' : todo[0],
        message: `to decide: ${note || 'a value is still to write'}${todo.length ? ` (still TODO: ${todo.join(', ')})` : ''}`,
        fix: 'check the row against the source and correct it (or delete the row), write what is TODO, then empty its draft_note',
      });
    }
  }
  const metaRel = `${dir}/reply.json`;
  const metaAbs = path.join(root, metaRel);
  if (!fs.existsSync(metaAbs)) return items;
  const text = fs.readFileSync(metaAbs, 'utf8');
  text.split('\n').forEach((l, i) => {
    const m = /"([^"]+)":\s*(?:\[\s*)?"(TODO\b(?:[^"\\]|\\.)*)"/.exec(l);
    if (m) items.push({ file: metaRel, line: i + 1, column: m[1], message: `to write: ${m[2]}`, fix: 'replace the TODO with the value (English names as the translation uses them)' });
  });
  let draft = false;
  try {
    draft = (JSON.parse(text) as { draft?: unknown }).draft === true;
  } catch {
    // invalid JSON is the loader's to report
  }
  if (draft) {
    const line = text.split('\n').findIndex((l) => /"draft"\s*:/.test(l)) + 1;
    items.unshift({
      file: metaRel,
      line: line || undefined,
      column: 'draft',
      message: `the folder is still a draft: ${items.length} item${items.length === 1 ? '' : 's'} left to decide (listed below), and the build refuses it until "draft": true is removed`,
      fix: 'decide each item listed, empty each draft_note, then delete the line "draft": true (docs/adding-a-reply.md)',
    });
  }
  return items;
}
