/**
 * The grammar of derived.csv's formulas (model layer): which functions exist
 * and how many figure ids each takes. The arithmetic lives in src/lib/derived.ts;
 * the loader checks formulas with this file alone, so validation does not
 * import the derive or present layers.
 */
export function parseFormula(formula: string): { fn: string; args: string[] } | undefined {
  const m = /^([a-z_]+)\(([^)]*)\)$/.exec(formula.trim());
  if (!m) return undefined;
  return { fn: m[1]!, args: m[2]!.split(',').map((s) => s.trim()).filter(Boolean) };
}

export const FUNCTIONS = {
  sum: { arity: [2, 20] as [number, number] },
  share: { arity: [2, 2] as [number, number] },
  implied_total: { arity: [2, 2] as [number, number] },
};
export type FunctionName = keyof typeof FUNCTIONS;
