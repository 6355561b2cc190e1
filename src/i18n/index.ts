import { en, type Dict, type Key } from './en';
import { zh } from './zh-CN';
import type { Locale } from '../lib/data/model';

const DICTS: Record<Locale, Dict> = { 'zh-CN': zh, en };

export type T = (key: Key, vars?: Record<string, string | number>) => string;

/** The translator for a locale: t('figures.part', { n: 3 }). */
export function useT(locale: Locale): T {
  const dict = DICTS[locale];
  return (key, vars) => {
    const s = dict[key];
    return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;
  };
}

export type { Key, Dict };
