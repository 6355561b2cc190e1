/**
 * Citations generated from a reply's metadata (reply.json), never typed:
 * a short credit line and a full reference in Chinese (after GB/T 7714-2015)
 * and English, BibTeX and CSL-JSON. Pure and dependency-free. The build
 * writes every format into the page; in the browser only citeSlots and
 * fillCitation run, to put in today's date (citationTemplates).
 */
import type { Locale, ReplyMeta } from './data/model';
import { pick } from './format/pick';

export interface Bi {
  zh: string;
  en: string;
}

export interface CiteInput {
  meta: Pick<ReplyMeta, 'id' | 'title_zh' | 'title_en' | 'proposal' | 'answering_body' | 'date' | 'licence'>;
  /** Our site's name, which compiled the data and drew the chart. */
  publisher: Bi;
  /** Absolute permalink of the cited page, per locale. */
  url: Bi;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
  /** Present when citing one chart. */
  chart?: { id: string; title: Bi };
}

const of = (b: Bi, locale: Locale) => pick(locale, b.zh, b.en);

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ymd(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`invalid date: ${date} (expected YYYY-MM-DD)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 2022-06-20 -> 2022年6月20日 / 20 June 2022. */
export function citeDate(date: string, locale: Locale): string {
  const [y, m, d] = ymd(date);
  // a plain test, not pick(): citeDate runs in the browser (Citation.astro's script), whose bundle stays as small as it is
  return locale === 'zh-CN' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** Today's date as YYYY-MM-DD (local time of the reader). */
export function isoToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** CC-BY-4.0 -> CC BY 4.0 */
export const licenceName = (spdx: string): string => spdx.replace(/^CC-/, 'CC ').replace(/-(\d)/, ' $1').replace(/-/g, ' ');

/** The credit line to print under a chart or table. */
export function shortCitation(c: CiteInput, locale: Locale): string {
  const { meta } = c;
  if (locale === 'zh-CN') {
    return `来源：${meta.answering_body.zh}《${meta.title_zh}》（${citeDate(meta.date, locale)}）；${c.chart ? '制图' : '整理'}：${c.publisher.zh}`;
  }
  return `Source: ${meta.answering_body.en}, reply to proposal No. ${meta.proposal.number}, ${citeDate(meta.date, locale)}; ${c.chart ? 'chart' : 'data'}: ${c.publisher.en}`;
}

/** A full reference for a reference list, with the permalink and the access date. */
export function fullCitation(c: CiteInput, locale: Locale): string {
  const { meta } = c;
  const url = of(c.url, locale);
  const lic = licenceName(meta.licence.data);
  if (locale === 'zh-CN') {
    const reply = `${meta.answering_body.zh}. ${meta.title_zh}`;
    if (c.chart) return `${c.publisher.zh}. ${c.chart.title.zh}[EB/OL]//${reply}. (${meta.date})[${c.accessed}]. ${url}.`;
    return `${reply}（${meta.proposal.title_zh}）[EB/OL]. (${meta.date})[${c.accessed}]. ${c.publisher.zh}整理，${lic}. ${url}.`;
  }
  const reply = `${meta.answering_body.en}, ${meta.title_en}, ${citeDate(meta.date, locale)}`;
  const accessed = `(accessed ${citeDate(c.accessed, locale)})`;
  if (c.chart) return `${c.publisher.en}. “${c.chart.title.en}” [chart]. Data: ${reply}. ${lic}. ${url} ${accessed}.`;
  return `${meta.answering_body.en}. ${meta.title_en} (“${meta.proposal.title_en}”, Deputy ${meta.proposal.delegate_en}). ${citeDate(meta.date, locale)}. Data and translation: ${c.publisher.en}, ${lic}. ${url} ${accessed}.`;
}

/** Escape TeX specials in a BibTeX field value. */
export function bibEscape(s: string): string {
  return s.replace(/[\\{}&%$#_~^]/g, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '~' ? '\\textasciitilde{}' : ch === '^' ? '\\textasciicircum{}' : `\\${ch}`,
  );
}

export const citeKey = (c: CiteInput): string => (c.chart ? `${c.meta.id}-${c.chart.id}` : c.meta.id);

export function bibtex(c: CiteInput, locale: Locale): string {
  const { meta } = c;
  const [y, m] = ymd(meta.date);
  const title = c.chart ? of(c.chart.title, locale) : pick(locale, meta.title_zh, meta.title_en);
  const author = c.chart ? of(c.publisher, locale) : of(meta.answering_body, locale);
  const note = c.chart
    ? pick(locale, `数据来源：${meta.answering_body.zh}《${meta.title_zh}》，${meta.date}`, `Data: ${meta.answering_body.en}, ${meta.title_en}, ${meta.date}`)
    : pick(locale, `${c.publisher.zh}整理`, `Data and translation: ${c.publisher.en}`);
  const fields: [string, string][] = [
    // double braces: a corporate author, not a person's name to split
    ['author', `{{${bibEscape(author)}}}`],
    ['title', `{${bibEscape(title)}}`],
    // every value braced: a bare 2022-06-20 or chinese is not valid BibTeX (only numbers and @string macros may go bare)
    ['year', `{${y}}`],
    ['month', `{${m}}`],
    ['date', `{${meta.date}}`],
    ['publisher', `{${bibEscape(of(c.publisher, locale))}}`],
    ['url', `{${of(c.url, locale)}}`],
    ['urldate', `{${c.accessed}}`],
    ['note', `{${bibEscape(`${note}. ${licenceName(meta.licence.data)}`)}}`],
    ['langid', pick(locale, '{chinese}', '{english}')],
  ];
  const w = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${citeKey(c)},\n${fields.map(([k, v]) => `  ${k.padEnd(w)} = ${v}`).join(',\n')}\n}\n`;
}

export interface CslItem {
  id: string;
  type: 'figure' | 'dataset';
  title: string;
  author: { literal: string }[];
  issued: { 'date-parts': [number, number, number][] };
  accessed: { 'date-parts': [number, number, number][] };
  URL: string;
  publisher: string;
  language: string;
  license: string;
  note: string;
}

export function csl(c: CiteInput, locale: Locale): CslItem[] {
  const { meta } = c;
  return [
    {
      id: citeKey(c),
      type: c.chart ? 'figure' : 'dataset',
      title: c.chart ? of(c.chart.title, locale) : pick(locale, meta.title_zh, meta.title_en),
      author: [{ literal: c.chart ? of(c.publisher, locale) : of(meta.answering_body, locale) }],
      issued: { 'date-parts': [ymd(meta.date)] },
      accessed: { 'date-parts': [ymd(c.accessed)] },
      URL: of(c.url, locale),
      publisher: of(c.publisher, locale),
      language: locale,
      license: meta.licence.data_url,
      note: shortCitation(c, locale),
    },
  ];
}

export const cslJson = (c: CiteInput, locale: Locale): string => JSON.stringify(csl(c, locale), null, 2) + '\n';

/** Every format at once, as the citation block shows them. */
export function citations(c: CiteInput) {
  return {
    short: { zh: shortCitation(c, 'zh-CN'), en: shortCitation(c, 'en') },
    full: { zh: fullCitation(c, 'zh-CN'), en: fullCitation(c, 'en') },
    bibtex: { zh: bibtex(c, 'zh-CN'), en: bibtex(c, 'en') },
    csl: { zh: cslJson(c, 'zh-CN'), en: cslJson(c, 'en') },
  };
}

/**
 * What a reader's browser fills into a citation the build wrote: today's
 * date (ISO, in English words, and as the CSL date parts) and the page's
 * address (where a default build is served from).
 */
export type CiteSlot = 'iso' | 'en' | 'y' | 'm' | 'd' | 'url.zh' | 'url.en';
/** A citation text as literal parts and slots. */
export type CiteTemplate = (string | [CiteSlot])[];
export type CiteTemplates = Record<'short.zh' | 'short.en' | 'full.zh' | 'full.en' | 'bibtex' | 'csl', CiteTemplate>;

/** The values of the slots: for a date (YYYY-MM-DD) and the permalinks. */
export function citeSlots(accessed: string, url: Bi): Record<CiteSlot, string> {
  const [y, m, d] = ymd(accessed);
  return { iso: accessed, en: citeDate(accessed, 'en'), y: String(y), m: String(m), d: String(d), 'url.zh': url.zh, 'url.en': url.en };
}

export const fillCitation = (t: CiteTemplate, v: Record<CiteSlot, string>): string => t.map((p) => (typeof p === 'string' ? p : v[p[0]])).join('');

// Stand-ins the build cites with, then cuts out: no reply has them.
const ACCESSED_STANDIN = '1901-02-03';
const URL_STANDIN: Bi = { zh: '\uE000', en: '\uE001' };

/**
 * Every format of `c`, for `locale`'s page, as templates: the build writes
 * them filled with its own date and addresses, and a small script only fills
 * in the reader's (no citation code in the browser). Throws if a template does
 * not give back exactly what the formats above write.
 */
export function citationTemplates(c: CiteInput, locale: Locale): CiteTemplates {
  const s = { ...c, accessed: ACCESSED_STANDIN, url: URL_STANDIN };
  const cs = citations(s);
  const texts = { 'short.zh': cs.short.zh, 'short.en': cs.short.en, 'full.zh': cs.full.zh, 'full.en': cs.full.en, bibtex: bibtex(s, locale), csl: cslJson(s, locale) };
  const [y, m, d] = ymd(ACCESSED_STANDIN);
  const cut = new RegExp(`(${ACCESSED_STANDIN}|${citeDate(ACCESSED_STANDIN, 'en')}|${URL_STANDIN.zh}|${URL_STANDIN.en}|${y}(?=,\\s*${m},\\s*${d}\\b)|(?<=${y},\\s*)${m}(?=,\\s*${d}\\b)|(?<=${y},\\s*${m},\\s*)${d}\\b)`);
  const slotOf: Record<string, CiteSlot> = {
    [ACCESSED_STANDIN]: 'iso', [citeDate(ACCESSED_STANDIN, 'en')]: 'en', [y]: 'y', [m]: 'm', [d]: 'd', [URL_STANDIN.zh]: 'url.zh', [URL_STANDIN.en]: 'url.en',
  };
  const real = citations(c);
  const want = { 'short.zh': real.short.zh, 'short.en': real.short.en, 'full.zh': real.full.zh, 'full.en': real.full.en, bibtex: bibtex(c, locale), csl: cslJson(c, locale) };
  const out = {} as CiteTemplates;
  for (const [k, text] of Object.entries(texts) as [keyof CiteTemplates, string][]) {
    const parts: CiteTemplate = text.split(cut).flatMap((p, i): CiteTemplate => (i % 2 ? [[slotOf[p]!] as [CiteSlot]] : p ? [p] : []));
    if (fillCitation(parts, citeSlots(c.accessed, c.url)) !== want[k]) throw new Error(`citation template ${k} does not give back the citation`);
    out[k] = parts;
  }
  return out;
}
