import type { Qualifier } from '../data/numbers';
import type { Locale } from '../data/model';
import { pick } from './pick';

export interface NumberOptions {
  /** Most digits after the point; trailing zeros are dropped. Default 2. */
  maxFractionDigits?: number;
  /** Chinese only: write round numbers of 10,000 and more with 万 (13万). Default true. */
  wan?: boolean;
}

const formats = new Map<string, Intl.NumberFormat>();
/** One Intl.NumberFormat per locale and options for the whole build (making one is costly). */
function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(opts);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

/**
 * A number as a reader of each locale expects it (GB/T 15835 for Chinese):
 * zh-CN 10652, 13万, 39.63; en 10,652, 130,000, 39.63.
 */
export function formatNumber(value: number, locale: Locale, opts: NumberOptions = {}): string {
  const max = opts.maxFractionDigits ?? 2;
  if (locale === 'zh-CN') {
    const wan = opts.wan ?? true;
    if (wan && Math.abs(value) >= 10000 && value % 1000 === 0) {
      return numberFormat('zh-CN', { useGrouping: false, maximumFractionDigits: 1 }).format(value / 10000) + '万';
    }
    return numberFormat('zh-CN', { useGrouping: false, maximumFractionDigits: max }).format(value);
  }
  return numberFormat('en', { maximumFractionDigits: max }).format(value);
}

export type QuantityStyle = 'text' | 'short';

/**
 * A number with its qualifier, in words (text) or as a compact chart label (short):
 *   more_than 500: zh 500余 / en "more than 500" (short "500+")
 *   at_least 130000: zh 不少于13万 (short "13万+") / en "at least 130,000" (short "130,000+")
 *   approx 1244: zh 约1244 / en "about 1,244" (short "≈1,244")
 * `unit`, if given, is placed where each language puts it (500余套, more than 500 homes).
 */
export function formatQuantity(
  value: number,
  qualifier: Qualifier,
  locale: Locale,
  opts: NumberOptions & { style?: QuantityStyle; unit?: string; percent?: boolean } = {},
): string {
  const style = opts.style ?? 'text';
  const n = formatNumber(value, locale, opts) + (opts.percent ? '%' : '');
  const unit = opts.unit ?? '';
  if (locale === 'zh-CN') {
    if (style === 'short') {
      const q = qualifier === 'more_than' ? '余' : qualifier === 'at_least' ? '+' : '';
      return (qualifier === 'approx' ? '约' : '') + n + q + unit;
    }
    switch (qualifier) {
      case 'more_than':
        // 余 goes between the number and the unit: 500余套, 2000余名. For a percentage: 超过39%.
        return opts.percent ? `超过${n}${unit}` : `${n}余${unit}`;
      case 'at_least':
        return `不少于${n}${unit}`;
      case 'approx':
        return `约${n}${unit}`;
      default:
        return `${n}${unit}`;
    }
  }
  const u = unit ? ` ${unit}` : '';
  if (style === 'short') {
    const prefix = qualifier === 'approx' ? '≈' : '';
    const suffix = qualifier === 'more_than' || qualifier === 'at_least' ? '+' : '';
    return `${prefix}${n}${suffix}${u}`;
  }
  switch (qualifier) {
    case 'more_than':
      return `more than ${n}${u}`;
    case 'at_least':
      return `at least ${n}${u}`;
    case 'approx':
      return `about ${n}${u}`;
    default:
      return `${n}${u}`;
  }
}

/** Is this a lower bound (余, 多, 不少于, 以上)? Charts draw these with an open end. */
export const isLowerBound = (q: Qualifier): boolean => q === 'more_than' || q === 'at_least';

const ZH_SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const EN_SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * A small count as running text writes it: zh 四 (before 项, 个), en "four";
 * from 11 on, digits (formatNumber). For counts that come from the data,
 * such as a reply's number of parts.
 */
export function countWord(n: number, locale: Locale): string {
  if (Number.isInteger(n) && n >= 0 && n <= 10) return pick(locale, ZH_SMALL, EN_SMALL)[n]!;
  return formatNumber(n, locale, { wan: false });
}
