/**
 * CSV and JSON builders for the downloads: pure, no I/O.
 * CSV is RFC 4180 with a UTF-8 byte-order mark and CRLF line ends, so that
 * Excel (which otherwise guesses a legacy code page) shows Chinese correctly.
 */
export type Cell = string | number | boolean | null | undefined;

export interface Column {
  key: string;
  /** Header written in the CSV (defaults to key). */
  header?: string;
  description: string;
  numeric?: boolean;
}

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

/** One field, quoted when it holds a comma, quote, CR or LF, or starts or ends with a space. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: BOM, header row, one row per record, CRLF after every row. */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map((c) => csvField(c.header ?? c.key)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c.key])).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}

/** Pretty JSON with a final newline (stable key order as given). */
export const toJson = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
