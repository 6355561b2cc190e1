import type { TranslationMark } from './translation';
import type { Qualifier } from './numbers';

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

export interface Figure {
  id: string;
  section: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  measure: Measure;
  period: string;
  scope: Scope;
  label_zh: string;
  label_en: string;
  quote: string;
  note_zh: string;
  note_en: string;
  line: number;
  span: Span;
}

export interface Commitment {
  id: string;
  section: number;
  /** promise (counted), ongoing (continuing practice), done (reported as done), external_target (another government's target). */
  kind: StatementKind;
  text_zh: string;
  text_en: string;
  quote: string;
  owner: string;
  owner_en: string;
  /** Our inference of the lead department where the reply names none: marked as such wherever shown. */
  lead_inferred: string;
  /** ISO date or YYYY-MM, or '' where the reply names none. */
  deadline: string;
  measurable: Measurable;
  status: Status;
  status_date: string;
  evidence: string;
  line: number;
  span: Span;
  /** English name of lead_inferred (our inference too); '' where there is none. */
  lead_inferred_en: string;
  /** Every row of status-log.csv for this commitment, oldest first. */
  history: StatusEntry[];
  /** The status in force: the latest status-log.csv entry, else the row of commitments.csv. */
  current: StatusEntry;
}

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

export interface NotFigure {
  token: string;
  quote: string;
  reason: string;
  line: number;
  span: Span;
}

export type EventKind = 'past' | 'reply' | 'promised';
export interface ReplyEvent {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
  section: number | null;
  kind: EventKind;
  figure: string;
  label_zh: string;
  label_en: string;
  quote: string;
  line: number;
  span: Span;
}

export interface DerivedDef {
  id: string;
  formula: string;
  unit: string;
  label_zh: string;
  label_en: string;
  caveat_zh: string;
  caveat_en: string;
  line: number;
}

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

export interface ReplyMeta {
  id: string;
  title_zh: string;
  title_en: string;
  proposal: {
    number: number;
    session_zh: string;
    session_en: string;
    title_zh: string;
    title_en: string;
    delegate_zh: string;
    delegate_en: string;
  };
  answering_body: Bilingual;
  co_handling: Bilingual[];
  date: string;
  cc: Bilingual[];
  /** Its parts; brief_zh/brief_en: the one-line summary the delegates' brief shows (optional). */
  sections: { n: number; title_zh: string; title_en: string; brief_zh?: string; brief_en?: string }[];
  /** The places its figures cover (scope keys); the first is the reply's own. */
  places: Record<string, Bilingual>;
  /** Units the site's own list lacks: Chinese counter, English singular and plural. */
  units: Record<string, { zh: string; en: [string, string] }>;
  source: {
    file: string;
    original: string;
    language: string;
    kind_zh: string;
    kind_en: string;
    cleaning: { removed: string; occurrences: number; line: number; reason_zh: string; reason_en: string }[];
  };
  translation: { file: string; by_zh: string; by_en: string };
  accessed: string;
  licence: { data: string; data_url: string; source_zh: string; source_en: string };
}

export interface GlossaryTerm {
  id: string;
  term_zh: string;
  term_en: string;
  definition_zh: string;
  definition_en: string;
  line: number;
}

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
}

export interface Dataset {
  replies: Reply[];
  glossary: GlossaryTerm[];
}
