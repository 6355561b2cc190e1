import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { decodeUtf8, parseCsv, type CsvRow } from './csv';
import { digitRuns, parseNumbers, parseChineseNumeral } from './numbers';
import type { Problem } from './problems';
import {
  commitmentRow,
  derivedRow,
  eventRow,
  figureRow,
  glossaryRow,
  notFigureRow,
  replyJson,
  requiredColumns,
} from './schemas';
import { STATUSES_NEEDING_EVIDENCE } from './model';
import { aboutAt, invalidValue } from './describe';
import { readCharts } from './charts-schema';
import { readCopy } from './copy-schema';
import { COMMON_UNITS, declareUnits, isKnownUnit } from './vocabulary';
import type {
  Commitment,
  Dataset,
  DerivedDef,
  Figure,
  GlossaryTerm,
  NotFigure,
  Paragraph,
  Reply,
  ReplyEvent,
  ReplyMeta,
  Span,
} from './model';
import { endOf } from './dates';
import { applyStatusLog, baseEntry } from './status-log';
import { FUNCTIONS, parseFormula } from './formula';
import { openItems } from './open-items';
import { checkMarks, parseMarks } from './translation';
import { lineOf, parseJson } from './json';
import { keepWords } from './words';

export const REPLIES_DIR = 'data/replies';
export const GLOSSARY_FILE = 'data/glossary.csv';

type Rel = string;
/** Units whose counter (人, 人次, 元) the number reader recognises: a quote's counter must agree with the row. */
const COUNTED = ['person', 'person-time', 'yuan'];


function readText(root: string, rel: Rel, problems: Problem[]): string | undefined {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) {
    problems.push({ file: rel, message: 'the file is missing', fix: `create ${rel} (see ../shared/design/DATA-CONTRACT.md and the README)` });
    return undefined;
  }
  const { text, problem } = decodeUtf8(fs.readFileSync(abs), rel);
  if (problem) problems.push(problem);
  return text;
}

/** Validate every row of one CSV against its schema; problems name file, line, column and value. */
function readTable<S extends z.AnyZodObject>(
  root: string,
  rel: Rel,
  schema: S,
  problems: Problem[],
): (z.output<S> & { line: number })[] {
  const text = readText(root, rel, problems);
  if (text === undefined) return [];
  const { table, problems: csvProblems } = parseCsv(text, rel, requiredColumns(schema));
  problems.push(...csvProblems);
  if (csvProblems.some((p) => p.line === 1 || p.message.startsWith('the CSV is malformed'))) return [];
  const out: (z.output<S> & { line: number })[] = [];
  for (const row of table.rows) {
    const parsed = schema.safeParse(row.values);
    if (parsed.success) {
      out.push({ ...parsed.data, line: row.line });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      problems.push({
        file: rel,
        line: row.line,
        column,
        message: invalidValue(aboutAt(schema, issue.path)),
        found: row.values[column] ?? '',
        expected: issue.message,
      });
    }
  }
  return out;
}


/** Paragraphs are the non-blank lines of the source. */
export function splitParagraphs(source: string): Omit<Paragraph, 'en' | 'enMarks'>[] {
  const out: Omit<Paragraph, 'en' | 'enMarks'>[] = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    if (line.trim() !== '') out.push({ n: out.length + 1, start: offset, text: line.replace(/\r$/, '') });
    offset += line.length + 1;
  }
  return out;
}

/** `<!-- pN -->` markers, each followed by that paragraph's translation. */
export function parseTranslation(text: string, rel: Rel, count: number, problems: Problem[]): string[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let current: string[] | undefined;
  let expected = 1;
  lines.forEach((line, i) => {
    const m = /^<!--\s*p(\d+)\s*-->\s*$/.exec(line.trim());
    if (m) {
      if (current) out.push(current.join(' ').trim());
      const n = Number(m[1]);
      if (n !== expected) {
        problems.push({ file: rel, line: i + 1, message: 'paragraph markers are out of order', found: `p${n}`, expected: `p${expected}`, fix: 'number the markers p1, p2, … in the order of the paragraphs of source.zh.txt' });
      }
      expected = n + 1;
      current = [];
    } else if (current && line.trim() !== '') current.push(line.trim());
  });
  if (current) out.push(current.join(' ').trim());
  if (out.length !== count) {
    problems.push({
      file: rel,
      message: `the translation has ${out.length} paragraphs but source.zh.txt has ${count}`,
      expected: `one <!-- pN --> marker per non-blank line of source.zh.txt (p1 to p${count})`,
      fix: 'add or remove paragraphs so that each source paragraph has exactly one translation',
    });
  }
  out.forEach((p, i) => {
    if (p === '') problems.push({ file: rel, message: `paragraph p${i + 1} has no translation`, fix: 'write the English text below its marker' });
  });
  return out;
}

const SECTION_HEAD = /^([一二三四五六七八九十]+)、/;

/** The reply's numbered part (一、二、…) a paragraph belongs to, or null before the first. */
function sectionOfParagraph(paragraphs: Omit<Paragraph, 'en' | 'enMarks'>[], n: number): number | null {
  for (let i = n - 1; i >= 0; i--) {
    const m = SECTION_HEAD.exec(paragraphs[i]!.text);
    if (m) return parseChineseNumeral(m[1]!) ?? null;
  }
  return null;
}

interface Located {
  span?: Span;
}

/** Find a quote once, verbatim, inside one paragraph; otherwise say why not and how to fix it. */
function locate(
  quote: string,
  source: string,
  paragraphs: Omit<Paragraph, 'en' | 'enMarks'>[],
  where: { file: Rel; line: number; column?: string },
  problems: Problem[],
): Located {
  const column = where.column ?? 'quote';
  const first = source.indexOf(quote);
  if (first < 0) {
    // Say how far the quote matches, so the person can see where it departs from the source.
    let best = 0;
    let at = -1;
    for (let k = Math.min(quote.length - 1, 40); k >= 2 && best === 0; k--) {
      const i = source.indexOf(quote.slice(0, k));
      if (i >= 0) {
        best = k;
        at = i;
      }
    }
    const hint =
      best > 0
        ? `the first ${best} characters match the source at line ${lineOf(source, at)}, where it goes on "${source.slice(at + best, at + best + 12)}" but the quote has "${quote.slice(best, best + 12)}"`
        : 'no part of its start is in the source';
    problems.push({
      file: where.file,
      line: where.line,
      column,
      message: 'the quote is not verbatim in source.zh.txt',
      found: quote,
      expected: 'an exact span of source.zh.txt (same characters, full-width punctuation)',
      fix: `copy the span from source.zh.txt (${hint})`,
    });
    return {};
  }
  if (source.indexOf(quote, first + 1) >= 0) {
    problems.push({
      file: where.file,
      line: where.line,
      column,
      message: 'the quote occurs more than once in source.zh.txt, so it cannot be anchored',
      found: quote,
      fix: 'lengthen the quote with a few characters around it until it is unique',
    });
    return {};
  }
  const end = first + quote.length;
  const para = paragraphs.find((p) => first >= p.start && end <= p.start + p.text.length);
  if (!para) {
    problems.push({ file: where.file, line: where.line, column, message: 'the quote runs across paragraphs', found: quote, fix: 'quote within one paragraph' });
    return {};
  }
  return { span: { start: first, end, paragraph: para.n } };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** The line of reply.json where a path (sections.4.n, places.zhejiang) is written, as near as the keys allow. */
function jsonLine(text: string, at: (string | number)[]): number | undefined {
  let pos = 0;
  let found = false;
  for (const seg of at) {
    if (typeof seg !== 'string') continue;
    const i = text.indexOf(`"${seg}"`, pos);
    if (i < 0) break;
    pos = i;
    found = true;
  }
  return found ? lineOf(text, pos) : undefined;
}

function readReplyMeta(root: string, rel: Rel, problems: Problem[]): ReplyMeta | undefined {
  const text = readText(root, rel, problems);
  if (text === undefined) return undefined;
  const json = parseJson(text, rel, problems);
  if (json === undefined) return undefined;
  const parsed = replyJson.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: rel, line: jsonLine(text, issue.path), column: issue.path.join('.'), message: invalidValue(aboutAt(replyJson, issue.path)), expected: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

/** Load and check one reply folder. */
/** source.zh.txt as read (BOM and CR removed), with the cleaning reply.json records checked. */
function readSource(root: string, sourceRel: Rel, meta: ReplyMeta | undefined, problems: Problem[]): string | undefined {
  const rawSource = readText(root, sourceRel, problems);
  if (rawSource === undefined) return undefined;
  if (rawSource.startsWith('\uFEFF')) {
    problems.push({ file: sourceRel, line: 1, message: 'the source starts with a byte-order mark', fix: 'save it as UTF-8 without BOM' });
  }
  const source = rawSource.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (const c of meta?.source.cleaning ?? []) {
    if (source.includes(c.removed)) {
      problems.push({ file: sourceRel, line: lineOf(source, source.indexOf(c.removed)), message: 'a conversion artefact listed as removed in reply.json is still in the text', found: c.removed, fix: 'remove it from source.zh.txt' });
    }
  }

  return source;
}

/** What every step of loadReply shares: the folder, its reply.json, its source, the problems so far, and the checks on a row. */
interface Check {
  root: string;
  f: (name: string) => Rel;
  meta: ReplyMeta | undefined;
  source: string;
  paras: Omit<Paragraph, 'en' | 'enMarks'>[];
  replyDate: string;
  problems: Problem[];
  checkUnique: (rows: { id: string; line: number }[], rel: Rel) => void;
  checkSection: (rel: Rel, row: { line: number; section: number | null }, span: Span | undefined) => void;
  declared: (rel: Rel, row: { line: number; section?: number | null; scope?: string; unit?: string }) => void;
  /** No problem so far in these files: checks that depend on them run only then, so one mistake gives one message. */
  clean: (...rels: Rel[]) => boolean;
}

function checks(root: string, dir: Rel, meta: ReplyMeta | undefined, source: string, problems: Problem[]): Check {
  const f = (name: string) => `${dir}/${name}`;
  const paras = splitParagraphs(source);
  const checkUnique = (rows: { id: string; line: number }[], rel: Rel) => {
    const seen = new Map<string, number>();
    for (const r of rows) {
      const prev = seen.get(r.id);
      if (prev !== undefined) problems.push({ file: rel, line: r.line, column: 'id', message: `the id is already used on line ${prev}`, found: r.id, fix: 'give each row its own id' });
      else seen.set(r.id, r.line);
    }
  };
  const checkSection = (rel: Rel, row: { line: number; section: number | null }, span: Span | undefined) => {
    // an undeclared part is said once, by declared() below
    if (!span || row.section === null || (meta && !meta.sections.some((x) => x.n === row.section))) return;
    const actual = sectionOfParagraph(paras, span.paragraph);
    if (actual !== null && actual !== row.section) {
      problems.push({ file: rel, line: row.line, column: 'section', message: `the quote is in part ${actual} of the reply`, found: String(row.section), expected: String(actual), fix: `set section to ${actual}` });
    }
  };

  // What reply.json declares: its parts, its places and the units the site lacks.
  const metaRel = f('reply.json');
  const declared = (rel: Rel, row: { line: number; section?: number | null; scope?: string; unit?: string }) => {
    if (!meta) return;
    const ns = meta.sections.map((s) => s.n);
    if (row.section != null && !ns.includes(row.section)) {
      problems.push({ file: rel, line: row.line, column: 'section', message: `the reply has no part ${row.section}`, found: String(row.section), expected: `one of ${ns.join(', ')} (the n of sections in reply.json)`, fix: `use the number of the part the quote is in, or add part ${row.section} to sections in ${metaRel}` });
    }
    const keys = Object.keys(meta.places);
    if (row.scope !== undefined && !keys.includes(row.scope)) {
      problems.push({ file: rel, line: row.line, column: 'scope', message: `the place "${row.scope}" is not declared`, found: row.scope, expected: `one of ${keys.join(', ')} (places in reply.json)`, fix: `add "${row.scope}": { "zh": "…", "en": "…" } to places in ${metaRel}, or use a declared place` });
    }
    if (row.unit !== undefined && !isKnownUnit(row.unit, meta.units)) {
      const known = [...Object.keys(COMMON_UNITS), ...Object.keys(meta.units)].join(', ');
      problems.push({ file: rel, line: row.line, column: 'unit', message: `unknown unit "${row.unit}"`, found: row.unit, expected: `one of ${known}, or a unit declared in units of reply.json`, fix: `add "${row.unit}": { "zh": "个", "en": ["${row.unit}", "${row.unit}s"] } (its Chinese counter, English singular and plural) to units in ${metaRel}, or use a known unit` });
    }
  };

  const clean = (...rels: Rel[]) => !problems.some((p) => rels.includes(p.file));
  return { root, f, meta, source, paras, replyDate: meta?.date ?? '0000-00-00', problems, checkUnique, checkSection, declared, clean };
}

/** The paragraphs with their English (source.en.md), and the names the translation must share with reply.json. */
function readParagraphs(root: string, c: Check): { paragraphs: Paragraph[]; translationRel: Rel; translationText: string | undefined } {
  const { f, meta, paras, problems } = c;
  const translationRel = f(meta?.translation.file ?? 'source.en.md');
  const translationText = readText(root, translationRel, problems);
  const en = translationText === undefined ? [] : parseTranslation(translationText, translationRel, paras.length, problems);
  // One source for English names: the translation must use reply.json's English proposal title and cc names.
  if (meta && translationText !== undefined && !problems.some((p) => p.file === translationRel)) {
    const names = [
      { what: 'proposal.title_en', text: meta.proposal.title_en },
      ...meta.cc.map((c, i) => ({ what: `cc[${i}].en`, text: c.en })),
    ];
    for (const n of names) {
      if (n.text && !translationText.includes(n.text))
        problems.push({
          file: translationRel,
          message: `the translation does not use reply.json's ${n.what}`,
          expected: n.text,
          fix: `write the name exactly as reply.json does (or change reply.json), so the two agree`,
        });
    }
  }

  // the English words of each figure and commitment, marked [like this]{fig=id} (src/lib/data/translation.ts)
  const enMarked = en.map((t) => parseMarks(t));
  const paragraphs: Paragraph[] = paras.map((p, i) => ({ ...p, en: enMarked[i]?.text ?? '', enMarks: enMarked[i]?.marks ?? [] }));
  return { paragraphs, translationRel, translationText };
}

/** The translation's marks ([English words]{fig=id} / {com=id}, src/lib/data/translation.ts): each names a row once, in the paragraph that holds its quote; a translation that marks some rows marks them all. */
function checkTranslationMarks(c: Check, paragraphs: Paragraph[], translationRel: Rel, translationText: string | undefined, figures: Figure[], commitments: Commitment[]): void {
  const { problems } = c;
  // (only once the rows themselves are sound: a row that failed its own checks is not there to be named)
  if (!problems.length && translationText !== undefined && paragraphs.some((p) => p.enMarks.length)) {
    const rows = new Map<string, number>([...figures.map((x) => [`figure:${x.id}`, x.span.paragraph] as const), ...commitments.map((x) => [`commitment:${x.id}`, x.span.paragraph] as const)]);
    const lineOfMark = (kind: string, id: string) => lineOf(translationText, Math.max(0, translationText.indexOf(`{${kind === 'figure' ? 'fig' : 'com'}=${id}}`)));
    const all = paragraphs.flatMap((p) => p.enMarks.map((m) => ({ ...m, paragraph: p.n })));
    const { unknown, twice, missing } = checkMarks(all, { figure: figures.map((x) => x.id), commitment: commitments.map((x) => x.id) });
    for (const m of unknown) problems.push({ file: translationRel, line: lineOfMark(m.kind, m.id), message: `the mark names no ${m.kind}`, found: m.id, expected: `an id of ${m.kind === 'figure' ? 'figures.csv' : 'commitments.csv'}`, fix: 'correct the id after fig= or com=' });
    for (const m of twice) problems.push({ file: translationRel, line: lineOfMark(m.kind, m.id), message: `the ${m.kind} is marked twice`, found: m.id, fix: 'mark its English words once' });
    for (const m of missing) problems.push({ file: translationRel, message: `the ${m.kind} "${m.id}" is not marked in the translation`, fix: `put its English words in [brackets]{${m.kind === 'figure' ? 'fig' : 'com'}=${m.id}} in paragraph p${rows.get(`${m.kind}:${m.id}`)}` });
    for (const m of all) {
      const want = rows.get(`${m.kind}:${m.id}`);
      if (want !== undefined && want !== m.paragraph)
        problems.push({ file: translationRel, line: lineOfMark(m.kind, m.id), message: `the ${m.kind} is marked in paragraph p${m.paragraph} but its quote is in p${want}`, found: m.id, fix: `mark its English words in p${want}` });
    }
  }
}

/** figures.csv: each value stated by its quote, with the right qualifier and unit; no two quotes overlap. */
function readFigures(c: Check): Figure[] {
  const { root, f, source, paras, problems, declared, checkSection, checkUnique } = c;
  const figuresRel = f('figures.csv');
  const figures: Figure[] = [];
  for (const row of readTable(root, figuresRel, figureRow, problems)) {
    declared(figuresRel, row);
    const { span } = locate(row.quote, source, paras, { file: figuresRel, line: row.line }, problems);
    checkSection(figuresRel, row, span);
    if (span) {
      const tokens = parseNumbers(row.quote);
      const percent = row.unit === 'percent';
      const same = tokens.filter((t) => t.value === row.value && t.percent === percent);
      if (same.length === 0) {
        const stated = tokens.map((t) => `${t.raw} (${t.value})`).join(', ') || 'no number';
        problems.push({
          file: figuresRel,
          line: row.line,
          column: 'value',
          message: 'the quote does not state this value',
          found: String(row.value),
          expected: `a number the quote states: ${stated}`,
          fix: `correct the value (13万 is 130000, 39.63% is 39.63 with unit percent), or the quote`,
        });
      } else if (COUNTED.includes(row.unit) && same.every((t) => t.unit !== undefined && t.unit !== row.unit)) {
        const t = same[0]!;
        problems.push({
          file: figuresRel,
          line: row.line,
          column: 'unit',
          message: `the quote says "${t.raw}${row.quote.slice(t.end, t.end + (t.unit === 'person-time' ? 2 : 1))}", which counts ${t.unit}`,
          found: row.unit,
          expected: t.unit,
          fix: `set unit to ${t.unit} (人/名 → person; 人次 → person-time; 元 → yuan)`,
        });
      } else if (!same.some((t) => t.qualifier === row.qualifier)) {
        const t = same[0]!;
        problems.push({
          file: figuresRel,
          line: row.line,
          column: 'qualifier',
          message: `the quote says "${t.raw}", which is ${t.qualifier}`,
          found: row.qualifier,
          expected: t.qualifier,
          fix: `set qualifier to ${t.qualifier} (余/多 → more_than; 不少于/以上/满 → at_least; 约/近 → approx)`,
        });
      }
      // Kept for the checks below even when its value is wrong: that was said once, above.
      figures.push({ ...row, span });
    }
  }
  checkUnique(figures, figuresRel);
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (overlaps(a.span, b.span)) {
        problems.push({ file: figuresRel, line: b.line, column: 'quote', message: `the quote overlaps the quote of "${a.id}" (line ${a.line})`, found: b.quote, fix: 'shorten one of the two quotes so that each figure has its own span' });
      }
    }
  }

  return figures;
}

/** commitments.csv: statuses with their evidence and dates; quotes that nest figure quotes cleanly. */
function readCommitments(c: Check, figures: Figure[]): Commitment[] {
  const { root, f, source, paras, problems, declared, checkSection, checkUnique, replyDate } = c;
  const commitmentsRel = f('commitments.csv');
  const commitments: Commitment[] = [];
  for (const row of readTable(root, commitmentsRel, commitmentRow, problems)) {
    declared(commitmentsRel, row);
    const { span } = locate(row.quote, source, paras, { file: commitmentsRel, line: row.line }, problems);
    checkSection(commitmentsRel, row, span);
    if (STATUSES_NEEDING_EVIDENCE.includes(row.status) && row.evidence.trim() === '') {
      problems.push({ file: commitmentsRel, line: row.line, column: 'evidence', message: `status "${row.status}" needs evidence`, found: '', expected: 'a source (document, URL or dated observation) that shows it', fix: 'write the evidence, or set the status back to not_rated or in_progress' });
    }
    if (row.status_date < replyDate) {
      problems.push({ file: commitmentsRel, line: row.line, column: 'status_date', message: 'the status date is before the reply was issued', found: row.status_date, expected: `${replyDate} or later`, fix: 'use the date the status was assessed' });
    }
    if (span) commitments.push({ ...row, span, history: [], current: baseEntry(row, commitmentsRel) });
  }
  checkUnique(commitments, commitmentsRel);
  for (const c of commitments) {
    for (const other of commitments) {
      if (other !== c && other.line > c.line && overlaps(c.span, other.span)) {
        problems.push({ file: commitmentsRel, line: other.line, column: 'quote', message: `the quote overlaps the quote of "${c.id}" (line ${c.line})`, found: other.quote, fix: 'quote each commitment from its own span' });
      }
    }
    for (const fig of figures) {
      if (overlaps(c.span, fig.span) && !contains(c.span, fig.span)) {
        problems.push({ file: commitmentsRel, line: c.line, column: 'quote', message: `the quote cuts through the quote of figure "${fig.id}"`, found: c.quote, fix: 'extend the quote to include the whole figure quote, or shorten it to leave it out' });
      }
    }
  }

  return commitments;
}

/** not-figures.csv: each token a whole run of digits in its quote. */
function readNotFigures(c: Check): NotFigure[] {
  const { root, f, source, paras, problems } = c;
  const notFiguresRel = f('not-figures.csv');
  const notFigures: NotFigure[] = [];
  for (const row of readTable(root, notFiguresRel, notFigureRow, problems)) {
    const { span } = locate(row.quote, source, paras, { file: notFiguresRel, line: row.line }, problems);
    if (!span) continue;
    const run = digitRuns(row.quote).find((r) => r.run === row.token);
    if (!run) {
      problems.push({ file: notFiguresRel, line: row.line, column: 'token', message: 'the token is not a whole run of digits in its quote', found: row.token, expected: `one of: ${digitRuns(row.quote).map((r) => r.run).join(', ') || 'none'}`, fix: 'correct the token or the quote' });
      continue;
    }
    notFigures.push({ ...row, line: row.line, span: { start: span.start + run.start, end: span.start + run.end, paragraph: span.paragraph } });
  }

  return notFigures;
}

/** Every run of digits in the source is inside a figure's quote or listed in not-figures.csv. */
function checkCoverage(c: Check, figures: Figure[], notFigures: NotFigure[]): void {
  const { f, source, problems, clean } = c;
  const sourceRel = f('source.zh.txt');
  const figuresRel = f('figures.csv');
  const notFiguresRel = f('not-figures.csv');
  const covered = (s: number, e: number) =>
    figures.some((fg) => fg.span.start <= s && e <= fg.span.end) || notFigures.some((n) => n.span.start === s && n.span.end === e);
  if (clean(figuresRel, notFiguresRel, sourceRel)) {
    for (const run of digitRuns(source)) {
      if (!covered(run.start, run.end)) {
        const ctx = source.slice(Math.max(0, run.start - 8), run.end + 8).replace(/\n/g, ' ');
        problems.push({
          file: sourceRel,
          line: lineOf(source, run.start),
          message: `the number ${run.run} ("…${ctx}…") is in no figure's quote and not listed in not-figures.csv`,
          fix: 'add it to figures.csv if it is a statistic, or to not-figures.csv with the reason it is not',
        });
      }
    }
  }

}

/** events.csv: each kind fits its date against the reply's date; figure ids exist. */
function readEvents(c: Check, figures: Figure[]): ReplyEvent[] {
  const { root, f, meta, source, paras, problems, declared, checkSection, checkUnique, clean, replyDate } = c;
  const eventsRel = f('events.csv');
  const events: ReplyEvent[] = [];
  const figureIds = new Set(figures.map((x) => x.id));
  const figuresRel = f('figures.csv');
  for (const row of readTable(root, eventsRel, eventRow, problems)) {
    declared(eventsRel, row);
    const { span } = locate(row.quote, source, paras, { file: eventsRel, line: row.line }, problems);
    checkSection(eventsRel, row, span);
    if (row.figure && !figureIds.has(row.figure) && clean(figuresRel)) {
      problems.push({ file: eventsRel, line: row.line, column: 'figure', message: 'no figure has this id', found: row.figure, expected: 'empty or an id from figures.csv', fix: 'correct the id' });
    }
    const wrongKind =
      (row.kind === 'past' && row.date > replyDate) ||
      (row.kind === 'promised' && endOf(row.date) <= replyDate) ||
      (row.kind === 'reply' && row.date !== replyDate);
    if (meta && wrongKind) {
      problems.push({ file: eventsRel, line: row.line, column: 'kind', message: `"${row.kind}" does not fit the date given the reply's date ${replyDate}`, found: `${row.kind} ${row.date}`, expected: 'past before the reply, reply on its date, promised after it', fix: 'correct the kind or the date' });
    }
    if (span) events.push({ ...row, span });
  }
  checkUnique(events, eventsRel);

  return events;
}

/** derived.csv: known functions with the right number of existing figure ids. */
function readDerived(c: Check, figures: Figure[]): DerivedDef[] {
  const { root, f, problems, declared, checkUnique, clean } = c;
  const derivedRel = f('derived.csv');
  const derivedDefs: DerivedDef[] = [];
  const figureIds = new Set(figures.map((x) => x.id));
  const figuresRel = f('figures.csv');
  for (const row of readTable(root, derivedRel, derivedRow, problems)) {
    declared(derivedRel, row);
    const parsed = parseFormula(row.formula);
    if (!parsed || !(parsed.fn in FUNCTIONS)) {
      problems.push({ file: derivedRel, line: row.line, column: 'formula', message: 'unknown function', found: row.formula, expected: `one of ${Object.keys(FUNCTIONS).join(', ')}` });
      continue;
    }
    const def = FUNCTIONS[parsed.fn as keyof typeof FUNCTIONS];
    if (parsed.args.length < def.arity[0] || parsed.args.length > def.arity[1]) {
      problems.push({ file: derivedRel, line: row.line, column: 'formula', message: `${parsed.fn} takes ${def.arity.join(' to ')} figure ids`, found: row.formula });
      continue;
    }
    const missing = parsed.args.filter((a) => !figureIds.has(a));
    if (missing.length && !clean(figuresRel)) continue;
    if (missing.length) {
      problems.push({ file: derivedRel, line: row.line, column: 'formula', message: `no figure has the id ${missing.map((m) => `"${m}"`).join(', ')}`, found: row.formula, fix: 'use ids from figures.csv' });
      continue;
    }
    if (figureIds.has(row.id)) {
      problems.push({ file: derivedRel, line: row.line, column: 'id', message: 'a figure already has this id', found: row.id, fix: 'give the derived figure its own id' });
      continue;
    }
    derivedDefs.push(row);
  }
  checkUnique(derivedDefs, derivedRel);

  return derivedDefs;
}

/** One reply folder, read and checked in named steps; a reply only when there is no problem. */
export function loadReply(root: string, dir: Rel): { reply?: Reply; problems: Problem[] } {
  const problems: Problem[] = [];
  const f = (name: string) => `${dir}/${name}`;
  const meta = readReplyMeta(root, f('reply.json'), problems);
  const folderId = path.basename(dir);
  if (meta && meta.id !== folderId) {
    problems.push({ file: f('reply.json'), column: 'id', message: 'the id does not match the folder name', found: meta.id, expected: `"${folderId}"`, fix: 'rename the folder or change the id' });
  }

  const sourceRel = f('source.zh.txt');
  const source = readSource(root, sourceRel, meta, problems);
  if (source === undefined) return { problems };
  const c = checks(root, dir, meta, source, problems);
  const { paragraphs, translationRel, translationText } = readParagraphs(root, c);
  const figures = readFigures(c);
  const commitments = readCommitments(c, figures);
  const notFigures = readNotFigures(c);
  checkCoverage(c, figures, notFigures);
  const events = readEvents(c, figures);
  const derivedDefs = readDerived(c, figures);
  const replyDate = c.replyDate;
  checkTranslationMarks(c, paragraphs, translationRel, translationText, figures, commitments);

  // status-log.csv: every later change of status (src/lib/data/status-log.ts)
  problems.push(...applyStatusLog(root, dir, commitments, replyDate));

  // charts.json (optional): declared charts, checked against the figures (src/lib/data/charts-schema.ts, owned by the charts feature)
  // (checked only once the rows it refers to are sound: a broken figures.csv is reported once, not once per chart)
  const charts = problems.length === 0 ? readCharts(root, dir, { figures: new Map(figures.map((x) => [x.id, x])), derived: new Set(derivedDefs.map((d) => d.id)) }, problems) : undefined;
  // copy.json (optional): the reply's own words for what pages say about it (src/lib/data/copy-schema.ts)
  const copy = problems.length === 0 && meta ? readCopy(root, dir, Object.keys(meta.places), problems) : undefined;

  // A drafted folder's open items (npm run draft) first: the draft flag, draft notes, TODOs.
  problems.unshift(...openItems(root, dir));

  if (problems.length || !meta) return { problems };
  // Pages name a declared unit from here on (src/lib/data/vocabulary.ts).
  declareUnits(meta.units);
  // Only promises are the reply's commitments; the other kinds are kept apart (see DATA-CONTRACT.md).
  const promises = commitments.filter((c) => c.kind === 'promise');
  const statements = commitments.filter((c) => c.kind !== 'promise');
  return { reply: { id: meta.id, dir, meta, source, paragraphs, figures, commitments: promises, statements, notFigures, events, derivedDefs, ...(charts ? { charts } : {}), ...(copy ? { copy } : {}) }, problems };
}

export function loadGlossary(root: string, sources: string[], problems: Problem[]): GlossaryTerm[] {
  const rows = readTable(root, GLOSSARY_FILE, glossaryRow, problems);
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (seen.has(r.id)) problems.push({ file: GLOSSARY_FILE, line: r.line, column: 'id', message: `the id is already used on line ${seen.get(r.id)}`, found: r.id });
    seen.set(r.id, r.line);
    if (sources.length && !sources.some((s) => s.includes(r.term_zh))) {
      problems.push({ file: GLOSSARY_FILE, line: r.line, column: 'term_zh', message: "the term does not appear in any reply's source", found: r.term_zh, fix: 'write the term exactly as the source does' });
    }
  }
  return rows;
}

/** Load every reply under data/replies and the glossary, collecting every problem. */
export function loadDataset(root: string): { dataset?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const repliesAbs = path.join(root, REPLIES_DIR);
  const dirs = fs.existsSync(repliesAbs)
    ? fs
        .readdirSync(repliesAbs, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
        .map((d) => d.name)
        .sort()
    : [];
  if (dirs.length === 0) problems.push({ file: REPLIES_DIR, message: 'no reply folders found', fix: 'add data/replies/<reply-id>/ as the README describes' });
  const replies: Reply[] = [];
  const unitsBy = new Map<string, { reply: Reply; name: string }>();
  for (const d of dirs) {
    const r = loadReply(root, `${REPLIES_DIR}/${d}`);
    problems.push(...r.problems);
    if (!r.reply) continue;
    replies.push(r.reply);
    // One unit id, one name across the site: a second reply may reuse a declared unit but not rename it.
    for (const [id, u] of Object.entries(r.reply.meta.units)) {
      const name = JSON.stringify(u);
      const prev = unitsBy.get(id);
      if (prev && prev.name !== name) {
        problems.push({ file: `${r.reply.dir}/reply.json`, column: `units.${id}`, message: `the unit "${id}" is declared with other names in ${prev.reply.dir}/reply.json`, found: name, expected: prev.name, fix: 'use the same names, or give this unit its own id' });
      } else unitsBy.set(id, { reply: r.reply, name });
    }
  }
  const glossary = loadGlossary(root, replies.map((r) => r.source), problems);
  if (problems.length) return { problems };
  // the words no line breaks inside: each reply's own and the glossary's terms
  for (const r of replies) r.keep = keepWords(r, glossary);
  return { dataset: { replies, glossary }, problems };
}

export type { CsvRow };
