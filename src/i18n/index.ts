import { en, type Dict, type Key } from './en';
import { zh } from './zh-CN';
import type { Locale } from '../lib/data/model';

const DICTS: Record<Locale, Dict> = { 'zh-CN': zh, en };

export type T = (key: Key, vars?: Record<string, string | number>) => string;

/** A template's named placeholders filled: fill('第{n}部分', { n: 3 }); one not given stays as written. */
export const fill = (s: string, vars?: Record<string, string | number>): string =>
  vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;

/** The translator for a locale: t('figures.part', { n: 3 }). */
export function useT(locale: Locale): T {
  const dict = DICTS[locale];
  return (key, vars) => fill(dict[key], vars);
}

export type { Key, Dict };
