/**
 * The language of parts (WCAG 3.1.2), marked once for every page: in text
 * written in Chinese, each run of Latin-script words (a format's name, a file
 * name, a URL, "CC BY 4.0") is wrapped in `<span lang="en">`; in text written
 * in English, each run of Chinese (a quote, a term glossed in a sentence) in
 * `<span lang="zh-CN">`. Inside SVG <text> the mark is a `<tspan>`. Text
 * already inside an element of the right language is left as it is, and so
 * are attributes, head, script, style, code and the elements that may hold
 * only text (title, option, textarea). Only marks are added: taking them out
 * gives the input back. Pure; src/middleware.ts applies it to every page.
 */

/** Elements whose content is left alone. */
const SKIP = new Set(['head', 'script', 'style', 'textarea', 'title', 'option', 'pre', 'code', 'kbd', 'samp', 'iframe', 'desc']);
/** Elements without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** SVG elements whose text is drawn (and may take a <tspan>). */
const SVG_TEXT = new Set(['text', 'tspan', 'textpath']);

/** Ideographs, CJK punctuation and full-width forms. */
const CJK_CHARS = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
/**
 * A run of Chinese: from a CJK character (with the digits written right
 * before it: 2011年) to the last CJK character of the run, over digits (10,652),
 * spaces, middle dots and quotation marks between them; an English comma or
 * full stop ends it.
 */
const CJK_RUN = new RegExp(`(?:[0-9][0-9.,]*)?[${CJK_CHARS}](?:(?:[${CJK_CHARS}0-9%:/·“”‘’ —…-]|[.,](?=[0-9]))*[${CJK_CHARS}])?`, 'g');
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * A run of Latin script: printable ASCII (an entity counts as one character),
 * words joined by spaces; it must hold a letter outside entities.
 */
const LATIN_RUN = /(?:&#?\w+;|[!-%'-;=?-~])+(?: +(?:&#?\w+;|[!-%'-;=?-~])+)*/g;
const LETTER = /[A-Za-z]/;
/** What may not start a run (opening quotes and brackets belong to the Chinese around it) or end one. */
const LEAD = /^(?:["'([{]|&quot;|&#39;|&#x27;)/;
const BRACKET: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const TRAIL = /(?:[.,:!?"'=([{]|(?<!&#?\w+);|&quot;|&#39;|&#x27;)$/;

/** A text run and whether it is to be marked. */
export interface Run {
  text: string;
  mark: boolean;
}

/** `text` (raw HTML text, entities as written) cut into runs of Latin script to mark and the rest. */
export function latinRuns(text: string): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    let run = m[0];
    let start = m.index!;
    // an opening bracket whose closing one is in the run stays with it ([EB/OL]), a lone one outside
    for (let t = LEAD.exec(run); t && !(BRACKET[t[0]] && run.includes(BRACKET[t[0]]!)); t = LEAD.exec(run)) {
      run = run.slice(t[0].length);
      start += t[0].length;
    }
    for (let t = TRAIL.exec(run); t; t = TRAIL.exec(run)) run = run.slice(0, -t[0].length);
    // a closing bracket without its opening one stays outside
    while (/[)\]}]$/.test(run) && !run.includes(OPENER[run.slice(-1)]!)) run = run.slice(0, -1);
    if (!LETTER.test(run.replace(/&#?\w+;/g, ''))) continue;
    if (start > last) out.push({ text: text.slice(last, start), mark: false });
    out.push({ text: run, mark: true });
    last = start + run.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/** `text` cut into runs of Chinese to mark and the rest. */
export function chineseRuns(text: string): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(CJK_RUN)) {
    if (!HAS_CJK.test(m[0])) continue;
    if (m.index! > last) out.push({ text: text.slice(last, m.index), mark: false });
    out.push({ text: m[0], mark: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/**
 * Text written in `lang` cut into runs, each with the language to mark it in
 * (Latin script in Chinese text, Chinese in English text) or none: for
 * scripts that rebuild a marked element's text (the citation box).
 */
export function languageRuns(text: string, lang: string): { text: string; lang?: string }[] {
  const l = lang.toLowerCase();
  const runs = l.startsWith('zh') ? latinRuns(text) : l.startsWith('en') ? chineseRuns(text) : [{ text, mark: false }];
  const to = l.startsWith('zh') ? 'en' : 'zh-CN';
  return runs.map((r) => (r.mark ? { text: r.text, lang: to } : { text: r.text }));
}

interface Open {
  name: string;
  lang: string;
  skip: boolean;
  svg: boolean;
  svgText: boolean;
}

const LANG_ATTR = /\slang\s*=\s*"([^"]*)"/i;

/**
 * The page's HTML with the language of its parts marked (see the top of this
 * file). `pageLang` is the language of text outside any element with `lang`
 * (the <html> element's own `lang` is read like any other).
 */
export function markLanguages(html: string, pageLang = ''): string {
  const parts = html.split(/(<[^>]*>)/);
  const stack: Open[] = [];
  let top: Open = { name: '', lang: pageLang.toLowerCase(), skip: false, svg: false, svgText: false };
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!p) continue;
    if (p.startsWith('<')) {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(p);
      if (!m) continue;
      const name = m[2]!.toLowerCase();
      if (m[1]) {
        const at = stack.map((o) => o.name).lastIndexOf(name);
        if (at >= 0) {
          stack.length = at;
          top = stack[at - 1] ?? { name: '', lang: pageLang.toLowerCase(), skip: false, svg: false, svgText: false };
        }
        continue;
      }
      if (VOID.has(name) || p.endsWith('/>')) continue;
      const svg = name === 'svg' || (top.svg && name !== 'foreignobject');
      const open: Open = {
        name,
        lang: LANG_ATTR.exec(p)?.[1]?.toLowerCase() ?? top.lang,
        skip: top.skip || SKIP.has(name) || (svg && name === 'title'),
        svg,
        svgText: svg && SVG_TEXT.has(name),
      };
      stack.push(open);
      top = open;
      continue;
    }
    if (top.skip || (top.svg && !top.svgText)) continue;
    const tag = top.svg ? 'tspan' : 'span';
    if (top.lang.startsWith('zh')) {
      if (!LETTER.test(p)) continue;
      parts[i] = join(latinRuns(p), `<${tag} lang="en">`, `</${tag}>`);
    } else if (top.lang.startsWith('en')) {
      if (!HAS_CJK.test(p)) continue;
      parts[i] = join(chineseRuns(p), `<${tag} lang="zh-CN">`, `</${tag}>`);
    }
  }
  return parts.join('');
}

const join = (runs: Run[], open: string, close: string): string => runs.map((r) => (r.mark ? open + r.text + close : r.text)).join('');

/** The HTML with the marks markLanguages adds taken out (for tests: it gives markLanguages' input back). */
export const unmarkLanguages = (html: string): string => html.replace(/<(t?span) lang="(?:en|zh-CN)">([^<]*)<\/\1>/g, '$2');
