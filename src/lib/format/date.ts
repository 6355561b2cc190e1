import type { Locale } from '../data/model';
import { parsePeriod } from '../data/dates';
import { useT } from '../../i18n';

/** 2022 -> 2022年 / 2022; 2022-09 -> 2022年9月 / September 2022; 2022-06-20 -> 2022年6月20日 / 20 June 2022. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (locale === 'zh-CN') return `${y}年` + (m ? `${m}月` : '') + (d ? `${d}日` : '');
  if (!m) return String(y);
  const dt = new Date(Date.UTC(y, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('en-GB', opts).format(dt);
}

/** A figure's period in words. A change is read as "2021 over 2020". */
export function formatPeriod(period: string, locale: Locale, measure?: string): string {
  const t = useT(locale);
  const p = parsePeriod(period);
  if (!p) return period;
  switch (p.kind) {
    case 'point':
      return t('period.point', { date: formatDate(p.date, locale) });
    case 'range':
      return t(measure === 'change' ? 'period.change' : 'period.range', { from: formatDate(p.from, locale), to: formatDate(p.to, locale) });
    case 'by':
      return t('period.by', { date: formatDate(p.date, locale) });
    case 'from':
      return t('period.from', { date: formatDate(p.date, locale) });
    case 'as_of':
      return t('period.as_of', { date: formatDate(p.date, locale) });
  }
}
