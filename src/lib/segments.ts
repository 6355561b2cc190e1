import type { Reply, Span } from './data/model';

/**
 * A paragraph of the source cut into nested pieces for highlighting:
 * commitments (outer), figures (inner), and zero-width anchors for dated events.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'figure' | 'commitment'; id: string; children: Segment[] }
  | { kind: 'anchor'; id: string };

interface Mark {
  kind: 'figure' | 'commitment' | 'anchor';
  id: string;
  span: Span;
}

const RANK = { commitment: 0, figure: 1, anchor: 2 } as const;

export function paragraphSegments(reply: Reply, n: number): Segment[] {
  const para = reply.paragraphs.find((p) => p.n === n);
  if (!para) return [];
  const marks: Mark[] = [
    ...[...reply.commitments, ...reply.statements].map((c) => ({ kind: 'commitment' as const, id: c.id, span: c.span })),
    ...reply.figures.map((f) => ({ kind: 'figure' as const, id: f.id, span: f.span })),
    ...reply.events.map((e) => ({ kind: 'anchor' as const, id: e.id, span: { ...e.span, end: e.span.start } })),
  ]
    .filter((m) => m.span.paragraph === n)
    .map((m) => ({ ...m, span: { ...m.span, start: m.span.start - para.start, end: m.span.end - para.start } }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || RANK[a.kind] - RANK[b.kind]);
  return build(para.text, 0, para.text.length, marks);
}

/** Our English translation of a paragraph cut the same way: the figures and commitments its marks name (source.en.md). */
export function translationSegments(reply: Reply, n: number): Segment[] {
  const para = reply.paragraphs.find((p) => p.n === n);
  if (!para) return [];
  const marks: Mark[] = para.enMarks.map((m) => ({ kind: m.kind, id: m.id, span: { start: m.start, end: m.end, paragraph: n } }));
  return build(para.en, 0, para.en.length, marks);
}

/** Segments of text[from, to) given marks sorted by start; marks are nested or disjoint (the loader checks). */
function build(text: string, from: number, to: number, marks: Mark[]): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  let i = 0;
  while (i < marks.length) {
    const m = marks[i]!;
    if (m.span.start > pos) out.push({ kind: 'text', text: text.slice(pos, m.span.start) });
    if (m.kind === 'anchor') {
      out.push({ kind: 'anchor', id: m.id });
      pos = Math.max(pos, m.span.start);
      i++;
      continue;
    }
    // everything starting inside m (and ending by its end) nests in it
    let j = i + 1;
    while (j < marks.length && marks[j]!.span.start < m.span.end) j++;
    const inner = marks.slice(i + 1, j);
    out.push({ kind: m.kind, id: m.id, children: build(text, m.span.start, m.span.end, inner) });
    pos = m.span.end;
    i = j;
  }
  if (pos < to) out.push({ kind: 'text', text: text.slice(pos, to) });
  return out;
}

/** The plain text of segments (for tests: it must equal the paragraph). */
export const segmentsText = (segs: Segment[]): string =>
  segs.map((s) => (s.kind === 'text' ? s.text : s.kind === 'anchor' ? '' : segmentsText(s.children))).join('');

/** Text cut into runs of Chinese (with the book-title marks around them) and the rest, so a translation can mark its quoted Chinese lang="zh-CN". */
export function cjkRuns(text: string): { text: string; cjk: boolean }[] {
  const out: { text: string; cjk: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(/《?[\u3400-\u9fff][\u3400-\u9fff《》、，（）]*》?/g)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index), cjk: false });
    out.push({ text: m[0], cjk: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), cjk: false });
  return out;
}
