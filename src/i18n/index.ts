import { en, type Dict, type Key } from './en';
import { zh } from './zh-CN';
import type { Locale } from '../lib/data/model';

const DICTS: Record<Locale, Dict> = { 'zh-CN': zh, en };

/** The placeholder names of a template string type: Placeholders<'第{n}部分，共{total}'> is 'n' | 'total'. */
export type Placeholders<S extends string> = S extends `${string}{${infer N}}${infer R}`
  ? N | Placeholders<R>
  : never;

/** The placeholders of a key (both dictionaries have the same set; tests/unit/i18n.test.ts checks it). */
export type VarsOf<K extends Key> = Placeholders<(typeof en)[K]> | Placeholders<(typeof zh)[K]>;

/** The rest arguments of t(key, …): none for a key without placeholders, else exactly its placeholders. */
export type VarsArg<K extends Key> = [VarsOf<K>] extends [never]
  ? []
  : [vars: { readonly [P in VarsOf<K>]: string | number }];

/** The keys whose zh and en strings differ in placeholders; a type error below names them. */
type Mismatched = {
  [K in Key]: [Placeholders<(typeof en)[K]>] extends [Placeholders<(typeof zh)[K]>]
    ? [Placeholders<(typeof zh)[K]>] extends [Placeholders<(typeof en)[K]>]
      ? never
      : K
    : K;
}[Key];
const placeholdersAgree: [Mismatched] extends [never] ? true : Mismatched = true;
void placeholdersAgree;

export type T = <K extends Key>(key: K, ...vars: VarsArg<K>) => string;

/** A template's named placeholders filled: fill('第{n}部分', { n: 3 }); one not given stays as written. */
export const fill = (s: string, vars?: Readonly<Record<string, string | number>>): string =>
  vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;

/**
 * A key's string as written, placeholders unfilled, for a template another filler
 * fills: a chart declaration's title (src/lib/charts/declare.ts) or the tracker's script.
 */
export const template = (locale: Locale, key: Key): string => DICTS[locale][key];

/** The translator for a locale: t('figures.part', { n: 3 }). */
export function useT(locale: Locale): T {
  const dict = DICTS[locale];
  return (key, ...vars) => fill(dict[key], vars[0]);
}

export type { Key, Dict };
