/** The story's types: the parsed file (RawStory) and the resolved one (Story). src/lib/story.ts re-exports them. */
import type { Commitment, GlossaryTerm, Locale, Reply } from '../data/model';
import type { DirectiveUse, FrontValue, PhrasingContent } from '../data/prose';

/** A run of prose as parsed (mdast phrasing: text and text directives), and its line. */
export interface RawText {
  line: number;
  nodes: PhrasingContent[];
}
export type RawBlock =
  | ({ kind: 'para' } & RawText)
  | ({ kind: 'heading'; level: 2 | 3; id: string } & RawText)
  | ({ kind: 'quote' } & RawText)
  | { kind: 'list'; line: number; items: RawText[] }
  | { kind: 'headline'; line: number; items: DirectiveUse[] }
  | { kind: 'chart'; line: number; col: number; id: string; takeaway?: PhrasingContent[] }
  | { kind: 'promises'; line: number }
  | { kind: 'steps'; line: number; col: number; name: string; steps: { key: string; line: number; col: number; paras: RawText[] }[] };

export interface RawStory {
  file: string;
  /** The front matter: each key's value (YAML), with where it starts and its phrasing nodes. */
  meta: Record<string, FrontValue>;
  blocks: RawBlock[];
}

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
  /** The error-report contact as a link, for :meta{#contact} (the site layer passes contactLink()). */
  contact?: { href: string; text: string };
}
