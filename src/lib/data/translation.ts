/**
 * Marks in our English translation (source.en.md): the English words of a
 * figure or a commitment, so the source page can highlight the same things in
 * both columns and link them both ways. A mark is a bracketed span with the id
 * of its row, in the manner of Pandoc's bracketed spans; marks may nest (a
 * figure inside a commitment), and brackets without `{…}` after them stay text:
 *
 *   [last year a total of 493 industrial workers were admitted]{fig=party-recruits-industrial}
 *   [[From the autumn term of 2022, the 6 schools …]{fig=migrant-schools-to-public} will become public]{com=migrant-schools-become-public}
 *
 * Pure: text in, plain text and marks (offsets into the plain text) out.
 */

export type TranslationMarkKind = 'figure' | 'commitment';
export interface TranslationMark {
  kind: TranslationMarkKind;
  id: string;
  /** Offsets into the plain text, [start, end). */
  start: number;
  end: number;
}

const CLOSE = /^\]\{(fig|com)=([a-z0-9][a-z0-9-]*)\}/;

/** The translation's text without its marks, and the marks (outer before inner where they start together). */
export function parseMarks(marked: string): { text: string; marks: TranslationMark[] } {
  let text = '';
  const open: { at: number; textAt: number }[] = [];
  const marks: TranslationMark[] = [];
  // pass 1: which "[" have a matching "]{…}"
  const pairs = new Map<number, RegExpExecArray>();
  const stack: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] === '[') stack.push(i);
    else if (marked[i] === ']') {
      const from = stack.pop();
      const m = CLOSE.exec(marked.slice(i));
      if (from !== undefined && m) pairs.set(from, Object.assign(m, { index: i }));
    }
  }
  const closers = new Map<number, RegExpExecArray>([...pairs.values()].map((m) => [m.index, m]));
  for (let i = 0; i < marked.length; ) {
    if (pairs.has(i)) {
      open.push({ at: i, textAt: text.length });
      i++;
    } else if (closers.has(i)) {
      const m = closers.get(i)!;
      const o = open.pop()!;
      marks.push({ kind: m[1] === 'fig' ? 'figure' : 'commitment', id: m[2]!, start: o.textAt, end: text.length });
      i += m[0].length;
    } else {
      text += marked[i];
      i++;
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, marks };
}

/** The marks of a translation file's text that name no row, or name one twice, and the rows left unmarked. */
export function checkMarks(
  marks: TranslationMark[],
  ids: { figure: string[]; commitment: string[] },
): { unknown: TranslationMark[]; twice: TranslationMark[]; missing: { kind: TranslationMarkKind; id: string }[] } {
  const seen = new Set<string>();
  const unknown: TranslationMark[] = [];
  const twice: TranslationMark[] = [];
  for (const m of marks) {
    const key = `${m.kind}:${m.id}`;
    if (!ids[m.kind].includes(m.id)) unknown.push(m);
    else if (seen.has(key)) twice.push(m);
    seen.add(key);
  }
  const missing = (['figure', 'commitment'] as const).flatMap((kind) => ids[kind].filter((id) => !seen.has(`${kind}:${id}`)).map((id) => ({ kind, id })));
  return { unknown, twice, missing };
}
