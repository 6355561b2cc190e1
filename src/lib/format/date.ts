import type { Locale } from '../data/model';
import { parsePeriod } from '../data/dates';
import { useT } from '../../i18n';
import { pick } from './pick';

/** 2022 -> 2022年 / 2022; 2022-09 -> 2022年9月 / September 2022; 2022-06-20 -> 2022年6月20日 / 20 June 2022. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (locale === 'zh-CN') return `${y}年` + (m ? `${m}月` : '') + (d ? `${d}日` : '');
  if (!m) return String(y);
  const dt = new Date(Date.UTC(y, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(d ? 'day' : 'month', opts).format(dt);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** One English date format per precision for the whole build (making one is costly). */
function dateFormat(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat('en-GB', opts)));
  return f;
}

/**
 * Ways the replies word a date that a calendar date would overstate, and the
 * dates they stand for in the data: 到2022年底 is 2022-12-31 (or 2022-12),
 * 2022年秋季学期 is 2022-09. The data keeps the precise date (for sorting,
 * deadlines and tooltips); what a reader sees is the reply's own words.
 */
const WRITTEN: { re: RegExp; dates: (y: string) => string[]; zh: (y: string) => string; en: (y: string) => string }[] = [
  { re: /(\d{4})年底/, dates: (y) => [`${y}-12-31`, `${y}-12`], zh: (y) => `${y}年底`, en: (y) => `the end of ${y}` },
  { re: /(\d{4})年秋季学期/, dates: (y) => [`${y}-09`, `${y}-08`], zh: (y) => `${y}年秋季学期`, en: (y) => `the autumn ${y} term` },
  { re: /(\d{4})年春季学期/, dates: (y) => [`${y}-02`, `${y}-03`], zh: (y) => `${y}年春季学期`, en: (y) => `the spring ${y} term` },
];

/**
 * A date as the reply writes it, when one of `quotes` (the sentences the
 * date comes from) words it that way; otherwise the calendar date.
 * 2022-12-31 with "到2022年底" -> 2022年底 / the end of 2022.
 */
export function formatWrittenDate(date: string, locale: Locale, quotes: readonly string[] = []): string {
  for (const w of WRITTEN) {
    for (const q of quotes) {
      const m = w.re.exec(q);
      if (m && w.dates(m[1]!).includes(date)) return pick(locale, w.zh, w.en)(m[1]!);
    }
  }
  return formatDate(date, locale);
}

/**
 * A figure's period in words. A change is read as "2021 over 2020". `quotes`
 * (the figure's sentence and those of its events) let a date read as the reply
 * writes it: "by the end of 2022", not "by 31 December 2022".
 */
export function formatPeriod(period: string, locale: Locale, measure?: string, quotes: readonly string[] = []): string {
  const t = useT(locale);
  const p = parsePeriod(period);
  if (!p) return period;
  const d = (date: string) => formatWrittenDate(date, locale, quotes);
  switch (p.kind) {
    case 'point':
      return t('period.point', { date: d(p.date) });
    case 'range':
      return t(measure === 'change' ? 'period.change' : 'period.range', { from: d(p.from), to: d(p.to) });
    case 'by':
      return t('period.by', { date: d(p.date) });
    case 'from':
      return t('period.from', { date: d(p.date) });
    case 'as_of':
      return t('period.as_of', { date: d(p.date) });
  }
}

/** The sentences a figure's dates come from: its own and those of the events that show it. */
export function figureQuotes(reply: { events: readonly { figure?: string; quote: string }[] }, f: { id: string; quote: string }): string[] {
  return [f.quote, ...reply.events.filter((e) => e.figure === f.id).map((e) => e.quote)];
}
