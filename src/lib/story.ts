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
import type { Commitment, Figure, GlossaryTerm, Locale, Reply } from './data/model';
import type { Problem } from './data/problems';
import { DataError } from './data/problems';
import { derivedFigures, type Derived } from './derived';
import { formatDerivedValue } from './format/derived';
import { formatValue, figureLabel } from './format/figure';
import { figureQuotes, formatDate, formatPeriod, formatWrittenDate } from './format/date';
import { formatNumber } from './format/number';
import { anchors, pagePath, routes } from './paths';
import { pick } from './format/pick';

/** The glossary route (paths.ts holds it; kept under this name for the story's callers). */
export const storyRoutes = { glossary: routes.glossary } as const;
export const termAnchor = (id: string) => `term-${id}`;
export const stepAnchor = (seq: string, key: string) => `step-${seq}-${key}`;
/** Where a term is first used in a story (the glossary links back to it). */
export const termUseAnchor = (id: string) => `use-${id}`;

/** Step sequences the story can hold, with the keys of their steps in order. */
export const SEQUENCES: Record<string, readonly string[]> = {
  housing: ['target', 'pilot', 'compare', 'subsidy'],
};

// ---------------------------------------------------------------- raw parse

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

const DIRECTIVE = /\{([a-z]+):([^{}]*)\}/g;

export function parseStory(text: string, file: string, locale: Locale): RawStory {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: Problem[] = [];
  const meta: RawStory['meta'] = {};
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = 1;
    while (i < lines.length && lines[i]!.trim() !== '---') {
      const m = /^([a-z]+):\s*(.*)$/.exec(lines[i]!);
      if (m) meta[m[1]!] = { value: m[2]!.trim(), line: i + 1 };
      else if (lines[i]!.trim()) problems.push({ file, line: i + 1, message: 'front matter line is not "key: value"', found: lines[i]! });
      i++;
    }
    i++;
  }
  const joiner = pick(locale, '', ' ');
  const blocks: RawBlock[] = [];
  let para: { line: number; parts: string[] } | null = null;
  let steps: Extract<RawBlock, { kind: 'steps' }> | null = null;
  const flush = () => {
    if (!para) return;
    const text = para.parts.join(joiner);
    if (steps) {
      const cur = steps.steps[steps.steps.length - 1];
      if (!cur) problems.push({ file, line: para.line, message: 'text inside ::steps before the first ::step', fix: 'start each step with "::step <key>"' });
      else cur.paras.push({ line: para.line, text });
    } else blocks.push({ kind: 'para', line: para.line, text });
    para = null;
  };
  for (; i < lines.length; i++) {
    const ln = i + 1;
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (line.startsWith('::')) {
      flush();
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
          steps = { kind: 'steps', line: ln, name: args[0] ?? '', steps: [] };
          break;
        case 'step':
          if (!steps) problems.push({ file, line: ln, message: '::step outside ::steps', fix: 'open the sequence with "::steps <name>"' });
          else steps.steps.push({ key: args[0] ?? '', line: ln, paras: [] });
          break;
        case 'end':
          if (!steps) problems.push({ file, line: ln, message: '::end without ::steps' });
          else blocks.push(steps);
          steps = null;
          break;
        default:
          problems.push({ file, line: ln, message: `unknown block "::${name}"`, expected: 'headline, chart, promises, steps, step or end' });
      }
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
      if (last?.kind === 'list' && last.line + last.items.length === ln && !steps) last.items.push(item);
      else if (steps) problems.push({ file, line: ln, message: 'lists are not allowed inside ::steps' });
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
  if (steps) problems.push({ file, line: steps.line, message: '::steps is never closed', fix: 'add a line "::end"' });
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

const plainText = (xs: Inline[]) => xs.map((x) => x.text + (x.t === 'term' && x.zh ? ` (${x.zh})` : '')).join('');
export const inlineText = plainText;

export function resolveStory(raw: RawStory, ctx: ResolveContext, opts: { byline?: boolean } = {}): Story {
  const { reply, glossary, locale, base } = ctx;
  const file = raw.file;
  const problems: Problem[] = [];
  const figs = new Map(reply.figures.map((f) => [f.id, f]));
  const coms = new Map([...reply.commitments, ...reply.statements].map((c) => [c.id, c]));
  const events = new Map(reply.events.map((e) => [e.id, e]));
  const derived = new Map(derivedFigures(reply).map((d) => [d.id, d]));
  const charts = new Set<string>(ctx.charts ?? []);
  const source = pagePath(base, locale, routes.source(reply.id));
  const home = pagePath(base, locale, routes.home);
  const glossaryHref = pagePath(base, locale, storyRoutes.glossary);
  const usedTerms = new Set<string>();
  const cited: string[] = [];
  const cite = (id: string) => {
    if (!cited.includes(id)) cited.push(id);
  };
  const figHref = (id: string) => `${source}#${anchors.figure(id)}`;
  // derived figures are listed, with formulas, in the table on the reply's data page
  const derHref = (id: string) => `${pagePath(base, locale, routes.data(reply.id))}#${anchors.derived(id)}`;
  const unknown = (line: number, col: number, what: string, found: string, known: string[]) =>
    problems.push({
      file,
      line,
      column: String(col),
      message: `unknown ${what}`,
      found,
      expected: known.length > 12 ? `one of ${known.slice(0, 12).join(', ')}, …` : `one of ${known.join(', ')}`,
      fix: `use an id from the data, or add the ${what.split(' ')[0]} to data/`,
    });

  const figNum = (f: Figure, opt: string): Inline => {
    cite(f.id);
    const text =
      opt === 'bare'
        ? formatValue(f, locale, { unit: false })
        : opt === 'short'
          ? formatValue(f, locale, { style: 'short' })
          : formatValue(f, locale);
    return { t: 'num', kind: 'fig', id: f.id, text, href: figHref(f.id), title: figureLabel(f, locale) };
  };
  const derNum = (d: Derived, opt = ''): Inline => ({
    t: 'num',
    kind: 'der',
    id: d.id,
    text: formatDerivedValue(d, locale, { unit: opt !== 'bare' }),
    href: derHref(d.id),
    title: figureLabel(d.def, locale),
  });

  const COUNTS: Record<string, (c: Commitment) => boolean> = {
    '': () => true,
    deadline: (c) => c.deadline !== '',
    number: (c) => c.measurable === 'number' || c.measurable === 'both',
    neither: (c) => c.measurable === 'neither',
    'with-target': (c) => c.measurable !== 'neither',
  };
  const META: Record<string, () => Inline> = {
    delegate: () => ({ t: 'meta', text: pick(locale, reply.meta.proposal.delegate_zh, reply.meta.proposal.delegate_en) }),
    'proposal-title': () => ({ t: 'meta', text: pick(locale, reply.meta.proposal.title_zh, reply.meta.proposal.title_en) }),
    'proposal-title-zh': () => ({ t: 'meta', text: reply.meta.proposal.title_zh, lang: pick(locale, undefined, 'zh-CN') }),
    // the number is in the reply's title, its first paragraph
    'proposal-number': () => ({ t: 'meta', text: formatNumber(reply.meta.proposal.number, locale, { wan: false }), href: `${source}#${anchors.paragraph(1)}` }),
    session: () => ({ t: 'meta', text: pick(locale, reply.meta.proposal.session_zh, reply.meta.proposal.session_en), href: `${source}#${anchors.paragraph(1)}` }),
    body: () => ({ t: 'meta', text: pick(locale, reply.meta.answering_body.zh, reply.meta.answering_body.en) }),
    title: () => ({ t: 'meta', text: pick(locale, reply.meta.title_zh, reply.meta.title_en) }),
    'title-zh': () => ({ t: 'meta', text: reply.meta.title_zh, lang: pick(locale, undefined, 'zh-CN') }),
    licence: () => ({ t: 'meta', text: reply.meta.licence.data.replace(/-/g, ' ') }),
    'source-kind': () => ({ t: 'meta', text: pick(locale, reply.meta.source.kind_zh, reply.meta.source.kind_en) }),
    translation: () => ({ t: 'meta', text: pick(locale, reply.meta.translation.by_zh, reply.meta.translation.by_en) }),
    // where to report an error: site.config.mjs (ERROR_CONTACT)
    contact: () => {
      if (!ctx.contact) throw new Error('{meta:contact} needs the contact: pass contact (contactLink() of src/lib/site.ts) in the story context');
      return { t: 'meta', text: ctx.contact.text, href: ctx.contact.href };
    },
  };
  const LINKS: Record<string, string> = {
    commitments: pagePath(base, locale, routes.commitments(reply.id)),
    source,
    charts: pagePath(base, locale, routes.charts(reply.id)),
    data: pagePath(base, locale, routes.data(reply.id)),
    home,
    figures: `${pagePath(base, locale, routes.data(reply.id))}#figures-${reply.id}`,
    about: pagePath(base, locale, routes.about),
    glossary: glossaryHref,
  };

  const directive = (name: string, arg: string, line: number, col: number): Inline | null => {
    const [id = '', opt = ''] = arg.split('|').map((s) => s.trim());
    switch (name) {
      case 'fig': {
        const f = figs.get(id);
        if (!f) return unknown(line, col, 'figure id', id, [...figs.keys()]), null;
        if (!['', 'bare', 'short'].includes(opt)) return unknown(line, col, 'figure option', opt, ['bare', 'short']), null;
        return figNum(f, opt);
      }
      case 'der': {
        const d = derived.get(id);
        if (!d) return unknown(line, col, 'derived-figure id', id, [...derived.keys()]), null;
        if (!['', 'bare'].includes(opt)) return unknown(line, col, 'derived-figure option', opt, ['bare']), null;
        return derNum(d, opt);
      }
      case 'period': {
        const f = figs.get(id);
        if (!f) return unknown(line, col, 'figure id', id, [...figs.keys()]), null;
        cite(f.id);
        return { t: 'date', text: formatPeriod(f.period, locale, f.measure, figureQuotes(reply, f)), href: figHref(f.id) };
      }
      case 'event': {
        const e = events.get(id);
        if (!e) return unknown(line, col, 'event id', id, [...events.keys()]), null;
        if (!['', 'as-written'].includes(opt)) return unknown(line, col, 'event option', opt, ['as-written']), null;
        // the date as the reply writes it (2022年秋季学期, 2022年底), read from the event's own sentence
        return { t: 'date', text: formatWrittenDate(e.date, locale, [e.quote]), href: `${source}#${anchors.event(e.id)}` };
      }
      case 'date': {
        if (id === 'reply') {
          const e = reply.events.find((x) => x.kind === 'reply');
          return { t: 'date', text: formatDate(reply.meta.date, locale), href: e ? `${source}#${anchors.event(e.id)}` : source };
        }
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(id)) return unknown(line, col, 'date', id, ['reply', 'YYYY', 'YYYY-MM', 'YYYY-MM-DD']), null;
        return { t: 'date', text: formatDate(id, locale) };
      }
      case 'count': {
        const OTHER: Record<string, [number, string]> = {
          figures: [reply.figures.length, `${pagePath(base, locale, routes.data(reply.id))}#figures-${reply.id}`],
          derived: [reply.derivedDefs.length, `${pagePath(base, locale, routes.data(reply.id))}#derived-${reply.id}`],
          'not-figures': [reply.notFigures.length, `${pagePath(base, locale, routes.about)}#method`],
          glossary: [glossary.length, glossaryHref],
          paragraphs: [reply.paragraphs.length, source],
        };
        const o = OTHER[id];
        if (o) return { t: 'num', kind: 'count', id, text: formatNumber(o[0], locale), href: o[1], title: '' };
        const test = COUNTS[id === 'commitments' ? opt : '\u0000'];
        if (!test) return unknown(line, col, 'count', arg, [...Object.keys(OTHER), 'commitments', ...Object.keys(COUNTS).filter(Boolean).map((k) => `commitments|${k}`)]), null;
        const n = reply.commitments.filter(test).length;
        return { t: 'num', kind: 'count', id: `commitments${opt ? '-' + opt : ''}`, text: formatNumber(n, locale), href: `${source}#commitments-key`, title: '' };
      }
      case 'term': {
        const g = glossary.find((x) => x.term_zh === id || x.id === id);
        if (!g) return unknown(line, col, 'glossary term', id, glossary.map((x) => x.term_zh)), null;
        const first = !usedTerms.has(g.id);
        usedTerms.add(g.id);
        const title = pick(locale, g.term_zh, g.term_en);
        if (!first) return { t: 'term', id: g.id, text: opt || pick(locale, g.term_zh, g.term_en), title };
        return { t: 'term', id: g.id, text: opt || pick(locale, g.term_zh, g.term_en), zh: pick(locale, undefined, g.term_zh), href: `${glossaryHref}#${termAnchor(g.id)}`, title };
      }
      case 'quote': {
        const [kind, qid = ''] = id.split(':');
        if (kind === 'fig') {
          const f = figs.get(qid);
          if (!f) return unknown(line, col, 'figure id', qid, [...figs.keys()]), null;
          cite(f.id);
          return { t: 'quote', text: f.quote, href: figHref(f.id), lang: 'zh-CN' };
        }
        if (kind === 'com') {
          const c = coms.get(qid);
          if (!c) return unknown(line, col, 'commitment id', qid, [...coms.keys()]), null;
          return { t: 'quote', text: c.quote, href: `${source}#${anchors.commitment(c.id)}`, lang: 'zh-CN' };
        }
        return unknown(line, col, 'quote kind', id, ['fig:<id>', 'com:<id>']), null;
      }
      case 'meta': {
        const m = META[id];
        if (!m) return unknown(line, col, 'meta field', id, Object.keys(META)), null;
        return m();
      }
      case 'link': {
        const href = LINKS[id];
        if (!href) return unknown(line, col, 'link target', id, Object.keys(LINKS)), null;
        return { t: 'link', text: opt || id, href };
      }
      default:
        unknown(line, col, 'directive', name, ['fig', 'der', 'period', 'event', 'date', 'count', 'term', 'quote', 'meta', 'link']);
        return null;
    }
  };

  const inlines = (text: string, line: number): Inline[] => {
    const out: Inline[] = [];
    let pos = 0;
    for (const m of text.matchAll(DIRECTIVE)) {
      if (m.index! > pos) out.push({ t: 'text', text: text.slice(pos, m.index) });
      const r = directive(m[1]!, m[2]!, line, m.index! + 1);
      if (r) out.push(r);
      pos = m.index! + m[0].length;
    }
    if (pos < text.length) out.push({ t: 'text', text: text.slice(pos) });
    const stray = /[{}]/.exec(text.replace(DIRECTIVE, ''));
    if (stray) problems.push({ file, line, message: 'a brace that is not part of a directive', found: text.slice(0, 60), fix: 'write directives as {name:id}' });
    return out;
  };

  const headlineItem = (ref: string, line: number): HeadlineItem | null => {
    const [kind, id = ''] = ref.includes(':') ? ref.split(':') : ['fig', ref];
    if (kind === 'fig') {
      const f = figs.get(id);
      if (!f) return unknown(line, 1, 'figure id', id, [...figs.keys()]), null;
      cite(f.id);
      return {
        kind: 'fig',
        id,
        // in words, never the chart shorthand: 不少于13万 / at least 130,000
        value: formatValue(f, locale, { unit: f.unit === 'percent' }),
        label: figureLabel(f, locale),
        note: pick(locale, f.note_zh, f.note_en),
        href: figHref(id),
      };
    }
    if (kind === 'der') {
      const d = derived.get(id);
      if (!d) return unknown(line, 1, 'derived-figure id', id, [...derived.keys()]), null;
      return { kind: 'der', id, value: formatDerivedValue(d, locale), label: figureLabel(d.def, locale), note: pick(locale, d.def.caveat_zh, d.def.caveat_en), href: derHref(id) };
    }
    return unknown(line, 1, 'headline item', ref, ['fig:<id>', 'der:<id>']), null;
  };

  const promises = (): Extract<Block, { kind: 'promises' }> => ({
    kind: 'promises',
    groups: reply.meta.sections.map((s) => ({
      section: s.n,
      title: pick(locale, s.title_zh, s.title_en),
      items: reply.commitments
        .filter((c) => c.section === s.n)
        .map((c) => ({
          id: c.id,
          section: c.section,
          text: pick(locale, c.text_zh, c.text_en),
          href: `${source}#${anchors.commitment(c.id)}`,
          deadline: c.deadline ? formatWrittenDate(c.deadline, locale, [c.quote]) : '',
          measurable: c.measurable,
        })),
    })),
  });

  const blocks: Block[] = [];
  for (const b of raw.blocks) {
    switch (b.kind) {
      case 'para':
        blocks.push({ kind: 'para', inlines: inlines(b.text, b.line) });
        break;
      case 'heading':
        blocks.push({ kind: 'heading', level: b.level, id: b.id, inlines: inlines(b.text, b.line) });
        break;
      case 'quote':
        blocks.push({ kind: 'quote', inlines: inlines(b.text, b.line) });
        break;
      case 'list':
        blocks.push({ kind: 'list', items: b.items.map((it) => inlines(it.text, it.line)) });
        break;
      case 'headline':
        blocks.push({ kind: 'headline', items: b.ids.map((r) => headlineItem(r, b.line)).filter((x): x is HeadlineItem => x !== null) });
        break;
      case 'chart':
        if (!charts.has(b.id)) unknown(b.line, 1, 'chart id', b.id, [...charts]);
        else blocks.push({ kind: 'chart', id: b.id, ...(b.takeaway ? { takeaway: inlines(b.takeaway.text, b.line) } : {}) });
        break;
      case 'promises':
        blocks.push(promises());
        break;
      case 'steps': {
        const keys = SEQUENCES[b.name];
        if (!keys) {
          unknown(b.line, 1, 'step sequence', b.name, Object.keys(SEQUENCES));
          break;
        }
        for (const s of b.steps) if (!keys.includes(s.key)) unknown(s.line, 1, 'step key', s.key, [...keys]);
        blocks.push({
          kind: 'steps',
          name: b.name,
          steps: b.steps.map((s) => ({ key: s.key, id: stepAnchor(b.name, s.key), paras: s.paras.map((p) => inlines(p.text, p.line)) })),
        });
        break;
      }
    }
  }
  for (const k of ['title', 'dek', ...(opts.byline === false ? [] : ['byline'])]) if (!raw.meta[k]) problems.push({ file, line: 1, message: `front matter has no "${k}"`, fix: `add "${k}: ..." between the --- lines` });
  const title = raw.meta.title ? inlines(raw.meta.title.value, raw.meta.title.line) : [];
  const dek = raw.meta.dek ? inlines(raw.meta.dek.value, raw.meta.dek.line) : [];
  if (problems.length) throw new DataError(problems);
  return { locale, replyId: reply.id, file, title, dek, byline: raw.meta.byline?.value ?? '', blocks, cited };
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
