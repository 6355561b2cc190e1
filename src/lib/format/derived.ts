/**
 * How a derived figure reads: its value, its formula with the actual numbers,
 * and what the rounding of a share allows. The arithmetic is src/lib/derived.ts.
 */
import type { Figure, Locale } from '../data/model';
import type { Derived } from '../derived';
import { formatNumber } from './number';
import { formatValue } from './figure';
import { useT } from '../../i18n';

/**
 * What the rounding of a share allows for an implied total, in words; a
 * collapsed interval is the single number ("only 1,244 gives 39.63%"), never
 * "between 1244 and 1244". Empty for a figure without an interval.
 */
export function intervalText(d: Derived, locale: Locale): string {
  if (!d.interval) return '';
  const t = useT(locale);
  const [lo, hi] = d.interval;
  const vars = {
    share: `${formatNumber(d.inputs[1]!.value, locale)}%`,
    lo: formatNumber(lo, locale, { wan: false }),
    hi: formatNumber(hi, locale, { wan: false }),
  };
  return t(lo === hi ? 'derived.interval-one' : 'derived.interval', vars);
}

/** How a derived value reads: shares to one decimal, implied totals to whole people. */
export function formatDerivedValue(d: Derived, locale: Locale, opts: { unit?: boolean } = {}): string {
  const value = d.fn === 'implied_total' ? Math.round(d.value) : d.value;
  return formatValue({ value, qualifier: d.qualifier, unit: d.unit }, locale, { maxFractionDigits: d.unit === 'percent' ? 1 : 0, unit: opts.unit });
}

/**
 * The formula with the actual numbers, in the reader's language:
 *   share:         6479 ÷ 10652 × 100% = 60.8%
 *   sum:           1 + 1 + 7 = 9
 *   implied_total: 493 ÷ 39.63% ≈ 1244
 */
export function formulaText(d: Derived, locale: Locale): string {
  const n = (x: number, digits = 2) => formatNumber(x, locale, { maxFractionDigits: digits, wan: false });
  const v = (f: Figure) => formatValue(f, locale, { style: 'short', unit: false });
  switch (d.fn) {
    case 'sum':
      return `${d.inputs.map(v).join(' + ')} = ${formatDerivedValue(d, locale)}`;
    case 'share':
      // one precision per number: the result reads exactly as the value shown everywhere else
      return `${v(d.inputs[0]!)} ÷ ${v(d.inputs[1]!)} × 100% ${d.qualifier === 'exact' ? '=' : '≈'} ${n(d.value, 1)}%`;
    case 'implied_total':
      return `${v(d.inputs[0]!)} ÷ ${n(d.inputs[1]!.value)}% ≈ ${n(d.value, 0)}`;
  }
}
