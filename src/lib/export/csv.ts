/**
 * CSV and JSON builders for the downloads: pure, no I/O.
 * CSV is RFC 4180 with a UTF-8 byte-order mark and CRLF line ends, so that
 * Excel (which otherwise guesses a legacy code page) shows Chinese correctly.
 */
import Papa from 'papaparse';

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

/** A cell as text: empty for null, undefined and non-finite numbers. */
const cellText = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v));

/** When a field is quoted: it holds a comma, quote, CR or LF, or starts or ends with white space. */
const needsQuotes = (s: string): boolean => /[",\r\n]|^\s|\s$/.test(s);

/** One field as it appears in the CSV (quoted when needsQuotes). */
export const csvField = (v: Cell): string => Papa.unparse([[cellText(v)]], { quotes: (s: unknown) => needsQuotes(String(s)) });

/** A CSV document (papaparse): BOM, header row, one row per record, CRLF after every row. */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, Cell>[]): string {
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header ?? c.key), data: rows.map((r) => columns.map((c) => cellText(r[c.key]))) },
    { newline: CRLF, quotes: (s: unknown) => needsQuotes(String(s)) },
  );
  return BOM + (body.endsWith(CRLF) ? body : body + CRLF);
}

/** Pretty JSON with a final newline (stable key order as given). */
export const toJson = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
