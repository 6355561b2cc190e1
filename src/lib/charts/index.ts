import type { Locale, Reply } from '../data/model';
import type { ChartBuilder, ChartSpec } from './types';
import { skillMasterStudios } from './skill-master-studios';
import { trainingBases } from './training-bases';
import { skillsContest } from './skills-contest';
import { seniorCertificateRoutes } from './senior-certificate-routes';
import { migrantPupils } from './migrant-pupils';
import { partyRecruits } from './party-recruits';
import { housingScale } from './housing-scale';
import { rentSubsidies } from './rent-subsidies';
import { timeline } from './timeline';
import { replyAtAGlance } from './reply-at-a-glance';

/** Every chart kind, in the order they appear (the reply's parts, then the timeline). A builder returns null when a reply lacks its figures. */
export const BUILDERS: ChartBuilder[] = [
  replyAtAGlance,
  partyRecruits,
  migrantPupils,
  skillMasterStudios,
  trainingBases,
  skillsContest,
  seniorCertificateRoutes,
  housingScale,
  rentSubsidies,
  timeline,
];

const cache = new WeakMap<Reply, Map<Locale, ChartSpec[]>>();

/** The charts a reply has, in one locale (built once per reply and locale). */
export function chartsFor(reply: Reply, locale: Locale): ChartSpec[] {
  let m = cache.get(reply);
  if (!m) cache.set(reply, (m = new Map()));
  if (!m.has(locale)) m.set(locale, BUILDERS.map((b) => b(reply, locale)).filter((s): s is ChartSpec => s !== null));
  return m.get(locale)!;
}

export function chartFor(reply: Reply, locale: Locale, id: string): ChartSpec | undefined {
  return chartsFor(reply, locale).find((c) => c.id === id);
}

export type { ChartSpec, ChartView, ChartColumn, Cell, KeyItem } from './types';

