/** The story's types: the parsed file (RawStory) and the resolved one (Story). src/lib/story.ts re-exports them. */
import type { Commitment, GlossaryTerm, Locale, Reply } from '../data/model';

export interface RawInline {
  line: number;
  col: number;
  text: string;
}
export type RawBlock =
  | { kind: 'para'; line: number; text: string }
  | { kind: 'heading'; line: number; level: 2 | 3; text: string; id: string }
  | { kind: 'quote'; line: number; text: string }
  | { kind: 'list'; line: number; items: { line: number; text: string }[] }
  | { kind: 'headline'; line: number; ids: string[] }
  | { kind: 'chart'; line: number; id: string; takeaway?: { col: number; text: string } }
  | { kind: 'promises'; line: number }
  | { kind: 'steps'; line: number; name: string; steps: { key: string; line: number; paras: { line: number; text: string }[] }[] };

export interface RawStory {
  file: string;
  meta: Record<string, { value: string; line: number }>;
  blocks: RawBlock[];
}

/** An inline directive: {name:id} or {name:id|option}. */
export const DIRECTIVE = /\{([a-z]+):([^{}]*)\}/g;

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'num'; kind: 'fig' | 'der' | 'count'; id: string; text: string; href: string; title: string }
  | { t: 'date'; text: string; href?: string }
  | { t: 'term'; id: string; text: string; zh?: string; href?: string; title: string }
  | { t: 'quote'; text: string; href: string; lang: Locale }
  | { t: 'meta'; text: string; lang?: Locale; href?: string }
  | { t: 'link'; text: string; href: string };

export interface HeadlineItem {
  kind: 'fig' | 'der';
  id: string;
  value: string;
  label: string;
  note: string;
  href: string;
}
export interface PromiseItem {
  id: string;
  section: number;
  text: string;
  href: string;
  deadline: string;
  measurable: Commitment['measurable'];
}
export type Block =
  | { kind: 'para'; inlines: Inline[] }
  | { kind: 'heading'; level: 2 | 3; id: string; inlines: Inline[] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'headline'; items: HeadlineItem[] }
  | { kind: 'chart'; id: string; takeaway?: Inline[] }
  | { kind: 'promises'; groups: { section: number; title: string; items: PromiseItem[] }[] }
  | { kind: 'steps'; name: string; steps: { key: string; id: string; paras: Inline[][] }[] };

export interface Story {
  locale: Locale;
  replyId: string;
  file: string | null;
  title: Inline[];
  dek: Inline[];
  byline: string;
  blocks: Block[];
  /** Figure ids the story cites, in order of first mention. */
  cited: string[];
}

export interface ResolveContext {
  reply: Reply;
  glossary: GlossaryTerm[];
  locale: Locale;
  base: string;
  /** Chart ids the story may name: those the chart registry builds for this reply and locale. */
  charts?: readonly string[];
  /** The error-report contact as a link, for {meta:contact} (the site layer passes contactLink()). */
  contact?: { href: string; text: string };
}
