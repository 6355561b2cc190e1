/**
 * The commitments tracker, computed from the data: pure functions, no DOM, no astro.
 * Every count a page shows about commitments comes from here.
 */
import { endOf } from './data/dates';
import { MEASURABLE, STATUSES, type Commitment, type Measurable, type Reply, type StatementKind, type Status, type StatusEntry } from './data/model';

/** Who the responsibility rests on: named by the reply, our reading where it names none, or nobody. */
export const OWNER_KINDS = ['named', 'inferred', 'none'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export function ownerKind(c: Pick<Commitment, 'owner' | 'lead_inferred'>): OwnerKind {
  if (c.owner.trim() !== '') return 'named';
  if (c.lead_inferred.trim() !== '') return 'inferred';
  return 'none';
}

export interface Department {
  zh: string;
  en: string;
  kind: Exclude<OwnerKind, 'none'>;
}

const SPLIT = /[、，,；;]/;

/** The department(s) a commitment rests on: as the reply names them, else our inference (marked as such). */
export function departments(c: Pick<Commitment, 'owner' | 'owner_en' | 'lead_inferred' | 'lead_inferred_en'>): Department[] {
  const kind = ownerKind(c);
  if (kind === 'none') return [];
  const [zh, en] = kind === 'named' ? [c.owner, c.owner_en] : [c.lead_inferred, c.lead_inferred_en];
  const zhs = zh.split(SPLIT).map((s) => s.trim()).filter(Boolean);
  const ens = en.split(/;/).map((s) => s.trim()).filter(Boolean);
  return zhs.map((z, i) => ({ zh: z, en: ens.length === zhs.length ? ens[i]! : zhs.length === 1 ? en.trim() : '', kind }));
}

function countOf<K extends string>(keys: readonly K[], items: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const i of items) out[i] += 1;
  return out;
}

/** A commitment has a number a reviewer can check (alone or with a deadline). */
export const hasNumber = (m: Measurable): boolean => m === 'number' || m === 'both';
/** A commitment has a deadline a reviewer can check (alone or with a number). */
export const hasDeadline = (m: Measurable): boolean => m === 'deadline' || m === 'both';

/** Whether a commitment's deadline has passed by `asOf` (YYYY-MM-DD): 2022-09 is due after 2022-09-30. */
export function isDue(c: Pick<Commitment, 'deadline'>, asOf: string): boolean {
  return c.deadline !== '' && endOf(c.deadline) <= asOf;
}

/** Due by `asOf` with no evidence recorded for the status in force. */
export function dueWithoutEvidence(commitments: readonly Commitment[], asOf: string): Commitment[] {
  return commitments.filter((c) => isDue(c, asOf) && c.current.evidence.trim() === '');
}

/**
 * True when nothing after the reply has been entered: the status log is empty
 * and every status is still not_rated. The page then says so plainly.
 */
export function nothingRecordedYet(reply: Pick<Reply, 'commitments'>): boolean {
  return reply.commitments.every((c) => c.history.length === 0 && c.current.status === 'not_rated');
}

/**
 * Congress classification of handled proposals (代表建议办理结果分类), as a view
 * of our statuses. The reply states no class; this is our mapping, shown as such.
 * D (留作参考, kept for reference) is for suggestions a department did not take
 * up: a commitment is by definition taken up, so no status maps to D.
 */
export const CONGRESS_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type CongressClass = (typeof CONGRESS_CLASSES)[number];
/** The classes' names as congresses write them (shown beside the English, in Chinese). */
export const CONGRESS_CLASS_TERMS: Record<CongressClass, string> = {
  A: '已解决或基本解决',
  B: '正在解决或列入计划解决',
  C: '因条件限制暂时难以解决',
  D: '留作参考',
};
export const CONGRESS_CLASS_OF: Record<Status, CongressClass | null> = {
  not_rated: null,
  kept: 'A',
  partly_kept: 'B',
  in_progress: 'B',
  stalled: 'C',
  not_kept: 'C',
};

export interface DepartmentRow extends Department {
  total: number;
  measurable: Record<Measurable, number>;
  /** Due by asOf with no evidence recorded. */
  dueNoEvidence: number;
  ids: string[];
}

/** The kinds of statement shown apart from the promises, in the order shown. */
export const OTHER_KINDS = ['ongoing', 'done', 'external_target'] as const satisfies readonly Exclude<StatementKind, 'promise'>[];
export type OtherKind = (typeof OTHER_KINDS)[number];

/** One status-log entry, with the statement it is about. */
export interface Update extends StatusEntry {
  commitment: Commitment;
}

/** Every status-log entry of these statements, newest first (same date: later line first). */
export function latestUpdates(statements: readonly Commitment[]): Update[] {
  return statements
    .flatMap((c) => c.history.map((e) => ({ ...e, commitment: c })))
    .sort((a, b) => b.date.localeCompare(a.date) || b.line - a.line);
}

/** An evidence text that is a web address (the whole of it): shown as a link. */
export const evidenceUrl = (evidence: string): string | undefined => {
  const e = evidence.trim();
  return /^https?:\/\/\S+$/.test(e) ? e : undefined;
};

export interface TrackerSummary {
  /** How many promises (rows of kind promise): the reply's commitments. */
  total: number;
  asOf: string;
  byMeasurable: Record<Measurable, number>;
  /** With a number (number or both), with a deadline (deadline or both). */
  withNumber: number;
  withDeadline: number;
  /** With a number or a deadline or both: what a reviewer can hold it to. */
  measurable: number;
  /** Whose status in force rests on evidence. */
  withEvidence: number;
  byOwner: Record<OwnerKind, number>;
  bySection: { section: number; count: number }[];
  byStatus: Record<Status, number>;
  byDepartment: DepartmentRow[];
  due: Commitment[];
  dueNoEvidence: Commitment[];
  logEntries: number;
  nothingRecorded: boolean;
  /** Status-log entries of every statement (promises and the rest), newest first. */
  updates: Update[];
  /** The statements that are not promises, by kind: shown apart, never counted as commitments. */
  others: Record<OtherKind, Commitment[]>;
}

/** Everything the tracker and the brief show, for one reply, as of `asOf` (the build date, passed in). */
export function summarise(reply: Pick<Reply, 'commitments'> & Partial<Pick<Reply, 'statements'>>, asOf: string): TrackerSummary {
  const cs = reply.commitments.filter((c) => c.kind === 'promise');
  const rest = [...(reply.statements ?? []), ...reply.commitments.filter((c) => c.kind !== 'promise')];
  const byMeasurable = countOf(MEASURABLE, cs.map((c) => c.measurable));
  const sections = [...new Set(cs.map((c) => c.section))].sort((a, b) => a - b);
  const deptMap = new Map<string, DepartmentRow>();
  for (const c of cs) {
    for (const d of departments(c)) {
      const key = `${d.kind}:${d.zh}`;
      let row = deptMap.get(key);
      if (!row) {
        row = { ...d, total: 0, measurable: countOf(MEASURABLE, []), dueNoEvidence: 0, ids: [] };
        deptMap.set(key, row);
      }
      row.total += 1;
      row.measurable[c.measurable] += 1;
      if (isDue(c, asOf) && c.current.evidence.trim() === '') row.dueNoEvidence += 1;
      row.ids.push(c.id);
    }
  }
  const byDepartment = [...deptMap.values()].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'named' ? -1 : 1) || b.total - a.total || a.zh.localeCompare(b.zh, 'zh-CN'),
  );
  return {
    total: cs.length,
    asOf,
    byMeasurable,
    withNumber: cs.filter((c) => hasNumber(c.measurable)).length,
    withDeadline: cs.filter((c) => hasDeadline(c.measurable)).length,
    measurable: cs.filter((c) => c.measurable !== 'neither').length,
    withEvidence: cs.filter((c) => c.current.evidence.trim() !== '').length,
    byOwner: countOf(OWNER_KINDS, cs.map(ownerKind)),
    bySection: sections.map((section) => ({ section, count: cs.filter((c) => c.section === section).length })),
    byStatus: countOf(STATUSES, cs.map((c) => c.current.status)),
    byDepartment,
    due: cs.filter((c) => isDue(c, asOf)),
    dueNoEvidence: dueWithoutEvidence(cs, asOf),
    logEntries: cs.reduce((n, c) => n + c.history.length, 0),
    nothingRecorded: nothingRecordedYet({ commitments: cs }),
    updates: latestUpdates([...cs, ...rest]),
    others: Object.fromEntries(OTHER_KINDS.map((k) => [k, rest.filter((c) => c.kind === k)])) as Record<OtherKind, Commitment[]>,
  };
}

export interface Bar<K extends string = string> {
  key: K;
  value: number;
  /** Bar length in chart units (0..width), on a zero baseline. */
  length: number;
  y: number;
}

/** Horizontal bars on a zero baseline, one per key, in the order given. Pure layout: the component draws it. */
export function barLayout<K extends string>(
  counts: Record<K, number>,
  keys: readonly K[],
  opts: { width: number; rowHeight: number; max?: number },
): { bars: Bar<K>[]; height: number; max: number } {
  const max = opts.max ?? Math.max(1, ...keys.map((k) => counts[k]));
  const bars = keys.map((key, i) => ({ key, value: counts[key], length: (counts[key] / max) * opts.width, y: i * opts.rowHeight }));
  return { bars, height: keys.length * opts.rowHeight, max };
}
