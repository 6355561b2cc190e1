/**
 * The site's own vocabulary of units, and the names of the units and places a
 * reply folder declares in its reply.json (`units`, `places`). A unit the site
 * lacks is declared by the reply that needs it; a place is always declared by
 * the reply. Model layer: plain data, no UI strings.
 */
import type { Locale, Status } from './model';

/**
 * The names of the tracker's statuses in both languages: the interface shows them
 * (src/i18n takes its tracker.status.* strings from here) and the status-log
 * checker reads a status written as its name (已兑现 means kept).
 */
export const STATUS_NAMES = {
  not_rated: { zh: '未评估', en: 'Not yet rated' },
  in_progress: { zh: '推进中', en: 'In progress' },
  stalled: { zh: '停滞', en: 'Stalled' },
  kept: { zh: '已兑现', en: 'Kept' },
  partly_kept: { zh: '部分兑现', en: 'Partly kept' },
  not_kept: { zh: '未兑现', en: 'Not kept' },
} as const satisfies Record<Status, { zh: string; en: string }>;

/** A unit's Chinese counter and English singular and plural: { zh: '所', en: ['school', 'schools'] }. */
export interface UnitName {
  zh: string;
  en: [string, string];
}

/** A place's name in each language: { zh: '宁波全市', en: 'all of Ningbo' }. */
export interface PlaceName {
  zh: string;
  en: string;
}

/** Units any reply may use without declaring them. */
export const COMMON_UNITS: Readonly<Record<string, UnitName>> = {
  person: { zh: '人', en: ['person', 'people'] },
  'person-time': { zh: '人次', en: ['attendance', 'attendances'] },
  percent: { zh: '%', en: ['%', '%'] },
  yuan: { zh: '元', en: ['yuan', 'yuan'] },
  year: { zh: '年', en: ['year', 'years'] },
  studio: { zh: '家', en: ['studio', 'studios'] },
  unit: { zh: '套（间）', en: ['unit (flat or room)', 'units (flats or rooms)'] },
  school: { zh: '所', en: ['school', 'schools'] },
  project: { zh: '个', en: ['project', 'projects'] },
};

/**
 * Units declared by the loaded replies (reply.json `units`), by id. The loader
 * records each reply's declarations here once its folder is clean; the checker
 * refuses two replies that give one unit id different names, so one id has one
 * name across the site.
 */
const declared = new Map<string, UnitName>();

export function declareUnits(units: Readonly<Record<string, UnitName>>): void {
  for (const [id, name] of Object.entries(units)) declared.set(id, name);
}

/** The name of a unit: the site's own, else one a loaded reply declared; undefined if unknown. */
export function unitName(id: string): UnitName | undefined {
  return COMMON_UNITS[id] ?? declared.get(id);
}

/** The words for a unit in a locale and for a value (English plural by Intl.PluralRules). */
export function unitText(id: string, value: number, locale: Locale): string | undefined {
  const name = unitName(id);
  if (!name) return undefined;
  if (locale === 'zh-CN') return name.zh;
  return new Intl.PluralRules('en').select(value) === 'one' ? name.en[0] : name.en[1];
}

/** Whether a unit id is known: the site's own, or declared in `units` of the reply at hand. */
export const isKnownUnit = (id: string, replyUnits: Readonly<Record<string, UnitName>>): boolean => id in COMMON_UNITS || id in replyUnits;

/** A place's name in a locale, from the reply's `places`; the key itself only if the checker let an undeclared one through. */
export function placeText(places: Readonly<Record<string, PlaceName>>, key: string, locale: Locale): string {
  const p = places[key];
  return p ? (locale === 'zh-CN' ? p.zh : p.en) : key;
}

/** The reply's own place: the first key of its `places` (the answering body's area). */
export const ownPlace = (places: Readonly<Record<string, PlaceName>>): string | undefined => Object.keys(places)[0];
