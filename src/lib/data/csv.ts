import Papa from 'papaparse';
import type { Problem } from './problems';

export interface CsvRow {
  /** 1-based line where the record starts in the file as saved. */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/**
 * The text of a data file, which must be UTF-8 (with or without BOM). A file in
 * another encoding is refused with the line of its first non-UTF-8 byte; GB18030/GBK,
 * what Chinese Excel's plain "CSV (逗号分隔)" saves, is recognised and named.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; problem?: Problem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The first line that is not UTF-8 (lines split on LF, which is one byte in both encodings).
    let line = 1;
    let start = 0;
    let bad = bytes;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        const chunk = bytes.subarray(start, i);
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk);
        } catch {
          bad = chunk;
          break;
        }
        line++;
        start = i + 1;
      }
    }
    let gb: string | undefined;
    try {
      gb = new TextDecoder('gb18030', { fatal: true }).decode(bad);
    } catch {
      gb = undefined;
    }
    const looksGb = gb !== undefined && /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(gb);
    return {
      problem: {
        file,
        line,
        message: looksGb
          ? 'the file is not UTF-8: it is in GB18030/GBK, the encoding Excel uses for plain "CSV (逗号分隔)"'
          : 'the file is not UTF-8',
        found: looksGb ? gb!.replace(/\r$/, '') : undefined,
        expected: 'UTF-8 text (with or without BOM)',
        fix: file.endsWith('.csv')
          ? 'save as CSV UTF-8 (逗号分隔): in Excel, File > Save As > "CSV UTF-8 (逗号分隔)(*.csv)"; in WPS or Numbers, export as CSV with encoding UTF-8'
          : 'save the file with the encoding UTF-8 (in your editor: Save with Encoding > UTF-8)',
      },
    };
  }
}

/**
 * Read a CSV as people save it: UTF-8 with or without BOM (Excel adds one),
 * LF or CRLF, trailing blank lines. Reports structural problems (unbalanced
 * quotes, wrong number of fields, missing columns) with the line they start on.
 */
export function parseCsv(
  text: string,
  file: string,
  required: readonly string[],
): { table: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineAt = lineIndex(body);

  // Delimiter and newline fixed: papaparse would otherwise guess them (a one-column file, or one with
  // more semicolons than commas, would be split on the wrong character).
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', delimiter: ',', newline: '\n' });
  // papaparse gives no line numbers; find where each record starts by walking the text.
  const starts = recordStarts(body);

  for (const e of parsed.errors) {
    const at = e.index !== undefined ? lineAt(e.index) : e.row !== undefined ? starts[e.row] : undefined;
    const fix =
      e.code === 'MissingQuotes'
        ? 'close the double quote that opens this value (write "" for a quote inside a value)'
        : e.code === 'InvalidQuotes'
          ? 'a value with a double quote in it must be wrapped in double quotes, and the inner quote doubled ("")'
          : 'check the quoting of this line';
    problems.push({ file, line: at, message: `the CSV is malformed (${e.message})`, fix });
  }
  if (parsed.errors.some((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) {
    return { table: { file, header: [], rows: [] }, problems };
  }

  const [header = [], ...records] = parsed.data;
  const names = header.map((h) => h.trim());
  for (const col of required) {
    if (!names.includes(col)) {
      problems.push({
        file,
        line: 1,
        column: col,
        message: 'a required column is missing from the header',
        found: names.join(','),
        expected: `a column named "${col}"`,
        fix: `add "${col}" to the first line (the columns required are: ${required.join(', ')})`,
      });
    }
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) problems.push({ file, line: 1, column: n, message: 'the column appears twice in the header', fix: 'remove or rename one of them' });
    seen.add(n);
  }

  const rows: CsvRow[] = [];
  records.forEach((rec, i) => {
    const line = starts[i + 1] ?? 0;
    if (rec.length !== names.length) {
      problems.push({
        file,
        line,
        message: `the line has ${rec.length} fields but the header has ${names.length}`,
        found: rec.join(','),
        expected: `${names.length} comma-separated fields`,
        fix: 'a value that contains a comma must be wrapped in double quotes',
      });
      return;
    }
    const values: Record<string, string> = {};
    names.forEach((n, j) => (values[n] = rec[j] ?? ''));
    rows.push({ line, values });
  });
  return { table: { file, header: names, rows }, problems };
}

/** offset -> 1-based line. */
function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') breaks.push(i);
  return (offset: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/**
 * 1-based start line of each non-blank record, honouring newlines inside quoted values.
 * As in papaparse, a double quote opens a quoted value only at the start of a field;
 * elsewhere it is an ordinary character, and "" inside a quoted value is one quote.
 */
function recordStarts(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  let atFieldStart = true;
  let recordHasContent = false;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (atRecordStart) {
      recordLine = line;
      atRecordStart = false;
      recordHasContent = false;
    }
    const fieldStart = atFieldStart;
    atFieldStart = false;
    if (c === '"') {
      if (inQuotes) {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (fieldStart) inQuotes = true;
    }
    if (c === ',' && !inQuotes) atFieldStart = true;
    if (c === '\n') {
      line++;
      if (!inQuotes) {
        if (recordHasContent) out.push(recordLine);
        atRecordStart = true;
        atFieldStart = true;
        continue;
      }
    }
    if (c !== '\n' && c !== '\r' && c !== ' ' && c !== '\t' && c !== ',') recordHasContent = true;
  }
  if (!atRecordStart && recordHasContent) out.push(recordLine);
  return out;
}
