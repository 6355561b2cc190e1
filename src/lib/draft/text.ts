/**
 * The text of a reply as the draft tool reads it: conversion artefacts removed
 * (and recorded), paragraphs (its non-blank lines, as the loader counts them),
 * the numbered parts 一、二、… and the clauses a quote is cut from. Pure.
 */
import { parseChineseNumeral } from '../data/numbers';
import { splitParagraphs } from '../data/load';

export interface Cleaning {
  removed: string;
  occurrences: number;
  line: number;
  reason_zh: string;
  reason_en: string;
}

/** Artefacts that converting a .docx to text leaves behind, none of them part of a published reply. */
const ARTEFACTS: { re: RegExp; reason_zh: string; reason_en: string }[] = [
  { re: /\[bookmark: [^\]\n]*\]/g, reason_zh: 'Word 文档转为文本时留下的书签标记，不属于答复原文', reason_en: 'a Word bookmark left when the .docx was converted to text; not part of the published reply' },
  { re: /\[(?:image|picture|图片)[^\]\n]*\]/gi, reason_zh: '转换时留下的图片占位标记，不属于答复原文', reason_en: 'an image placeholder left by the conversion; not part of the published reply' },
  { re: /[\u200b\u200c\u200d\u2060]/g, reason_zh: '不可见的零宽字符', reason_en: 'an invisible zero-width character' },
];

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** UTF-8 text without BOM, LF line ends, artefacts removed; each removal recorded with the line of its first occurrence. */
export function cleanSource(raw: string): { text: string; cleaning: Cleaning[] } {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const cleaning: Cleaning[] = [];
  for (const a of ARTEFACTS) {
    const found = new Map<string, { occurrences: number; line: number }>();
    for (const m of text.matchAll(a.re)) {
      const prev = found.get(m[0]);
      if (prev) prev.occurrences++;
      else found.set(m[0], { occurrences: 1, line: lineAt(text, m.index!) });
    }
    for (const [removed, f] of found) {
      // zero-width characters are recorded by name: an invisible string says nothing in reply.json
      const shown = /^[\u200b-\u200d\u2060]$/.test(removed) ? `U+${removed.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : removed;
      cleaning.push({ removed: shown, ...f, reason_zh: a.reason_zh, reason_en: a.reason_en });
    }
    text = text.replace(a.re, '');
  }
  return { text, cleaning };
}

export interface Para {
  n: number;
  start: number;
  text: string;
  /** The numbered part (一、 → 1) the paragraph belongs to, or null before the first. */
  section: number | null;
}

export const SECTION_HEAD = /^([一二三四五六七八九十]+)、/;

export function paragraphs(source: string): Para[] {
  let section: number | null = null;
  return splitParagraphs(source).map((p) => {
    const m = SECTION_HEAD.exec(p.text);
    if (m) section = parseChineseNumeral(m[1]!) ?? section;
    return { ...p, section };
  });
}

/** The parts: n and the title (the head's text up to its first full stop). */
export function sections(paras: Para[]): { n: number; title_zh: string; start: number; end: number }[] {
  const out: { n: number; title_zh: string; start: number; end: number }[] = [];
  for (const p of paras) {
    const m = SECTION_HEAD.exec(p.text);
    if (!m) continue;
    const n = parseChineseNumeral(m[1]!)!;
    const rest = p.text.slice(m[0].length);
    const stop = rest.search(/[。；]/);
    const title = (stop < 0 ? rest : rest.slice(0, stop)).trim();
    // the head sentence (一、标题。) is the part's title: its span is what commitments skip
    out.push({ n, title_zh: title, start: p.start, end: p.start + m[0].length + (stop < 0 ? rest.length : stop + 1) });
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/** Spans of `text` between the given stop characters (the stops left out), trimmed, non-empty. */
export function spansBetween(text: string, from: number, to: number, stops: RegExp): Span[] {
  const out: Span[] = [];
  let s = from;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = from; i < to; i++) {
    if (stops.test(text[i]!)) {
      push(s, i);
      s = i + 1;
    }
  }
  push(s, to);
  return out;
}

/** Sentences (to 。；！？) of every paragraph. */
export const sentences = (source: string, paras: Para[]): Span[] =>
  paras.flatMap((p) => spansBetween(source, p.start, p.start + p.text.length, /[。；！？]/));

/** Clauses (to ，。；：！？) of every paragraph. */
export const clauses = (source: string, paras: Para[]): Span[] =>
  paras.flatMap((p) => spansBetween(source, p.start, p.start + p.text.length, /[，。；：！？]/));

/** Whether the span occurs exactly once in the source (a quote must, to be anchored). */
export const unique = (source: string, s: Span): boolean => {
  const q = source.slice(s.start, s.end);
  return source.indexOf(q) === s.start && source.indexOf(q, s.start + 1) < 0;
};

/** Grow a span by whole clauses to the left, then to the right, within its paragraph, until it is unique. */
export function makeUnique(source: string, s: Span, within: Span[]): Span {
  let cur = { ...s };
  const idx = within.findIndex((c) => c.start <= s.start && s.end <= c.end);
  let left = idx;
  let right = idx;
  while (!unique(source, cur)) {
    const para = (i: number) => source.lastIndexOf('\n', within[i]!.start) === source.lastIndexOf('\n', s.start);
    if (left > 0 && para(left - 1)) cur = { start: within[--left]!.start, end: cur.end };
    else if (right >= 0 && right < within.length - 1 && para(right + 1)) cur = { start: cur.start, end: within[++right]!.end };
    else break;
  }
  return cur;
}

/** Where a span sits between 《》, “” or ‘’ (a title or a name, not a statement). */
export function insideMarks(source: string, at: number): '《》' | '“”' | undefined {
  const lineStart = source.lastIndexOf('\n', at) + 1;
  const before = source.slice(lineStart, at);
  const open = (o: string, c: string) => before.lastIndexOf(o) > before.lastIndexOf(c);
  if (open('《', '》')) return '《》';
  if (open('“', '”') || open('‘', '’')) return '“”';
  return undefined;
}
