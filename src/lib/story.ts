/**
 * The story: prose per locale in src/content/story/<locale>/<reply-id>.md,
 * Markdown read by remark (src/lib/data/prose.ts: remark-parse,
 * remark-directive, remark-frontmatter + yaml), with every number, date and
 * policy term written as a directive resolved against the data. A directive
 * is `:name{#id}`, `:name{#id option}`, or for term and link `:name[text]{#id}`:
 *
 *   :fig{#pilot-units}              a figure: value, qualifier and unit, linked to its sentence
 *   :fig{#pilot-units bare}         ... without the unit; `short` for the chart form (500+)
 *   :der{#contest-certificate-rate} a derived figure, linked to its formula (`bare`: without the unit)
 *   :period{#direct-certification}  a figure's period in words (2021年 / 2021)
 *   :event{#ningbo-target-2022-12}  an event's date, linked to its sentence (`as-written`, the default)
 *   :date{#reply}                   the reply's date; :date{#2022-06-20} a literal date
 *   :count{#commitments}            how many commitments (`deadline`, `number`, `neither`, `with-target`)
 *   :term{#居住证}                   a glossary term, linked at first use; :term[other words]{#居住证}
 *   :quote{#fig:pilot-units}        the verbatim sentence a figure or commitment (com:) comes from
 *   :meta{#delegate}                delegate, proposal-title, proposal-title-zh, proposal-number,
 *                                   session, body, title, title-zh, contact (the error-report contact)
 *   :link[text]{#commitments}       a page of this reply (commitments, source, charts, data)
 *                                   or of the site (home, about, glossary)
 *
 * Blocks: paragraphs (blank-line separated; a paragraph's lines join with
 * nothing in Chinese, a space in English), `# heading {#id}` (chapter, h2),
 * `## heading {#id}` (h3), `> quote`, `- ` lists,
 * `::headline[:fig{#a} :der{#b} …]`, `::chart{#chart-id}` or
 * `::chart[one-line takeaway]{#chart-id}`, `::promises`, and the step
 * sequence `:::steps{#name}` / `::step{#key}` … / `:::`.
 * Front matter (YAML): title, dek, byline (src/lib/story/front-matter.ts).
 * scripts/convert-story-syntax.mjs rewrites the old `{fig:id|opt}` syntax.
 *
 * Pure: reads files with fs, imports nothing from astro. An unknown id or a
 * digit typed into the prose is a Problem with file:line:column.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Blockquote, Heading, List } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Locale } from './data/model';
import type { Problem } from './data/problems';
import { DataError } from './data/problems';
import { at, directiveUse, parseProse, pointAt, type DirectiveUse, type PhrasingContent, type RootContent } from './data/prose';
import { pick } from './format/pick';
import { resolveBlock } from './story/blocks';
import { frontMatterProblems } from './story/front-matter';
import { inlines } from './story/inlines';
import { makeScope, type Scope } from './story/scope';
import type { Block, Inline, RawBlock, RawStory, RawText, ResolveContext, Story } from './story/types';

export { SEQUENCES, stepAnchor, storyRoutes, termAnchor, termUseAnchor } from './story/anchors';
export type { Block, HeadlineItem, Inline, PromiseItem, RawBlock, RawStory, RawText, ResolveContext, Story } from './story/types';

// ---------------------------------------------------------------- raw parse

/** What the parser needs from block to block: the file, its text, the joiner of a paragraph's lines, the problems. */
interface ParseState {
  file: string;
  text: string;
  joiner: string;
  problems: Problem[];
}

const problemAt = (st: ParseState, n: RootContent | PhrasingContent, message: string, more: Partial<Problem> = {}): null => {
  st.problems.push({ file: st.file, line: at(n).line, message, ...more });
  return null;
};

/** A paragraph's phrasing with its line ends joined as the locale joins lines ('' in Chinese, ' ' in English). */
const joined = (st: ParseState, nodes: PhrasingContent[]): PhrasingContent[] =>
  nodes.map((n) =>
    n.type === 'text' ? { ...n, value: n.value.replace(/[ \t]*\n[ \t]*/g, st.joiner) } : n.type === 'break' ? { type: 'text', value: st.joiner, position: n.position } : n,
  );

/** A block's text: a paragraph's phrasing (joined), or a problem when the node is not a paragraph. */
function paragraphOf(st: ParseState, n: RootContent, where: string): RawText | null {
  if (n.type === 'paragraph') return { line: at(n).line, nodes: joined(st, n.children) };
  return problemAt(st, n, `${where} holds only text`, { found: n.type });
}

/** `# heading {#id}` (h2) or `## heading {#id}` (h3): the id is the last text of the line. */
function heading(st: ParseState, h: Heading): RawBlock | null {
  const nodes = joined(st, h.children);
  const last = nodes[nodes.length - 1];
  const m = last?.type === 'text' ? /\s*\{#([a-z0-9-]+)\}\s*$/.exec(last.value) : null;
  const found = st.text.slice(h.position?.start.offset, h.position?.end.offset);
  if (!m || !last || last.type !== 'text') return problemAt(st, h, 'heading without an id', { found, fix: 'end the heading with {#some-id} (the same id in both languages)' });
  if (h.depth > 2) return problemAt(st, h, 'only # and ## headings', { found, fix: 'use "# " for a chapter, "## " for a section' });
  const text = last.value.slice(0, m.index);
  const kept = text ? [...nodes.slice(0, -1), { ...last, value: text }] : nodes.slice(0, -1);
  return { kind: 'heading', line: at(h).line, level: h.depth === 1 ? 2 : 3, id: m[1]!, nodes: kept };
}

/** `- item` lines: each item one paragraph. */
function list(st: ParseState, l: List): RawBlock | null {
  if (l.ordered) return problemAt(st, l, 'a numbered list', { fix: 'write "- " items (a number in the prose must come from the data)' });
  const items = l.children.map((it) => (it.children.length === 1 ? paragraphOf(st, it.children[0]!, 'a list item') : problemAt(st, it, 'a list item holds one line of text')));
  return items.every((x): x is RawText => x !== null) ? { kind: 'list', line: at(l).line, items } : null;
}

/** `> quote`: one quote block per paragraph. */
const quote = (st: ParseState, q: Blockquote): RawBlock[] =>
  q.children.map((c) => paragraphOf(st, c, 'a quote')).flatMap((p) => (p ? [{ kind: 'quote' as const, ...p }] : []));

/** A directive that takes only an #id: problems for anything else it carries. */
function onlyId(st: ParseState, d: DirectiveUse, label: boolean): void {
  const extra = [...d.options, ...d.other, ...(d.label !== null && !label ? [`[${d.label}]`] : [])];
  if (extra.length) st.problems.push({ file: st.file, line: d.line, column: String(d.col), message: `::${d.name} takes only {#id}${label ? ' and [text]' : ''}`, found: extra.join(' ') });
}

/** `::headline[…]`, `::chart[…]{#id}`, `::promises`; `::step` belongs in `:::steps`. */
function leaf(st: ParseState, d: LeafDirective): RawBlock | null {
  const use = directiveUse(d);
  const { line, col } = use;
  switch (d.name) {
    case 'headline': {
      const items = d.children.flatMap((c): DirectiveUse[] => {
        if (c.type === 'textDirective') return [directiveUse(c)];
        if (c.type === 'text' && !c.value.trim()) return [];
        problemAt(st, c, 'a ::headline holds only :fig{#id} and :der{#id}', { column: String(at(c).col), found: 'value' in c ? c.value : c.type });
        return [];
      });
      return { kind: 'headline', line, items };
    }
    case 'chart':
      onlyId(st, { ...use, label: null }, true);
      return { kind: 'chart', line, col, id: use.id, ...(d.children.length ? { takeaway: joined(st, d.children) } : {}) };
    case 'promises':
      onlyId(st, use, false);
      return { kind: 'promises', line };
    case 'step':
      return problemAt(st, d, '::step outside :::steps', { fix: 'open the sequence with ":::steps{#name}" and close it with ":::"' });
    default:
      return problemAt(st, d, `unknown block "::${d.name}"`, { expected: 'headline, chart, promises, or a :::steps sequence' });
  }
}

/** `:::steps{#name}` … `:::`, each step opened by `::step{#key}` and holding paragraphs. */
function steps(st: ParseState, c: ContainerDirective): RawBlock | null {
  if (c.name !== 'steps') return problemAt(st, c, `unknown block ":::${c.name}"`, { expected: 'steps' });
  const use = directiveUse(c);
  onlyId(st, use, false);
  const endLine = st.text.split('\n')[(c.position?.end.line ?? 1) - 1] ?? '';
  if (!/^\s*:{3,}\s*$/.test(endLine)) problemAt(st, c, ':::steps is never closed', { fix: 'add a line ":::"' });
  const out: Extract<RawBlock, { kind: 'steps' }> = { kind: 'steps', line: use.line, col: use.col, name: use.id, steps: [] };
  for (const n of c.children) {
    if (n.type === 'paragraph' && n.data?.directiveLabel) continue;
    const cur = out.steps[out.steps.length - 1];
    if (n.type === 'leafDirective' && n.name === 'step') {
      const s = directiveUse(n);
      onlyId(st, s, false);
      out.steps.push({ key: s.id, line: s.line, col: s.col, paras: [] });
    } else if (n.type === 'list') problemAt(st, n, 'lists are not allowed inside :::steps');
    else if (!cur) problemAt(st, n, 'text inside :::steps before the first ::step', { fix: 'start each step with "::step{#key}"' });
    else {
      const p = paragraphOf(st, n, 'a step');
      if (p) cur.paras.push(p);
    }
  }
  return out;
}

/** One top-level mdast block as the story's blocks. */
function block(st: ParseState, n: RootContent): RawBlock[] {
  const one = (b: RawBlock | null) => (b ? [b] : []);
  switch (n.type) {
    case 'paragraph':
      return [{ kind: 'para', line: at(n).line, nodes: joined(st, n.children) }];
    case 'heading':
      return one(heading(st, n));
    case 'list':
      return one(list(st, n));
    case 'blockquote':
      return quote(st, n);
    case 'leafDirective':
      return one(leaf(st, n));
    case 'containerDirective':
      return one(steps(st, n));
    default:
      problemAt(st, n, `Markdown the story does not use (${n.type})`, { fix: 'write paragraphs, # headings, - lists, > quotes and directives' });
      return [];
  }
}

/** Directives in the syntax before remark ({fig:id|opt}), which remark would read as text and stray directives. */
function oldSyntax(st: ParseState): void {
  for (const m of st.text.matchAll(/\{([a-z]+):[^{}\n]*\}/g)) {
    const p = pointAt(st.text, m.index);
    st.problems.push({ file: st.file, line: p.line, column: String(p.col), message: 'a directive in the old syntax', found: m[0], expected: ':name{#id}, :name{#id option} or :term[text]{#id}', fix: 'run node scripts/convert-story-syntax.mjs on the file' });
  }
}

export function parseStory(text: string, file: string, locale: Locale): RawStory {
  const src = text.replace(/\r\n?/g, '\n');
  const st: ParseState = { file, text: src, joiner: pick(locale, '', ' '), problems: [] };
  oldSyntax(st);
  if (st.problems.length) throw new DataError(st.problems);
  const { front, blocks, problems: syntax } = parseProse(src);
  for (const p of syntax) st.problems.push({ file, line: p.line, column: String(p.col), message: p.message, ...(p.fix ? { fix: p.fix } : {}) });
  const out = blocks.flatMap((n) => block(st, n));
  const meta = Object.fromEntries(Object.entries(front).map(([k, v]) => [k, { ...v, nodes: joined(st, v.nodes) }]));
  if (st.problems.length) throw new DataError(st.problems);
  return { file, meta, blocks: out };
}

/** Digits typed into prose (outside directives' ids and options): ASCII and full-width. Each a Problem with line and column. */
export function typedDigits(text: string, file: string): Problem[] {
  const src = text.replace(/\r\n?/g, '\n');
  const { front, blocks } = parseProse(src);
  const out: Problem[] = [];
  const scan = (n: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if (n.type === 'text' && n.position) {
      const start = n.position.start.offset ?? 0;
      // a heading's {#id} is no number in the prose
      const slice = src.slice(start, n.position.end.offset).replace(/\{#[a-z0-9-]+\}/g, (m) => ' '.repeat(m.length));
      for (const m of slice.matchAll(/[0-9０-９]+/g)) {
        const p = pointAt(src, start + m.index);
        out.push({
          file,
          line: p.line,
          column: String(p.col),
          message: 'a number typed into the prose',
          found: m[0],
          expected: 'a directive',
          fix: 'write it as :fig{#id}, :der{#id}, :count{#…}, :period{#id} or :date{#…} so that it comes from the data',
        });
      }
    }
    for (const c of n.children ?? []) scan(c as typeof n);
  };
  for (const v of Object.values(front)) v.nodes.forEach(scan);
  blocks.forEach(scan);
  return out;
}

// ---------------------------------------------------------------- resolved

const plainText = (xs: Inline[]) => xs.map((x) => x.text + (x.t === 'term' && x.zh ? ` (${x.zh})` : '')).join('');
export const inlineText = plainText;

/** A front-matter value (title, dek) as inlines; none when it is missing. */
const metaInlines = (s: Scope, raw: RawStory, key: string): Inline[] => {
  const m = raw.meta[key];
  return m ? inlines(s, m.nodes) : [];
};

/**
 * A parsed story resolved against its reply: every block, then the front
 * matter, then every problem found at once (a DataError), else the story.
 */
export function resolveStory(raw: RawStory, ctx: ResolveContext, opts: { byline?: boolean } = {}): Story {
  const s = makeScope(raw.file, ctx);
  const blocks = raw.blocks.map((b) => resolveBlock(s, b)).filter((b): b is Block => b !== null);
  s.problems.push(...frontMatterProblems(raw, opts));
  const title = metaInlines(s, raw, 'title');
  const dek = metaInlines(s, raw, 'dek');
  if (s.problems.length) throw new DataError(s.problems);
  return { locale: ctx.locale, replyId: ctx.reply.id, file: raw.file, title, dek, byline: raw.meta.byline?.value ?? '', blocks, cited: s.cited };
}

// ---------------------------------------------------------------- fallback and loading

/** A story for a reply nobody has written up yet: headline figures, every chart, the commitments. */
export function fallbackStory(ctx: ResolveContext & { chartIds: readonly string[] }): Story {
  const { reply, locale } = ctx;
  const headline = reply.figures
    .filter((f) => f.measure !== 'threshold')
    .slice(0, 4)
    .map((f) => `:fig{#${f.id}}`)
    .join(' ');
  const lines = [
    '---',
    `title: :meta{#title}`,
    `dek: ${pick(locale, ':meta{#body}于:date{#reply}作出的答复，按数字拆开。', 'The reply by the :meta{#body}, dated :date{#reply}, number by number.')}`,
    `byline: ${pick(locale, '本站', 'Reply Tracker')}`,
    '---',
    '',
    `::headline[${headline}]`,
    '',
    ...(ctx.chartIds.length ? [`# ${pick(locale, '图表', 'Charts')} {#charts}`, ''] : []),
    ...ctx.chartIds.map((c) => `::chart{#${c}}`),
    '',
    `# ${pick(locale, '答复承诺了什么', 'What the reply promises')} {#promises}`,
    '',
    '::promises',
    '',
    pick(locale, ':link[阅读答复全文]{#source}', ':link[Read the full text of the reply]{#source}'),
  ];
  const raw = parseStory(lines.join('\n'), `(generated story for ${reply.id})`, locale);
  return { ...resolveStory(raw, { ...ctx, charts: [...(ctx.charts ?? []), ...ctx.chartIds] }), file: null };
}

export const storyFile = (root: string, locale: Locale, replyId: string) => path.join(root, 'src', 'content', 'story', locale, `${replyId}.md`);

/** The story for a reply in a locale: the written one if it exists (checked for typed digits), else the generated one. */
export function loadStory(root: string, ctx: ResolveContext & { chartIds: readonly string[] }): Story {
  const abs = storyFile(root, ctx.locale, ctx.reply.id);
  if (!fs.existsSync(abs)) return fallbackStory(ctx);
  const rel = path.relative(root, abs);
  const text = fs.readFileSync(abs, 'utf8');
  const raw = parseStory(text, rel, ctx.locale);
  const digits = typedDigits(text, rel);
  if (digits.length) throw new DataError(digits);
  return resolveStory(raw, { ...ctx, charts: [...(ctx.charts ?? []), ...ctx.chartIds] });
}

/**
 * Other prose pages written with the same directives (about/method):
 * src/content/pages/<locale>/<name>.md, resolved against one reply.
 */
export function loadProse(root: string, name: string, ctx: ResolveContext): Story {
  const abs = path.join(root, 'src', 'content', 'pages', ctx.locale, `${name}.md`);
  const rel = path.relative(root, abs);
  const text = fs.readFileSync(abs, 'utf8');
  const raw = parseStory(text, rel, ctx.locale);
  const digits = typedDigits(text, rel);
  if (digits.length) throw new DataError(digits);
  return resolveStory(raw, ctx, { byline: false });
}

/** Every inline of a story, title to last block. */
export function storyInlines(s: Story): Inline[] {
  const out: Inline[] = [...s.title, ...s.dek];
  for (const b of s.blocks) {
    if (b.kind === 'para' || b.kind === 'heading' || b.kind === 'quote') out.push(...b.inlines);
    if (b.kind === 'list') b.items.forEach((i) => out.push(...i));
    if (b.kind === 'steps') b.steps.forEach((st) => st.paras.forEach((p) => out.push(...p)));
  }
  return out;
}

/** Glossary ids a story links (at their first use). */
export const termsUsed = (s: Story): string[] => storyInlines(s).flatMap((x) => (x.t === 'term' && x.href ? [x.id] : []));
