import { z } from 'zod';
import { QUALIFIERS } from './numbers';
import { MEASURABLE, MEASURES, STATEMENT_KINDS, STATUSES } from './model';
import { isIsoDate, isPartialDate, parsePeriod, PERIOD_FORMS } from './dates';

/**
 * Row schemas, one per CSV. Each refinement's message is the *expectation*
 * shown to the person fixing the file; the loader adds file, line and the
 * value found.
 */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id such as "studios-total" (lowercase letters, digits, hyphens)');
const text = z.string().min(1, 'a non-empty text');
const optional = z.string();
const section = z
  .string()
  .regex(/^[1-9]\d*$/, "the number of the reply's part it comes from (an n of sections in reply.json)")
  .transform(Number);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { errorMap: () => ({ message: 'one of ' + values.join(' | ') }) });
const decimal = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/, 'a plain decimal number such as 130000 or 39.63 (no 万, %, commas or spaces)')
  .transform(Number);

export const figureRow = z.object({
  id,
  section,
  value: decimal,
  unit: z.string().regex(/^[a-z][a-z-]*$/, 'a unit such as person, person-time, studio, unit, percent'),
  qualifier: oneOf(QUALIFIERS),
  measure: oneOf(MEASURES),
  period: z.string().refine((s) => parsePeriod(s) !== undefined, `a period such as ${PERIOD_FORMS}, with real dates`),
  scope: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a place key declared in places of reply.json, such as cixi'),
  label_zh: text,
  label_en: text,
  quote: text,
  note_zh: optional.default(''),
  note_en: optional.default(''),
});

export const commitmentRow = z.object({
  id,
  section,
  kind: oneOf(STATEMENT_KINDS),
  text_zh: text,
  text_en: text,
  quote: text,
  owner: optional,
  owner_en: optional.default(''),
  lead_inferred: optional.default(''),
  lead_inferred_en: optional.default(''),
  deadline: z.string().refine((s) => s === '' || isPartialDate(s), 'empty, or a real date as YYYY-MM-DD or YYYY-MM'),
  measurable: oneOf(MEASURABLE),
  status: oneOf(STATUSES),
  status_date: z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD'),
  evidence: optional,
});

export const notFigureRow = z.object({
  token: z.string().regex(/^[0-9０-９]+$/, 'a run of digits as it appears in the source'),
  quote: text,
  reason: text,
});

export const eventRow = z.object({
  id,
  date: z.string().refine(isPartialDate, 'a real date as YYYY, YYYY-MM or YYYY-MM-DD'),
  section: z
    .string()
    .regex(/^(?:[1-9]\d*)?$/, "empty, or the number of the reply's part (an n of sections in reply.json)")
    .transform((s) => (s === '' ? null : Number(s))),
  kind: oneOf(['past', 'reply', 'promised'] as const),
  figure: optional.default(''),
  label_zh: text,
  label_en: text,
  quote: text,
});

export const derivedRow = z.object({
  id,
  formula: z.string().regex(/^[a-z_]+\(\s*[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*\s*\)$/, 'a formula such as share(contest-certificates, contest-entrants)'),
  unit: z.string().regex(/^[a-z][a-z-]*$/, 'a unit such as person or percent'),
  label_zh: text,
  label_en: text,
  caveat_zh: optional.default(''),
  caveat_en: optional.default(''),
});

export const glossaryRow = z.object({
  id,
  term_zh: text,
  term_en: text,
  definition_zh: text,
  definition_en: text,
});

const bilingual = z.object({ zh: text, en: text });
/** A brief's one-line summary of a part: prose only, every number comes from figures.csv. */
const briefLine = z.string().min(1, 'a non-empty sentence, or leave the field out').regex(/^[^0-9０-９]*$/, 'a sentence without digits (the brief lists the part\'s figures from figures.csv beside it)');
const unitId = z.string().regex(/^[a-z][a-z-]*$/, 'a unit id such as station (lowercase letters and hyphens)');
const placeKey = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a place key such as zhejiang (lowercase letters, digits, hyphens)');
/** A unit the site lacks: its Chinese counter and English singular and plural. */
export const unitDeclaration = z.object({
  zh: text.describe('the Chinese counter or unit as pages print it after a number: 个, 所, 万元'),
  en: z.tuple([text, text], { errorMap: () => ({ message: 'the English singular and plural, such as ["station", "stations"]' }) }),
});
export const replyJson = z.object({
  id,
  title_zh: text,
  title_en: text,
  proposal: z.object({
    number: z.number().int().positive(),
    session_zh: text,
    session_en: text,
    title_zh: text,
    title_en: text,
    delegate_zh: text,
    delegate_en: text,
  }),
  answering_body: bilingual,
  co_handling: z.array(bilingual),
  date: z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD'),
  cc: z.array(bilingual),
  sections: z
    .array(
      z.object({
        n: z.number().int().positive(),
        title_zh: text,
        title_en: text,
        /** The part's answer in one sentence, for the delegates' brief; optional (the brief then shows the title alone). */
        brief_zh: briefLine.optional(),
        brief_en: briefLine.optional(),
      }),
    )
    .min(1, 'at least one part: [{ "n": 1, "title_zh": "…", "title_en": "…" }]'),
  /** The places its figures cover, by scope key; the first is the reply's own. */
  places: z.record(placeKey, bilingual).refine((r) => Object.keys(r).length > 0, 'at least one place, the reply\'s own first: { "cixi": { "zh": "慈溪", "en": "Cixi" } }'),
  /** Units the site's own list lacks. */
  units: z.record(unitId, unitDeclaration).default({}),
  /** Chinese words no line may break inside, beyond those the site takes from the data itself (src/lib/data/words.ts). */
  words_zh: z.array(text).default([]),
  source: z.object({
    file: text,
    original: text,
    language: text,
    kind_zh: text,
    kind_en: text,
    cleaning: z.array(z.object({ removed: text, occurrences: z.number().int().positive(), line: z.number().int().positive(), reason_zh: text, reason_en: text })),
  }),
  translation: z.object({ file: text, by_zh: text, by_en: text }),
  accessed: z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD'),
  licence: z.object({ data: text, data_url: z.string().url(), source_zh: text, source_en: text }),
});

/** The columns each CSV must have, from its schema. */
export const requiredColumns = (schema: z.AnyZodObject): string[] =>
  Object.entries(schema.shape)
    .filter(([, s]) => !(s instanceof z.ZodDefault))
    .map(([k]) => k);
