import type { Locale, Reply } from '../data/model';
import type { ChartBuilder, ChartSpec } from './types';
import { skillMasterStudios } from './skill-master-studios';

/** Every chart kind, in the order they appear. A builder returns null when a reply lacks its figures. */
export const BUILDERS: ChartBuilder[] = [skillMasterStudios];

/** The charts a reply has, in one locale. */
export function chartsFor(reply: Reply, locale: Locale): ChartSpec[] {
  return BUILDERS.map((b) => b(reply, locale)).filter((s): s is ChartSpec => s !== null);
}

export function chartFor(reply: Reply, locale: Locale, id: string): ChartSpec | undefined {
  return chartsFor(reply, locale).find((c) => c.id === id);
}

export type { ChartSpec, ChartView, ChartColumn, Cell } from './types';
