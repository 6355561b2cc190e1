import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const REPLY = 'data/replies/cixi-2022-152';

/** A throwaway copy of data/ to break on purpose; returns its root. */
export function copyData(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
  fs.cpSync(path.join(ROOT, 'data'), path.join(tmp, 'data'), { recursive: true });
  return tmp;
}

export function edit(root: string, rel: string, fn: (s: string) => string): void {
  const p = path.join(root, rel);
  const before = fs.readFileSync(p, 'utf8');
  const after = fn(before);
  if (after === before) throw new Error(`edit of ${rel} changed nothing: the fixture is stale`);
  fs.writeFileSync(p, after);
}

/** Replace one field of the CSV row whose first field is `id`. */
export function setField(csv: string, id: string, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  const i = lines.findIndex((l) => l.startsWith(id + ','));
  if (i < 0) throw new Error(`no row ${id}`);
  // split respecting quotes
  const fields: string[] = [];
  let cur = '';
  let q = false;
  for (const c of lines[i]!) {
    if (c === '"') q = !q;
    if (c === ',' && !q) {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  fields.push(cur);
  fields[col] = value;
  lines[i] = fields.join(',');
  return lines.join('\n');
}
