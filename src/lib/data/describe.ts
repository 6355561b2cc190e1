import { z } from 'zod';

/**
 * What each column or field of the reply folder is for, said once, on its
 * schema: the English is zod's `.describe()`, the Chinese (for the columns the
 * export documents in both languages) rides beside it through `bi()`. The
 * loader's errors, docs/data-reference.md (scripts/data-reference.ts) and the
 * export's column docs (src/lib/export/dataset.ts, src/lib/charts/common.ts)
 * all read them from here.
 */
const ZH = new WeakMap<z.ZodTypeAny, string>();

/** Describe a column in English (zod's description) and Chinese. */
export function bi<S extends z.ZodTypeAny>(schema: S, en: string, zh: string): S {
  const d = schema.describe(en) as S;
  ZH.set(d, zh);
  return d;
}

/** A column's description in both languages; zh is '' when the schema gives only English. */
export interface Described {
  en: string;
  zh: string;
}

export const described = (s: z.ZodTypeAny | undefined): Described => ({ en: s?.description ?? '', zh: (s && ZH.get(s)) ?? '' });

/** A field's schema with its wrappers (default, optional, transform) taken off. */
export function unwrap(s: z.ZodTypeAny): z.ZodTypeAny {
  for (;;) {
    if (s instanceof z.ZodDefault) s = s._def.innerType;
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else return s;
  }
}

/** The field a path of a parsed value names (sections.2.title_en, places.cixi.zh), with its description; undefined past the schema. */
export function fieldAt(schema: z.ZodTypeAny, at: readonly (string | number)[]): z.ZodTypeAny | undefined {
  let s: z.ZodTypeAny | undefined = schema;
  for (const seg of at) {
    if (!s) return undefined;
    const inner = unwrap(s);
    if (inner instanceof z.ZodObject) s = (inner.shape as Record<string, z.ZodTypeAny>)[String(seg)];
    else if (inner instanceof z.ZodArray) s = inner.element;
    else if (inner instanceof z.ZodRecord) s = inner.valueSchema;
    else if (inner instanceof z.ZodTuple) s = inner.items[Number(seg)] ?? inner;
    else return undefined;
  }
  return s;
}

/** The description of the nearest described field along a path (a tuple's item falls back to the tuple). */
export function aboutAt(schema: z.ZodTypeAny, at: readonly (string | number)[]): string {
  for (let n = at.length; n > 0; n--) {
    const d = fieldAt(schema, at.slice(0, n))?.description;
    if (d) return d;
  }
  return '';
}

/** The message for a value the schema refuses: it says what the column is for (its description up to the first colon). */
export const invalidValue = (about: string): string => (about ? `invalid value for ${about.split(': ')[0]}` : 'invalid value');

/** Each column of a row schema, in order, with its description. */
export function columnDocs(schema: z.AnyZodObject): ({ key: string; required: boolean } & Described)[] {
  return Object.entries(schema.shape as Record<string, z.ZodTypeAny>).map(([key, s]) => ({
    key,
    required: !(s instanceof z.ZodDefault) && !(s instanceof z.ZodOptional),
    ...described(s),
  }));
}
