/**
 * The story: prose per locale in src/content/story/<locale>/<reply-id>.md,
 * parsed into typed blocks, with every number, date and policy term written
 * as a directive that is resolved against the data:
 *
 *   {fig:pilot-units}            a figure: value, qualifier and unit, linked to its sentence
 *   {fig:pilot-units|bare}       ... without the unit; |short for the chart form (500+)
 *   {der:contest-certificate-rate}  a derived figure, linked to its formula (|bare: without the unit)
 *   {period:direct-certification}   a figure's period in words (2021年 / 2021)
 *   {event:ningbo-target-2022-12}   an event's date, linked to its sentence
 *   {date:reply}                 the reply's date; {date:2022-06-20} a literal date
 *   {count:commitments}          how many commitments (|deadline |number |neither |with-target)
 *   {term:居住证}                 a glossary term, linked at first use (|other words)
 *   {quote:fig:pilot-units}      the verbatim sentence a figure or commitment (com:) comes from
 *   {meta:delegate}              delegate, proposal-title, proposal-title-zh, proposal-number,
 *                                session, body, title, title-zh, contact (the error-report contact)
 *   {link:commitments|text}      a page of this reply (commitments, source, charts, data)
 *                                or of the site (home, about, glossary)
 *
 * Blocks: paragraphs (blank-line separated), `# heading {#id}` (chapter, h2),
 * `## heading {#id}` (h3), `> quote`, `::headline fig:a der:b ...`,
 * `::chart <chart-id>`, `::promises`, and the step sequence
 * `::steps <name>` / `::step <key>` ... / `::end`.
 *
 * Pure: reads files with fs, imports nothing from astro. An unknown id or a
 * digit typed into the prose is a Problem with file:line:column.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './data/model';
import type { Problem } from './data/problems';
import { DataError } from './data/problems';
import { pick } from './format/pick';
import { resolveBlock } from './story/blocks';
import { inlines } from './story/inlines';
import { makeScope, type Scope } from './story/scope';
import { DIRECTIVE, type Block, type Inline, type RawBlock, type RawStory, type ResolveContext, type Story } from './story/types';

export { SEQUENCES, stepAnchor, storyRoutes, termAnchor, termUseAnchor } from './story/anchors';
export type { Block, HeadlineItem, Inline, PromiseItem, RawBlock, RawInline, RawStory, ResolveContext, Story } from './story/types';

// ---------------------------------------------------------------- raw parse

/** What the parser carries from line to line: the blocks so far and the open ::steps sequence, if any. */
interface ParseState {
  file: string;
  problems: Problem[];
  blocks: RawBlock[];
  steps: Extract<RawBlock, { kind: 'steps' }> | null;
}

/** The front matter between the --- lines: `key: value` each; returns the index of the first body line. */
function frontMatter(lines: string[], file: string, problems: Problem[], meta: RawStory['meta']): number {
  if (lines[0]?.trim() !== '---') return 0;
  let i = 1;
  while (i < lines.length && lines[i]!.trim() !== '---') {
    const m = /^([a-z]+):\s*(.*)$/.exec(lines[i]!);
    if (m) meta[m[1]!] = { value: m[2]!.trim(), line: i + 1 };
    else if (lines[i]!.trim()) problems.push({ file, line: i + 1, message: 'front matter line is not "key: value"', found: lines[i]! });
    i++;
  }
  return i + 1;
}

/** A `::name args` block line at line ln (raw: the line untrimmed). */
function blockLine(st: ParseState, raw: string, line: string, ln: number): void {
  const { file, problems, blocks } = st;
  const [name, ...args] = line.slice(2).trim().split(/\s+/);
  switch (name) {
    case 'headline':
      blocks.push({ kind: 'headline', line: ln, ids: args });
      break;
    case 'chart': {
      // `::chart <id> | one-line takeaway` (the takeaway may hold directives)
      const bar = raw.indexOf('|', raw.indexOf('::chart'));
      const takeaway = bar >= 0 && !/\{[^}]*$/.test(raw.slice(0, bar)) ? raw.slice(bar + 1).trim() : '';
      const id = (bar >= 0 && takeaway ? raw.slice(0, bar) : raw).trim().slice(2).trim().split(/\s+/)[1] ?? '';
      blocks.push({ kind: 'chart', line: ln, id, ...(takeaway ? { takeaway: { col: bar + 2, text: takeaway } } : {}) });
      break;
    }
    case 'promises':
      blocks.push({ kind: 'promises', line: ln });
      break;
    case 'steps':
      st.steps = { kind: 'steps', line: ln, name: args[0] ?? '', steps: [] };
      break;
    case 'step':
      if (!st.steps) problems.push({ file, line: ln, message: '::step outside ::steps', fix: 'open the sequence with "::steps <name>"' });
      else st.steps.steps.push({ key: args[0] ?? '', line: ln, paras: [] });
      break;
    case 'end':
      if (!st.steps) problems.push({ file, line: ln, message: '::end without ::steps' });
      else blocks.push(st.steps);
      st.steps = null;
      break;
    default:
      problems.push({ file, line: ln, message: `unknown block "::${name}"`, expected: 'headline, chart, promises, steps, step or end' });
  }
}

export function parseStory(text: string, file: string, locale: Locale): RawStory {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: Problem[] = [];
  const meta: RawStory['meta'] = {};
  const st: ParseState = { file, problems, blocks: [], steps: null };
  const { blocks } = st;
  const joiner = pick(locale, '', ' ');
  let para: { line: number; parts: string[] } | null = null;
  const flush = () => {
    if (!para) return;
    const text = para.parts.join(joiner);
    if (st.steps) {
      const cur = st.steps.steps[st.steps.steps.length - 1];
      if (!cur) problems.push({ file, line: para.line, message: 'text inside ::steps before the first ::step', fix: 'start each step with "::step <key>"' });
      else cur.paras.push({ line: para.line, text });
    } else blocks.push({ kind: 'para', line: para.line, text });
    para = null;
  };
  for (let i = frontMatter(lines, file, problems, meta); i < lines.length; i++) {
    const ln = i + 1;
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line || line.startsWith('::')) {
      flush();
      if (line) blockLine(st, raw, line, ln);
      continue;
    }
    const h = /^(#{1,2})\s+(.*?)\s*\{#([a-z0-9-]+)\}\s*$/.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', line: ln, level: h[1]!.length === 1 ? 2 : 3, text: h[2]!, id: h[3]! });
      continue;
    }
    if (line.startsWith('#')) {
      problems.push({ file, line: ln, message: 'heading without an id', found: line, fix: 'end the heading with {#some-id} (the same id in both languages)' });
      continue;
    }
    if (line.startsWith('- ')) {
      flush();
      const last = blocks[blocks.length - 1];
      const item = { line: ln, text: line.slice(2).trim() };
      if (last?.kind === 'list' && last.line + last.items.length === ln && !st.steps) last.items.push(item);
      else if (st.steps) problems.push({ file, line: ln, message: 'lists are not allowed inside ::steps' });
      else blocks.push({ kind: 'list', line: ln, items: [item] });
      continue;
    }
    if (line.startsWith('>')) {
      flush();
      blocks.push({ kind: 'quote', line: ln, text: line.replace(/^>\s*/, '') });
      continue;
    }
    if (!para) para = { line: ln, parts: [] };
    para.parts.push(line);
  }
  flush();
  if (st.steps) problems.push({ file, line: st.steps.line, message: '::steps is never closed', fix: 'add a line "::end"' });
  if (problems.length) throw new DataError(problems);
  return { file, meta, blocks };
}

/** Digits typed into prose (outside directives): ASCII and full-width. Each a Problem with line and column. */
export function typedDigits(text: string, file: string): Problem[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Problem[] = [];
  let inFront = lines[0]?.trim() === '---';
  lines.forEach((l, idx) => {
    if (idx > 0 && inFront && l.trim() === '---') {
      inFront = false;
      return;
    }
    // directives, heading ids and block lines (::chart ids may hold digits) are exempt
    if (l.trim().startsWith('::')) {
      const bar = l.trim().startsWith('::chart') ? l.indexOf('|') : -1;
      if (bar < 0) return;
      l = ' '.repeat(bar + 1) + l.slice(bar + 1);
    }
    const stripped = l.replace(DIRECTIVE, (m) => ' '.repeat(m.length)).replace(/\{#[a-z0-9-]+\}/g, (m) => ' '.repeat(m.length));
    const re = /[0-9０-９]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(stripped))) {
      out.push({
        file,
        line: idx + 1,
        column: String(m.index + 1),
        message: 'a number typed into the prose',
        found: m[0],
        expected: 'a directive',
        fix: 'write it as {fig:<id>}, {der:<id>}, {count:...}, {period:<id>} or {date:...} so that it comes from the data',
      });
    }
  });
  return out;
}

// ---------------------------------------------------------------- resolved

const plainText = (xs: Inline[]) => xs.map((x) => x.text + (x.t === 'term' && x.zh ? ` (${x.zh})` : '')).join('');
export const inlineText = plainText;

/** Front matter every story has: title, dek and (unless opts.byline is false) byline. */
function checkFrontMatter(s: Scope, raw: RawStory, opts: { byline?: boolean }): void {
  for (const k of ['title', 'dek', ...(opts.byline === false ? [] : ['byline'])])
    if (!raw.meta[k]) s.problems.push({ file: s.file, line: 1, message: `front matter has no "${k}"`, fix: `add "${k}: ..." between the --- lines` });
}

/** A front-matter line (title, dek) as inlines; none when it is missing. */
const metaInlines = (s: Scope, raw: RawStory, key: string): Inline[] => {
  const m = raw.meta[key];
  return m ? inlines(s, m.value, m.line) : [];
};

/**
 * A parsed story resolved against its reply: every block, then the front
 * matter, then every problem found at once (a DataError), else the story.
 */
export function resolveStory(raw: RawStory, ctx: ResolveContext, opts: { byline?: boolean } = {}): Story {
  const s = makeScope(raw.file, ctx);
  const blocks = raw.blocks.map((b) => resolveBlock(s, b)).filter((b): b is Block => b !== null);
  checkFrontMatter(s, raw, opts);
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
    .map((f) => `fig:${f.id}`)
    .join(' ');
  const lines = [
    '---',
    `title: {meta:title}`,
    `dek: ${pick(locale, '{meta:body}于{date:reply}作出的答复，按数字拆开。', 'The reply by the {meta:body}, dated {date:reply}, number by number.')}`,
    `byline: ${pick(locale, '本站', 'Reply Tracker')}`,
    '---',
    '',
    `::headline ${headline}`,
    '',
    ...(ctx.chartIds.length ? [`# ${pick(locale, '图表', 'Charts')} {#charts}`, ''] : []),
    ...ctx.chartIds.map((c) => `::chart ${c}`),
    '',
    `# ${pick(locale, '答复承诺了什么', 'What the reply promises')} {#promises}`,
    '',
    '::promises',
    '',
    pick(locale, '{link:source|阅读答复全文}', '{link:source|Read the full text of the reply}'),
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
  const digits = typedDigits(text, rel);
  if (digits.length) throw new DataError(digits);
  return resolveStory(parseStory(text, rel, ctx.locale), { ...ctx, charts: [...(ctx.charts ?? []), ...ctx.chartIds] });
}

/**
 * Other prose pages written with the same directives (about/method):
 * src/content/pages/<locale>/<name>.md, resolved against one reply.
 */
export function loadProse(root: string, name: string, ctx: ResolveContext): Story {
  const abs = path.join(root, 'src', 'content', 'pages', ctx.locale, `${name}.md`);
  const rel = path.relative(root, abs);
  const text = fs.readFileSync(abs, 'utf8');
  const digits = typedDigits(text, rel);
  if (digits.length) throw new DataError(digits);
  return resolveStory(parseStory(text, rel, ctx.locale), ctx, { byline: false });
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
