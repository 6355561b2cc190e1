import type { Locale } from '../data/model';

/** The Chinese or the English of a pair, for the locale: pick(locale, reply.meta.title_zh, reply.meta.title_en). */
export const pick = <T>(locale: Locale, zh: T, en: T): T => (locale === 'zh-CN' ? zh : en);

/** The punctuation of running text in a locale: full-width marks in Chinese, the marks and spaces English takes. */
export interface Punct {
  /** after a label: 标签：值 / label: value */
  colon: string;
  /** between items that carry commas of their own */
  semi: string;
  comma: string;
  /** end of a sentence */
  stop: string;
  /** between items of a list: 甲、乙 / a, b */
  list: string;
  /** between a heading's parts: 第一部分　党建 / Part 1 · Party */
  dot: string;
  /** an aside in brackets: 甲（乙） / a (b) */
  paren: (s: string) => string;
}

const ZH: Punct = { colon: '：', semi: '；', comma: '，', stop: '。', list: '、', dot: '　', paren: (s) => `（${s}）` };
const EN: Punct = { colon: ': ', semi: '; ', comma: ', ', stop: '.', list: ', ', dot: ' · ', paren: (s) => ` (${s})` };

/** The punctuation for a locale (see Punct). */
export const punct = (locale: Locale): Punct => pick(locale, ZH, EN);
