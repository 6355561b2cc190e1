import type { Locale, Reply } from '../data/model';
import { declaredFigures, type ChartDecl } from '../data/charts-schema';
import type { ChartSpec } from './types';
import { KINDS } from './kinds';
import { resolve } from './declare';
import { autoDecls, autoFrame } from './auto';


/**
 * The charts of a reply, as declarations, in order: those its charts.json
 * declares (in the file's order), then automatic charts for every statistic
 * none of them shows. A folder without charts.json gets automatic charts for
 * all its statistics, then the dates and the overview.
 */
export function chartDecls(reply: Reply): ChartDecl[] {
  if (!reply.charts) {
    return [...autoDecls(reply, new Set()), ...autoFrame(reply)];
  }
  const covered = new Set(reply.charts.flatMap(declaredFigures));
  return [...reply.charts, ...autoDecls(reply, covered)];
}

const cache = new WeakMap<Reply, Map<Locale, ChartSpec[]>>();

/** The charts a reply has, in one locale (built once per reply and locale). */
export function chartsFor(reply: Reply, locale: Locale): ChartSpec[] {
  let m = cache.get(reply);
  if (!m) cache.set(reply, (m = new Map()));
  if (!m.has(locale)) {
    const specs: ChartSpec[] = [];
    for (const decl of chartDecls(reply)) {
      const input = resolve(reply, locale, decl);
      const spec = input && KINDS[decl.kind](input);
      if (spec) specs.push(spec);
    }
    m.set(locale, specs);
  }
  return m.get(locale)!;
}

export function chartFor(reply: Reply, locale: Locale, id: string): ChartSpec | undefined {
  return chartsFor(reply, locale).find((c) => c.id === id);
}

export type { ChartSpec, ChartView, ChartColumn, Cell, KeyItem } from './types';
