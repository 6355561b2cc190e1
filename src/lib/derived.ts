/**
 * Figures the reply does not state but implies, computed from its rows.
 * derived.csv names a function and the figure ids it takes; this file is the
 * only place the arithmetic lives, and each result carries its formula.
 */
import type { Qualifier } from './data/numbers';
import { decimalsOf } from './data/numbers';
import type { DerivedDef, Figure, Locale, Reply, Scope } from './data/model';
import { formatNumber } from './format/number';
import { formatValue } from './format/figure';
import { useT } from '../i18n';
import { FUNCTIONS, parseFormula, type FunctionName } from './data/formula';

// The formula grammar is the model layer's (src/lib/data/formula.ts); re-exported for the callers of this file.
export { FUNCTIONS, parseFormula, type FunctionName };

export interface Derived {
  id: string;
  fn: FunctionName;
  inputs: Figure[];
  value: number;
  qualifier: Qualifier;
  unit: string;
  /** Integer range the rounding of a stated percentage allows (implied_total). */
  interval?: [number, number];
  scopes: Scope[];
  def: DerivedDef;
}


/** The qualifier of a sum: lower bounds add up to a lower bound; anything approximate is approximate. */
function sumQualifier(qs: Qualifier[]): Qualifier {
  if (qs.includes('approx')) return 'approx';
  if (qs.includes('more_than')) return 'more_than';
  if (qs.includes('at_least')) return 'at_least';
  return 'exact';
}

/** Integers N with round(part / N, d decimals of percent) equal to the stated share. */
export function impliedTotalInterval(part: number, sharePct: number, decimals = decimalsOf(sharePct)): [number, number] {
  const half = 0.5 * 10 ** -decimals;
  const lo = part / ((sharePct + half) / 100);
  const hi = part / ((sharePct - half) / 100);
  // share in [s - half, s + half) -> N in (lo, hi]
  let a = Math.floor(lo) + 1;
  let b = Math.floor(hi);
  if (a > b) [a, b] = [Math.round(part / (sharePct / 100)), Math.round(part / (sharePct / 100))];
  return [a, b];
}


export function computeDerived(def: DerivedDef, byId: Map<string, Figure>): Derived {
  const { fn, args } = parseFormula(def.formula)!;
  const inputs = args.map((a) => byId.get(a)!);
  const scopes = [...new Set(inputs.map((i) => i.scope))];
  const base = { id: def.id, fn: fn as FunctionName, inputs, unit: def.unit, scopes, def };
  switch (fn as FunctionName) {
    case 'sum':
      return { ...base, value: inputs.reduce((s, i) => s + i.value, 0), qualifier: sumQualifier(inputs.map((i) => i.qualifier)) };
    case 'share': {
      const [a, b] = inputs as [Figure, Figure];
      const exact = a.qualifier === 'exact' && b.qualifier === 'exact';
      return { ...base, value: (a.value / b.value) * 100, qualifier: exact ? 'exact' : 'approx' };
    }
    case 'implied_total': {
      const [part, share] = inputs as [Figure, Figure];
      const interval = impliedTotalInterval(part.value, share.value);
      return { ...base, value: part.value / (share.value / 100), qualifier: 'approx', interval };
    }
  }
}

export function derivedFigures(reply: Reply): Derived[] {
  const byId = new Map(reply.figures.map((f) => [f.id, f]));
  return reply.derivedDefs.map((d) => computeDerived(d, byId));
}

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
