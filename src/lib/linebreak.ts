/**
 * Chinese line-breaking rules, in one place, for HTML and for the SVG text
 * our charts wrap themselves:
 *  - a number never breaks from a following digit or its unit (2022年, 13万套, 32家, 62%);
 *  - no line ends on an opening bracket or quotation mark;
 *  - no line starts with closing punctuation.
 *  - a qualifier stays with its number (约0.4%, 不少于13万).
 * `canBreak` decides between two characters; `wrap` (charts) and
 * `noBreakNumbers` (HTML, at render time) both use it.
 */

/** Closing punctuation that may not start a line. */
export const CLOSING = '，。、；：？！）》」』】〕〉”’％%,.;:?!)]}…';
/** Opening punctuation that may not end a line. */
export const OPENING = '（《「『【〔〈“‘([{';

/** Signs that belong to the number after them: ≈1,244, ~500, +4161. */
const PREFIX = '≈~+−';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const DIGIT = /[0-9０-９]/;

/** The characters that count as a number's unit after a digit: any ideograph (年, 万, 套, 家 ...), % and ％. */
export function isUnitChar(ch: string): boolean {
  return CJK.test(ch) || ch === '%' || ch === '％';
}

/** May a line break fall between `a` (last character of a line) and `b` (first of the next)? */
export function canBreak(a: string, b: string): boolean {
  if (!a || !b) return true;
  if (OPENING.includes(a) || PREFIX.includes(a)) return false;
  if (CLOSING.includes(b)) return false;
  if (DIGIT.test(a) && (DIGIT.test(b) || isUnitChar(b) || b === '.' || b === ',')) return false;
  // Latin words and numbers only break at spaces
  if (/[A-Za-z0-9.,%+\-–'’]/.test(a) && /[A-Za-z0-9.,%+\-–'’]/.test(b)) return false;
  return true;
}

/** A qualifier that belongs to the number after it: 约0.4%, 不少于13万, 超过39%. */
const QUALIFIER_TAIL = /(约|不少于|超过|近|达)$/;

/** A number that may still take its unit: 500余 (套), 13万 (套), 1850余万 (元). */
const NUMBER_TAIL = /[0-9０-９][0-9０-９.,]*[余多]?[万亿千百]?$/;
/** A number with its unit, for HTML no-break spans: 2022年, 13万套, 500余套, 10,652人, 62%. */
const NUMBER_RUN = /[0-9０-９][0-9０-９.,]*[余多]?[万亿千百]?[%％\u3400-\u9fff]?/g;

/**
 * Where the protected words (glossary terms, units, places, named items: the
 * reply's `keep` list, src/lib/data/words.ts) stand in a text: `held[i]` is
 * true when no line may break before UTF-16 offset i because it falls inside
 * one. Longest word first, leftmost first, no overlaps.
 */
export function keepRanges(text: string, words: readonly string[]): boolean[] {
  const held: boolean[] = new Array(text.length + 1).fill(false);
  if (!words.length) return held;
  const byLength = [...words].filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
  for (let i = 0; i < text.length; ) {
    const w = byLength.find((x) => text.startsWith(x, i));
    if (!w) {
      i++;
      continue;
    }
    for (let k = i + 1; k < i + w.length; k++) held[k] = true;
    i += w.length;
  }
  return held;
}

/**
 * Split text into the smallest pieces between which a line may break
 * (spaces stay at the end of the piece before them), never inside one of
 * `words` (the protected words, see keepRanges).
 */
export function segments(text: string, words: readonly string[] = []): string[] {
  const out: string[] = [];
  const held = keepRanges(text, words);
  let cur = '';
  let at = 0;
  for (const ch of text) {
    const here = at;
    at += ch.length;
    if (!cur || /\s/.test(ch) || held[here]) {
      cur += ch;
      continue;
    }
    const endsSpace = /\s$/.test(cur);
    const prev = cur.trimEnd().slice(-1);
    const ok = endsSpace
      ? !OPENING.includes(prev) && !PREFIX.includes(prev) && !CLOSING.includes(ch)
      : canBreak(prev, ch) && !(NUMBER_TAIL.test(cur) && isUnitChar(ch)) && !(QUALIFIER_TAIL.test(cur) && (DIGIT.test(ch) || PREFIX.includes(ch)));
    if (ok) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Chinese text as pieces: plain text, and number runs to wrap in a no-break span. */
export function numberRuns(text: string): { text: string; nb: boolean }[] {
  const out: { text: string; nb: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER_RUN)) {
    const run = m[0].replace(/[.,]$/, '');
    if (run.length < 2) continue;
    if (m.index! > last) out.push({ text: text.slice(last, m.index), nb: false });
    out.push({ text: run, nb: true });
    last = m.index! + run.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), nb: false });
  return out;
}

const SKIP = new Set(['script', 'style', 'svg', 'textarea', 'pre', 'code', 'title', 'option', 'template', 'head']);

/**
 * The page's HTML with every number that runs into a Chinese unit (2022年,
 * 13万套, 32家) held together in `<span class="nb">` (white-space: nowrap).
 * Only text between tags is touched, never inside script, style, svg, pre,
 * code, textarea, title, option or head.
 */
export function holdNumbersInHtml(html: string): string {
  // a linked number and the unit right after the link: <a …>4</a>项
  html = html.replace(/(<a\b[^>]*>[^<]*[0-9０-９]<\/a>)([\u3400-\u9fff%％])/g, '<span class="nb">$1$2</span>');
  // a run marked English that ends in a digit and the unit right after it: <span lang="en">UTF-8</span>编 (src/lib/languages.ts)
  html = html.replace(/(<span lang="en">[^<]*[0-9０-９]<\/span>)([\u3400-\u9fff%％])/g, '<span class="nb">$1$2</span>');
  // a link icon and the closing mark after it (source page: ↗，) stay on one line
  html = html.replace(/(<a\b[^>]*class="chart-ref"[^>]*>(?:(?!<\/a>)[\s\S])*<\/a>)([，。、；：？！）」』”])/g, '<span class="nb">$1$2</span>');
  const parts = html.split(/(<[^>]*>)/);
  const stack: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.startsWith('<')) {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(p);
      if (!m) continue;
      const name = m[2]!.toLowerCase();
      if (!SKIP.has(name) || p.endsWith('/>')) continue;
      if (m[1]) {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      } else stack.push(name);
      continue;
    }
    if (stack.length || !/[0-9０-９][^<]*?[\u3400-\u9fff]/.test(p)) continue;
    parts[i] = numberRuns(p)
      .map((r) => (r.nb && /[\u3400-\u9fff]$/.test(r.text) ? `<span class="nb">${r.text}</span>` : r.text))
      .join('');
  }
  return parts.join('');
}

/**
 * Tables that become stacked cards on phones: each body cell gets its
 * column's heading as `data-label` and the table the class `stack` (CSS in
 * global.css draws the cards below 40rem). Tables marked `data-no-stack`
 * (and the tracker's own; the brief's table stacks on phones like the rest, and prints as a table) and the data page's raw previews
 * (`class="preview"`, they scroll in their own region) are left alone.
 */
export function stackTables(html: string): string {
  return html.replace(/<table\b([^>]*)>([\s\S]*?)<\/table>/g, (whole, attrs: string, body: string) => {
    // the tracker's own tables (commitments page, brief) have their own phone layout
    if (/data-(no-stack|tracker-table|dept-table|class-table)|class="[^"]*\bpreview\b/.test(attrs)) return whole;
    const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(body);
    if (!head) return whole;
    const labels = [...head[1]!.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
      m[1]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().replace(/"/g, '&quot;'),
    );
    const rest = body.slice(head.index + head[0].length).replace(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g, (_row, trAttrs: string, cells: string) => {
      let i = 0;
      const out = cells.replace(/<(td|th)\b([^>]*)>/g, (_c, tag: string, a: string) => {
        const label = labels[i++];
        return label && !/data-label=/.test(a) ? `<${tag}${a} data-label="${label}">` : `<${tag}${a}>`;
      });
      return `<tr${trAttrs}>${out}</tr>`;
    });
    const cls = /class="([^"]*)"/.exec(attrs);
    const a2 = cls ? attrs.replace(/class="([^"]*)"/, `class="$1 stack"`) : `${attrs} class="stack"`;
    return `<table${a2}>${body.slice(0, head.index + head[0].length)}${rest}</table>`;
  });
}

/** Whether the rules above hold `before` and `after` together (no line break may fall between them). */
export function heldTogether(before: string, after: string, words: readonly string[] = []): boolean {
  let at = 0;
  for (const seg of segments(before + after, words)) {
    at += seg.length;
    if (at === before.length) return false;
    if (at > before.length) return true;
  }
  return true;
}

/** Rough advance width of a string in px at font size `fs`: CJK full width, Latin narrower. Errs on the wide side. */
export function textWidth(s: string, fs: number): number {
  let em = 0;
  for (const ch of s) {
    if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/.test(ch)) em += 1;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[mwMW]/.test(ch)) em += 0.9;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else if (/[ijlft.,:;'’!|]/.test(ch)) em += 0.34;
    else if (/[a-z]/.test(ch)) em += 0.6;
    else if (ch === ' ') em += 0.32;
    else em += 0.5;
  }
  return em * fs;
}

/**
 * The one text wrapper for drawn text (chart labels, exported SVGs): lines no
 * wider than `max` px at font size `fs`, broken only where the rules above
 * allow (at spaces for English, between characters for Chinese, never inside
 * a number and its unit, never after an opening or before a closing mark,
 * never inside one of `words`, the protected words, unless one alone is wider
 * than a line).
 */
export function wrap(text: string, max: number, fs: number, words: readonly string[] = []): string[] {
  const out: string[] = [];
  // a protected word wider than a whole line is held in its parts, cut at its own brackets and
  // commas (电子商务（农村电商） -> 电子商务 | （农村电商）); a part still too wide is left to the other rules
  const fit = (w: string) => textWidth(w, fs) <= max * 0.96;
  const held = words.flatMap((w) => (fit(w) ? [w] : w.split(/(?=[（《「『【〔〈“‘([{])|(?<=[）》」』】〕〉”’)\]}、，])/).filter(fit)));
  for (const para of text.split('\n')) {
    let line = '';
    for (const seg of segments(para, held)) {
      const next = line + seg;
      if (line.trim() && textWidth(next.trimEnd(), fs) > max * 0.96) {
        out.push(line.trimEnd());
        line = seg.trimStart();
      } else line = next;
    }
    if (line.trim()) out.push(line.trimEnd());
  }
  return out;
}

/** A text cut into its protected words and the runs between them. */
function keptWords(text: string, keep: readonly string[]): { text: string; kept: boolean }[] {
  if (!keep.length) return [{ text, kept: false }];
  const held = keepRanges(text, keep);
  const out: { text: string; kept: boolean }[] = [];
  let start = 0;
  // a protected word is a span [i, e) with held[i+1..e-1] true
  for (let i = 0; i < text.length; ) {
    let e = i + 1;
    while (e < text.length && held[e]) e++;
    if (e - i > 1) {
      if (i > start) out.push({ text: text.slice(start, i), kept: false });
      out.push({ text: text.slice(i, e), kept: true });
      start = e;
    }
    i = e;
  }
  if (start < text.length) out.push({ text: text.slice(start), kept: false });
  return out;
}

const SEGMENTER = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
const CJK_ONLY = /^[\u3400-\u9fff]$/;

/**
 * A Chinese headline cut into phrases that must not break inside: the
 * dictionary's words (Intl.Segmenter), with runs of single characters it does
 * not know joined up (慈|溪|的 -> 慈溪的: names and particles), closing
 * punctuation kept with the phrase before it and opening punctuation with the
 * phrase after it. A protected word (`keep`: glossary terms, units, places,
 * named items, see src/lib/data/words.ts) is one word whatever the segmenter
 * says (保租房试|点 -> 保租房|试点). Joined, the pieces are the text.
 */
export function headlinePhrases(text: string, keep: readonly string[] = []): string[] {
  if (!SEGMENTER) return [text];
  const words = keptWords(text, keep).flatMap((w) => (w.kept ? [w] : [...SEGMENTER.segment(w.text)].map((s) => ({ text: s.segment, kept: false }))));
  const out: string[] = [];
  let single = false; // the last piece is a run of single characters
  let open = '';
  for (const { text: w, kept } of words) {
    if ([...w].every((c) => CLOSING.includes(c)) && (out.length || open)) {
      // after a pending opening mark (的（：) the closing one follows it, so the pieces still join to the text
      if (open) open += w;
      else out[out.length - 1] += w;
      single = false;
      continue;
    }
    if ([...w].every((c) => OPENING.includes(c))) {
      open += w;
      continue;
    }
    // a protected name of two characters joins a run of single ones as the segmenter's own singles did (非|慈溪|籍 -> 非慈溪籍)
    const one = CJK_ONLY.test(w) || (kept && [...w].length === 2 && [...w].every((c) => CJK_ONLY.test(c)));
    // a number and its unit (2020|年多 -> 2020年多), a qualifier and its number: never apart
    if (out.length && !open && !/\s/.test(w) && heldTogether(out[out.length - 1]!, w, keep)) {
      out[out.length - 1] += w;
      single = false;
      continue;
    }
    if (one && single && !open && [...out[out.length - 1]!].length + [...w].length <= 4) out[out.length - 1] += w;
    else out.push(open + w);
    open = '';
    single = one;
  }
  if (open) out.push(open);
  return out;
}

/**
 * Headings (h1 to h3) with their Chinese held together phrase by phrase
 * (`<span class="nb">`, see headlinePhrases), so a headline breaks between
 * phrases, never inside a word (慈溪的答 / 复里) nor inside a protected one
 * (`keep`, see headlinePhrases). Only text between tags is touched.
 */
export function phraseHeadings(html: string, keep: readonly string[] = []): string {
  return html.replace(/(<h([1-3])\b[^>]*>)([\s\S]*?)(<\/h\2>)/g, (_all, open: string, _n, body: string, close: string) => {
    const parts = body.split(/(<[^>]*>)/);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.startsWith('<') || !/[\u3400-\u9fff]{2}/.test(p)) continue;
      parts[i] = headlinePhrases(p, keep)
        .map((x) => ([...x].length > 1 && /[\u3400-\u9fff]/.test(x) ? `<span class="nb">${x}</span>` : x))
        .join('');
    }
    return open + parts.join('') + close;
  });
}
