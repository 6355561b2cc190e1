import type { Qualifier } from '../data/numbers';
import type { Figure, Locale } from '../data/model';
import { unitText } from '../data/vocabulary';
import { formatQuantity, type QuantityStyle } from './number';
import { pick } from './pick';

/**
 * The word for a unit, in the plural form the value needs (English only has plurals):
 * the site's own units and those reply.json declares (src/lib/data/vocabulary.ts).
 * A unit id is never printed: an unknown one (which the checker refuses) stops the build.
 */
export function unitWord(unit: string, value: number, locale: Locale): string {
  const word = unitText(unit, value, locale);
  if (word === undefined) throw new Error(`no name for the unit "${unit}": declare it in units of the reply's reply.json`);
  return word;
}

export interface Valued {
  value: number;
  qualifier: Qualifier;
  unit: string;
}

/**
 * A value with its qualifier and unit: 500余套（间） / more than 500 homes;
 * 39.63% either way. `unit: false` leaves the unit out (tables with a unit column, chart labels).
 */
export function formatValue(
  f: Valued,
  locale: Locale,
  opts: { style?: QuantityStyle; unit?: boolean; maxFractionDigits?: number } = {},
): string {
  const percent = f.unit === 'percent';
  const withUnit = opts.unit ?? true;
  // part of a year reads in months: 0.5 year (半年) is "6 months", never "0.5 years"
  const months = f.value * 12;
  if (f.unit === 'year' && !Number.isInteger(f.value) && Number.isInteger(months)) {
    const word = pick(locale, '个月', months === 1 ? 'month' : 'months');
    return formatQuantity(months, f.qualifier, locale, { style: opts.style, unit: withUnit ? word : undefined, maxFractionDigits: opts.maxFractionDigits });
  }
  const unit = percent || !withUnit ? undefined : unitWord(f.unit, f.value, locale);
  return formatQuantity(f.value, f.qualifier, locale, {
    style: opts.style,
    unit,
    percent,
    maxFractionDigits: opts.maxFractionDigits,
  });
}

export const figureLabel = (f: Pick<Figure, 'label_zh' | 'label_en'>, locale: Locale): string =>
  pick(locale, f.label_zh, f.label_en);
