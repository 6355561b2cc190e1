import type { TranslationMark } from './translation';
import type { z } from 'zod';
import type { commitmentRow, derivedRow, eventRow, figureRow, glossaryRow, notFigureRow, replyJson } from './schemas';

/**
 * The typed model. Each row type is what its schema (schemas.ts) reads from the
 * CSV or JSON (z.infer), plus what the loader adds: the file line and where the
 * quote sits in the source. A column is declared once, in its schema.
 */

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A place key: one of the reply's `places` in reply.json. */
export type Scope = string;

/** What kind of number a figure is: a change is never a total; a target is not an achievement. */
export const MEASURES = ['count', 'flow', 'change', 'share', 'cumulative', 'annual_average', 'target', 'threshold'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURABLE = ['number', 'deadline', 'both', 'neither'] as const;
export type Measurable = (typeof MEASURABLE)[number];

/**
 * What a commitments.csv row is: only `promise` rows are the reply's commitments and are counted;
 * the others are shown apart, labelled as what they are.
 */
export const STATEMENT_KINDS = ['promise', 'ongoing', 'done', 'external_target'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Promise-tracker ratings; every status other than not_rated and in_progress needs evidence. */
export const STATUSES = ['not_rated', 'in_progress', 'stalled', 'kept', 'partly_kept', 'not_kept'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUSES_NEEDING_EVIDENCE: readonly Status[] = ['kept', 'partly_kept', 'not_kept', 'stalled'];

/** Where a quote sits in source.zh.txt. */
export interface Span {
  start: number;
  end: number;
  /** 1-based paragraph number (non-empty lines of the source). */
  paragraph: number;
}

export type Figure = z.infer<typeof figureRow> & { line: number; span: Span };
export type Commitment = z.infer<typeof commitmentRow> & {
  line: number;
  span: Span;
  /** Every row of status-log.csv for this commitment, oldest first. */
  history: StatusEntry[];
  /** The status in force: the latest status-log.csv entry, else the row of commitments.csv. */
  current: StatusEntry;
};
/** One recorded status: from status-log.csv, or the status columns of commitments.csv. */
export interface StatusEntry {
  status: Status;
  /** YYYY-MM-DD */
  date: string;
  evidence: string;
  /** Who recorded it; '' for the commitments.csv row. */
  recorded_by: string;
  /** Where it was recorded: path relative to the project root, and 1-based line. */
  file: string;
  line: number;
  from: 'log' | 'commitments';
}

export type NotFigure = z.infer<typeof notFigureRow> & { line: number; span: Span };
export type ReplyEvent = z.infer<typeof eventRow> & { line: number; span: Span };
export type EventKind = ReplyEvent['kind'];
export type DerivedDef = z.infer<typeof derivedRow> & { line: number };
export interface Paragraph {
  n: number;
  /** Offset of the paragraph's first character in source.zh.txt. */
  start: number;
  text: string;
  /** Our English translation, its marks removed. */
  en: string;
  /** The English words of the paragraph's figures and commitments (src/lib/data/translation.ts), offsets into `en`. */
  enMarks: TranslationMark[];
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** reply.json as its schema reads it: proposal, bodies, date, parts (sections), places, units, source, translation, licence. */
export type ReplyMeta = z.infer<typeof replyJson>;
export type GlossaryTerm = z.infer<typeof glossaryRow> & { line: number };
export interface Reply {
  id: string;
  /** Folder, relative to the project root. */
  dir: string;
  meta: ReplyMeta;
  source: string;
  paragraphs: Paragraph[];
  figures: Figure[];
  /** The rows of commitments.csv whose kind is promise: the reply's commitments, the only ones counted. */
  commitments: Commitment[];
  /** The other rows of commitments.csv (ongoing, done, external_target), in file order: shown apart, never counted as commitments. */
  statements: Commitment[];
  notFigures: NotFigure[];
  events: ReplyEvent[];
  derivedDefs: DerivedDef[];
  /** The charts the folder declares in charts.json, if it has one (src/lib/data/charts-schema.ts). */
  charts?: import('./charts-schema').ChartDecl[];
  /** The reply's own words for what pages say about it, from copy.json if it has one (src/lib/data/copy-schema.ts). */
  copy?: import('./copy-schema').ReplyCopy;
  /** Chinese words no line breaks inside (src/lib/data/words.ts): the reply's own, with the glossary's terms once the dataset is loaded. */
  keep?: string[];
}

export interface Dataset {
  replies: Reply[];
  glossary: GlossaryTerm[];
}
