/**
 * The words a chart kind writes that a declaration may give in its own words
 * (charts.json `text`, keys in CHART_TEXT of src/lib/data/charts-schema.ts):
 * the declaration's words for the locale if it has them, else the site's
 * generic words (src/i18n), with the same named placeholders filled.
 */
import type { Locale } from '../data/model';
import { pick } from '../format/pick';
import { CHART_TEXT, type ChartDecl, type ChartTextKey } from '../data/charts-schema';
import { fill, template, type Key, type VarsOf } from '../../i18n';

/** The site's generic words for each key, where a declaration gives none. */
const DEFAULTS = {
  'implied-rest': 'charts.implied.rest',
  'implied-interval': 'charts.implied.interval',
  'implied-interval-one': 'charts.implied.interval-one',
  'steps-title': 'story.steps.title',
  'steps-ratio': 'story.steps.legend.ratio',
  'steps-alt-target': 'story.steps.alt.target',
  'steps-alt-pilot': 'story.steps.alt.pilot',
  'steps-alt-compare': 'story.steps.alt.compare',
  'steps-alt-subsidy': 'story.steps.alt.subsidy',
} as const satisfies Record<ChartTextKey, Key>;

/** The values a key's placeholders take: exactly the ones CHART_TEXT lists. */
export type ChartTextVars<K extends ChartTextKey> = Record<(typeof CHART_TEXT)[K]['vars'][number], string | number>;

/** CHART_TEXT lists, for each key, the placeholders of its default strings (a type error names a key where not). */
type Disagreeing = {
  [K in ChartTextKey]: [(typeof CHART_TEXT)[K]['vars'][number]] extends [VarsOf<(typeof DEFAULTS)[K]>]
    ? [VarsOf<(typeof DEFAULTS)[K]>] extends [(typeof CHART_TEXT)[K]['vars'][number]]
      ? never
      : K
    : K;
}[ChartTextKey];
const varsAgree: [Disagreeing] extends [never] ? true : Disagreeing = true;
void varsAgree;

/** A chart's words for `key` in a locale: its declaration's, else the site's. */
export function chartText<K extends ChartTextKey>(decl: Pick<ChartDecl, 'text'> | undefined, key: K, locale: Locale, vars: ChartTextVars<K>): string {
  const own = decl?.text?.[key]?.[pick(locale, 'zh', 'en')];
  return fill(own ?? template(locale, DEFAULTS[key]), vars);
}
