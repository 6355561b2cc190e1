import type { Qualifier } from '../data/numbers';
import type { Figure, Locale } from '../data/model';
import { hasKey, useT } from '../../i18n';
import { formatQuantity, type QuantityStyle } from './number';

/** The word for a unit, in the plural form the value needs (English only has plurals). */
export function unitWord(unit: string, value: number, locale: Locale): string {
  const t = useT(locale);
  const form = new Intl.PluralRules(locale === 'en' ? 'en' : 'zh').select(value) === 'one' ? 'one' : 'other';
  const key = `unit.${unit}.${form}`;
  return hasKey(key) ? t(key) : unit;
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
  const unit = percent || !withUnit ? undefined : unitWord(f.unit, f.value, locale);
  return formatQuantity(f.value, f.qualifier, locale, {
    style: opts.style,
    unit,
    percent,
    maxFractionDigits: opts.maxFractionDigits,
  });
}

export const figureLabel = (f: Pick<Figure, 'label_zh' | 'label_en'>, locale: Locale): string =>
  locale === 'zh-CN' ? f.label_zh : f.label_en;
