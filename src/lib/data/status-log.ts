import fs from 'node:fs';
import path from 'node:path';
import { decodeUtf8, parseCsv } from './csv';
import { STATUS_NAMES } from './vocabulary';
import { isIsoDate } from './dates';
import { STATUSES, STATUSES_NEEDING_EVIDENCE, type Commitment, type Status, type StatusEntry } from './model';
import type { Problem } from './problems';
import { statusLogRow } from './schemas';

/**
 * status-log.csv: every change of a commitment's status, one row each, with
 * its date and evidence. The file is optional (absent = no changes recorded);
 * a header-only file is valid. The latest row for a commitment is its status
 * in force; without one, the status columns of commitments.csv are.
 */
export const STATUS_LOG_FILE = 'status-log.csv';
/** Its columns, in order, from its schema (schemas.ts, which says what each is for). */
export const STATUS_LOG_COLUMNS = Object.keys(statusLogRow.shape) as (keyof typeof statusLogRow.shape)[];

export interface StatusLogContext {
  /** Commitments as loaded from commitments.csv (ids known to the reply). */
  commitmentIds: ReadonlySet<string>;
  /** The reply's date, YYYY-MM-DD: no status can be recorded before it. */
  replyDate: string;
  /** Today, YYYY-MM-DD: no status can be recorded in the future. */
  today: string;
  /** Per commitment id, the status_date (and line) of its commitments.csv row: a later entry cannot predate it. */
  baseline?: ReadonlyMap<string, { date: string; file: string; line: number }>;
}

export interface StatusLogRow extends StatusEntry {
  commitment_id: string;
}

/**
 * The status id a label means, from the status names in both languages (vocabulary.ts)
 * (已兑现 -> kept, "Partly kept" -> partly_kept), for the message that refuses it.
 */
export function statusFromLabel(label: string): Status | undefined {
  const norm = (x: string) => x.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  const want = norm(label);
  if (want === '') return undefined;
  return STATUSES.find((s) => [STATUS_NAMES[s].zh, STATUS_NAMES[s].en].some((l) => norm(l) === want));
}

type Bad = (column: string, message: string, expected: string, fix: string) => void;

/** The row's own columns, each checked alone: an unknown id, a date outside the reply and today, an unknown status, missing evidence or recorder. */
function checkColumns(v: (k: (typeof STATUS_LOG_COLUMNS)[number]) => string, ctx: StatusLogContext, bad: Bad): boolean {
  let ok = true;
  const id = v('commitment_id');
  if (!ctx.commitmentIds.has(id)) {
    ok = false;
    const known = [...ctx.commitmentIds];
    const near = known.find((k) => k.startsWith(id.slice(0, 6)) && id.length > 0);
    bad('commitment_id', 'no commitment has this id', 'an id from the "id" column of commitments.csv', near ? `did you mean "${near}"?` : 'copy the id from commitments.csv');
  }

  const date = v('date');
  if (!isIsoDate(date)) {
    ok = false;
    bad('date', 'not a real date', 'a date as YYYY-MM-DD, e.g. 2023-01-15', 'write the date the status was assessed as YYYY-MM-DD');
  } else if (date < ctx.replyDate) {
    ok = false;
    bad('date', 'the date is before the reply was issued', `${ctx.replyDate} or later`, 'a status records what happened after the reply: use the date it was assessed');
  } else if (date > ctx.today) {
    ok = false;
    bad('date', 'the date is in the future', `${ctx.today} or earlier`, 'record a status only once it has been assessed');
  }

  const status = v('status');
  const known = (STATUSES as readonly string[]).includes(status);
  const meant = known ? undefined : statusFromLabel(status);
  if (meant) {
    ok = false;
    bad('status', `the status is written as its label "${status}"; the file takes the status id`, meant, `write ${meant} (${status} -> ${meant}); the ids are ${STATUSES.join(', ')}`);
  } else if (!known) {
    ok = false;
    bad('status', 'unknown status', `one of ${STATUSES.join(' | ')}`, 'use one of the statuses listed in docs/updating-status.md');
  }

  const evidence = v('evidence');
  if (known && STATUSES_NEEDING_EVIDENCE.includes(status as Status) && evidence === '') {
    ok = false;
    bad('evidence', `status "${status}" needs evidence`, 'a source (document, URL or dated observation) that shows it', 'write the evidence, or use not_rated or in_progress');
  }

  if (v('recorded_by') === '') {
    ok = false;
    bad('recorded_by', 'who recorded the status is missing', 'a name or initials', 'write who assessed and recorded it');
  }
  return ok;
}

/** Parse and check the text of a status-log.csv; every problem names file, line, column, found, expected and fix. */
export function parseStatusLog(text: string, rel: string, ctx: StatusLogContext): { rows: StatusLogRow[]; problems: Problem[] } {
  const { table, problems } = parseCsv(text, rel, STATUS_LOG_COLUMNS);
  if (problems.some((p) => p.line === 1 || p.message.startsWith('the CSV is malformed'))) return { rows: [], problems };
  const rows: StatusLogRow[] = [];
  const lastDate = new Map<string, { date: string; line: number }>();
  /** Every row as written (trimmed), and each commitment-and-date, with the line that first had it. */
  const seenRow = new Map<string, number>();
  const seenDay = new Map<string, { line: number; status: string }>();
  for (const { line, values } of table.rows) {
    const v = (k: (typeof STATUS_LOG_COLUMNS)[number]) => (values[k] ?? '').trim();
    const bad: Bad = (column, message, expected, fix) => problems.push({ file: rel, line, column, message, found: values[column] ?? '', expected, fix });
    const ok = checkColumns(v, ctx, bad);
    const id = v('commitment_id');
    const date = v('date');
    const status = v('status');

    const key = STATUS_LOG_COLUMNS.map((k) => v(k)).join('\u0000');
    const twin = seenRow.get(key);
    if (twin !== undefined) {
      problems.push({ file: rel, line, message: `the row repeats line ${twin} exactly (it would be counted twice)`, found: STATUS_LOG_COLUMNS.map((k) => v(k)).join(','), fix: `delete line ${line}` });
      continue;
    }
    seenRow.set(key, line);
    const day = seenDay.get(`${id}\u0000${date}`);
    if (ok && day) {
      problems.push({
        file: rel,
        line,
        column: 'date',
        message: `line ${day.line} already records "${id}" on ${date} (status ${day.status}); two rows for one commitment on one date leave its status in doubt`,
        found: `${date} ${status}`,
        expected: 'one row per commitment and date',
        fix: `keep one row for ${date}: merge the evidence into line ${day.line} and delete this line, or correct the date`,
      });
      continue;
    }
    if (ok) seenDay.set(`${id}\u0000${date}`, { line, status });
    if (ok && inOrder(id, date, ctx, lastDate, bad)) {
      lastDate.set(id, { date, line });
      rows.push({ commitment_id: id, status: status as Status, date, evidence: v('evidence'), recorded_by: v('recorded_by'), file: rel, line, from: 'log' });
    }
  }
  return { rows, problems };
}

/** A change of status comes after the commitments.csv status it changes and after the commitment's earlier entries. */
function inOrder(id: string, date: string, ctx: StatusLogContext, lastDate: Map<string, { date: string; line: number }>, bad: Bad): boolean {
  const base = ctx.baseline?.get(id);
  if (base && date < base.date) {
    bad('date', `the date is earlier than the status date of "${id}" in ${base.file}:${base.line} (${base.date})`, `${base.date} or later`, 'a change of status comes after the status it changes: check the date');
    return false;
  }
  const prev = lastDate.get(id);
  if (prev && date < prev.date) {
    bad('date', `the date is earlier than the entry for "${id}" on line ${prev.line} (${prev.date})`, `${prev.date} or later`, 'keep the entries of each commitment in date order: move this row above line ' + prev.line);
    return false;
  }
  return true;
}

/** Read `<dir>/status-log.csv` under root (absent: no entries) and attach history and status in force to each commitment. */
export function applyStatusLog(
  root: string,
  dir: string,
  commitments: Commitment[],
  replyDate: string,
  today: string = new Date().toISOString().slice(0, 10),
): Problem[] {
  const problems: Problem[] = [];
  for (const c of commitments) {
    if (c.status_date > today) {
      problems.push({ file: c.current.file, line: c.line, column: 'status_date', message: 'the status date is in the future', found: c.status_date, expected: `${today} or earlier`, fix: 'use the date the status was assessed' });
    }
  }
  const rel = `${dir}/${STATUS_LOG_FILE}`;
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return problems;
  const decoded = decodeUtf8(fs.readFileSync(abs), rel);
  if (decoded.problem) return [...problems, decoded.problem];
  const { rows, problems: logProblems } = parseStatusLog(decoded.text!, rel, {
    commitmentIds: new Set(commitments.map((c) => c.id)),
    replyDate,
    today,
    baseline: new Map(commitments.map((c) => [c.id, { date: c.status_date, file: c.current.file, line: c.line }])),
  });
  for (const c of commitments) {
    c.history = rows.filter((r) => r.commitment_id === c.id).map(({ commitment_id: _, ...e }) => e);
    const last = c.history[c.history.length - 1];
    if (last) c.current = last;
  }
  return [...problems, ...logProblems];
}

/** The status of a commitments.csv row, as an entry. */
export function baseEntry(c: Pick<Commitment, 'status' | 'status_date' | 'evidence' | 'line'>, file: string): StatusEntry {
  return { status: c.status, date: c.status_date, evidence: c.evidence, recorded_by: '', file, line: c.line, from: 'commitments' };
}
