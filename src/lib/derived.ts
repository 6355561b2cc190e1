/**
 * Figures the reply does not state but implies, computed from its rows.
 * derived.csv names a function and the figure ids it takes; this file is the
 * only place the arithmetic lives, and each result carries its formula.
 * How a derived figure is written (value, formula, interval): src/lib/format/derived.ts.
 */
import type { Qualifier } from './data/numbers';
import { decimalsOf } from './data/numbers';
import type { DerivedDef, Figure, Reply, Scope } from './data/model';
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
