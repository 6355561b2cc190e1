/**
 * data/replies/<id>/charts.json (optional): which figures form which chart,
 * its kind and its words in each locale. Without the file, or for figures no
 * declared chart shows, the site draws automatic charts
 * (src/lib/charts/auto.ts), so every statistic is in at least one chart.
 *
 * {
 *   "charts": [
 *     { "id": "skill-master-studios", "kind": "parts",
 *       "figures": ["studios-provincial", "studios-ningbo", "studios-cixi"],
 *       "whole": "studios-total",
 *       "title_zh": "…:fig{#studios-total bare}…", "title_en": "…",
 *       "notes_zh": ["…"], "notes_en": ["…"] }
 *   ]
 * }
 *
 * Titles, subtitles and notes take the story's inline directives for values
 * (:fig{#id}, :fig{#id short}, :fig{#id bare}, :der{#id}, :der{#id short},
 * :period{#id}, :place{#id}; syntax in src/lib/data/prose.ts), so no number is typed.
 *
 * `text` puts words the chart's kind writes (CHART_TEXT below) in the chart's
 * own words, per locale; a locale it leaves out gets the site's generic words
 * (src/i18n). A template takes only the named placeholders the code fills,
 * such as {n} or {r}:
 *
 *   "text": { "implied-rest": { "zh": "其他：{n}人（推算）", "en": "Everyone else: {n} (implied)" } }
 *
 * Owned by the charts feature; the loader calls `readCharts` once per reply folder.
 */
import { z } from 'zod';
import type { Problem } from './problems';
import { lineOf, readOptionalJson } from './json';
import { pieces, type DirectiveUse } from './prose';
import { aboutAt, invalidValue } from './describe';

/** The chart kinds the site can draw (src/lib/charts/kinds/<kind>.ts). */
export const CHART_KINDS = ['bars', 'parts', 'units', 'number', 'timeline', 'overview'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * Words a chart kind writes that a declaration may give in its own words
 * (`text`): for each key, the kinds that read it and the placeholders the code
 * fills. The `steps-*` keys are the story's step sequence (::steps), drawn from
 * the first units chart with a whole.
 */
export const CHART_TEXT = {
  /** parts, whole implied by a count and a share: the label of the remainder; {n} about how many. */
  'implied-rest': { kinds: ['parts'], vars: ['n'] },
  /** parts, implied whole: how the total was worked out; {share} the rounded share, {lo} to {hi} the totals it allows. */
  'implied-interval': { kinds: ['parts'], vars: ['share', 'lo', 'hi'] },
  /** the same when only one whole number rounds to the share ({lo}). */
  'implied-interval-one': { kinds: ['parts'], vars: ['share', 'lo'] },
  /** the step sequence's heading. */
  'steps-title': { kinds: ['units'], vars: [] },
  /** legend of the comparing step: {r} the ratio, {pilot} and {target} the two figures' labels. */
  'steps-ratio': { kinds: ['units'], vars: ['r', 'pilot', 'target'] },
  /** text alternative of the first step (the whole): {n} squares, one per {per}, {v} its value, {what} its label. */
  'steps-alt-target': { kinds: ['units'], vars: ['n', 'per', 'v', 'what'] },
  /** of the second step (the part above the whole): {n} squares above {all}, {v} its value, {what} its label. */
  'steps-alt-pilot': { kinds: ['units'], vars: ['n', 'all', 'v', 'what'] },
  /** of the comparing step: {r} the ratio, {pilot} and {target} the labels. */
  'steps-alt-compare': { kinds: ['units'], vars: ['r', 'pilot', 'target'] },
  /** of the last step (people, on a grid of their own): {n} squares, one per {per}, {v} its value, {what} its label. */
  'steps-alt-subsidy': { kinds: ['units'], vars: ['n', 'per', 'v', 'what'] },
} as const satisfies Record<string, { kinds: readonly string[]; vars: readonly string[] }>;
export type ChartTextKey = keyof typeof CHART_TEXT;
const isTextKey = (k: string): k is ChartTextKey => Object.hasOwn(CHART_TEXT, k);

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id such as "skill-master-studios"');
const text = z.string().min(1, 'a non-empty text');
const WORDS = 'written with the story\'s directives (:fig{#id}, :fig{#id short}, :der{#id}, :period{#id}, :place{#id}), so no number is typed';

/** A count whose items the quote names (工具钳工、电工…等10个工种): the names in English are ours. */
const named = z
  .object({
    figure: id.describe('the id of the count in figures.csv whose quote lists the items'),
    en: z.array(text).min(1).describe("our English rendering of each name the quote lists, in the quote's order"),
    translation: z
      .literal('ours', { errorMap: () => ({ message: '"ours" (the English names are our translation)' }) })
      .describe('always "ours": the reply gives the names in Chinese only'),
  })
  .strict();

export const chartDecl = z
  .object({
    id: id.describe('the stable id of the chart, used in URLs'),
    kind: z.string().describe(`how it is drawn: ${CHART_KINDS.join(', ')} (src/lib/charts/kinds/)`),
    figures: z.array(id).default([]).describe('ids from figures.csv, in the order drawn'),
    derived: z.array(id).default([]).describe('ids from derived.csv the chart shows (sums, shares, implied totals)'),
    whole: id.optional().describe('parts: the figure the parts are of; units: the figure whose grid the others are drawn inside'),
    share: id.optional().describe('bars: a derived share that gives a second view (each bar as a share of the first)'),
    cards: z.array(id).default([]).describe('figures drawn once below the chart as number cards (other units, other measures)'),
    named: named.optional().describe('a count drawn one square per item, the named ones labelled'),
    title_zh: text.describe(`the title: the finding, Chinese, ${WORDS}`),
    title_en: text.describe('the title, English, with the same directives'),
    subtitle_zh: z.string().optional().describe('a subtitle, Chinese (optional)'),
    subtitle_en: z.string().optional().describe('a subtitle, English (optional)'),
    notes_zh: z.array(text).default([]).describe('notes below the chart, Chinese'),
    notes_en: z.array(text).default([]).describe('notes below the chart, English'),
    text: z.record(z.string(), z.object({ zh: text.optional().describe('the words in Chinese (optional: else the site\'s own)'), en: text.optional().describe('the words in English (optional: else the site\'s own)') }).strict()).optional().describe("the kind's words in this chart's own words (CHART_TEXT), per locale (optional)"),
  })
  .strict();
export type ChartDecl = z.infer<typeof chartDecl> & { kind: ChartKind; line?: number };

export const chartsFile = z
  .object({ charts: z.array(chartDecl).describe('the charts, in order') })
  .strict()
  .describe('charts.json (optional): the reply\'s charts; any statistic no declared chart shows gets an automatic chart.');


/** The line where chart number `i` of the file begins (its "id"), as near as the text allows. */
function chartLine(text: string, i: number, key?: string, value?: string): number | undefined {
  let pos = -1;
  for (let k = 0; k <= i; k++) {
    pos = text.indexOf('"id"', pos + 1);
    if (pos < 0) return undefined;
  }
  if (key) {
    const next = text.indexOf('"id"', pos + 1);
    const end = next < 0 ? text.length : next;
    const at = text.indexOf(value ? `"${value}"` : `"${key}"`, text.indexOf(`"${key}"`, pos));
    if (at >= 0 && at < end) return lineOf(text, at);
  }
  return lineOf(text, pos);
}

/**
 * Read and check charts.json of a reply folder; undefined when the folder has
 * none. Problems: bad JSON, unknown keys, unknown kind, unknown figure or
 * derived id, a missing title in a locale, two charts with one id, named
 * items that do not match the quote's list.
 */
export function readCharts(
  root: string,
  dir: string,
  known: { figures: Map<string, { quote: string; unit: string }>; derived: Set<string> },
  problems: Problem[],
): ChartDecl[] | undefined {
  const rel = `${dir}/charts.json`;
  const read = readOptionalJson(root, rel, problems);
  if (!read) return undefined;
  const { text, json } = read;
  const parsed = chartsFile.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, i, key] = issue.path;
      const missingTitle = typeof key === 'string' && /^title_/.test(key) && issue.code === 'invalid_type';
      problems.push({
        file: rel,
        line: typeof i === 'number' ? chartLine(text, i, typeof key === 'string' ? key : undefined) : 1,
        column: issue.path.join('.'),
        message: missingTitle ? `the chart has no ${key === 'title_zh' ? 'Chinese' : 'English'} title` : issue.code === 'unrecognized_keys' ? issue.message : invalidValue(aboutAt(chartsFile, issue.path)),
        expected: missingTitle ? undefined : issue.message,
        fix: missingTitle
          ? `add "${key}": "…" (the finding, in ${key === 'title_zh' ? 'Chinese' : 'English'}; values as :fig{#<id>})`
          : issue.code === 'unrecognized_keys'
            ? `remove the key, or use one of ${Object.keys(chartDecl.shape).join(', ')}`
            : undefined,
      });
    }
    return undefined;
  }
  const out: ChartDecl[] = [];
  const seen = new Map<string, number>();
  parsed.data.charts.forEach((c, i) => {
    const line = chartLine(text, i);
    if (!(CHART_KINDS as readonly string[]).includes(c.kind)) {
      problems.push({ file: rel, line: chartLine(text, i, 'kind'), column: `charts.${i}.kind`, message: `unknown chart kind "${c.kind}"`, found: c.kind, expected: `one of ${CHART_KINDS.join(', ')}`, fix: 'use one of the kinds in src/lib/charts/kinds/' });
    }
    if (seen.has(c.id)) problems.push({ file: rel, line, column: `charts.${i}.id`, message: `the chart id is already used (chart ${seen.get(c.id)! + 1})`, found: c.id, fix: 'give each chart its own id (it is in URLs)' });
    seen.set(c.id, i);
    for (const f of declaredFigures(c)) {
      if (!known.figures.has(f))
        problems.push({ file: rel, line: chartLine(text, i, 'figures', f), column: `charts.${i}`, message: `no figure has the id "${f}"`, found: f, expected: 'an id from figures.csv', fix: `correct the id, or add the figure to ${dir}/figures.csv` });
    }
    for (const d of [...c.derived, ...(c.share ? [c.share] : [])]) {
      if (!known.derived.has(d))
        problems.push({ file: rel, line: chartLine(text, i, 'derived', d), column: `charts.${i}`, message: `no derived figure has the id "${d}"`, found: d, expected: 'an id from derived.csv', fix: `correct the id, or add the formula to ${dir}/derived.csv` });
    }
    if (c.named) {
      const fig = known.figures.get(c.named.figure);
      const names = fig ? namedItems(fig.quote) : [];
      if (fig && names.length !== c.named.en.length)
        problems.push({ file: rel, line: chartLine(text, i, 'named'), column: `charts.${i}.named.en`, message: `the quote names ${names.length} items (${names.join('、')}), the English list has ${c.named.en.length}`, fix: 'give one English name per item the quote lists, in its order' });
    }
    copyProblems(c, { rel, line: chartLine(text, i, 'title_zh'), column: `charts.${i}` }, known, problems);
    checkText(c, i, text, rel, problems);
    out.push({ ...c, kind: c.kind as ChartKind, line });
  });
  return out;
}

/** The text directives of a chart's copy. */
const directivesIn = (text: string): DirectiveUse[] => pieces(text).flatMap((p) => (p.t === 'directive' ? [p] : []));

/** A chart's titles and notes: directives in the old syntax, directives the charts do not fill, unknown ids and options. */
function copyProblems(
  c: z.infer<typeof chartDecl>,
  at: { rel: string; line: number | undefined; column: string },
  known: { figures: Map<string, unknown>; derived: Set<string> },
  problems: Problem[],
): void {
  const where = { file: at.rel, line: at.line, column: at.column };
  const refs = [c.title_zh, c.title_en, c.subtitle_zh ?? '', c.subtitle_en ?? '', ...c.notes_zh, ...c.notes_en].join(' ');
  // the syntax before remark ({fig:id|short}) would read as text and stray directives
  const old = [...refs.matchAll(/\{[a-z]+:[^{}]*\}/g)];
  for (const m of old)
    problems.push({ ...where, message: 'a directive in the old syntax', found: m[0], expected: ':fig{#id}, :fig{#id short}, :der{#id} …', fix: 'run node scripts/convert-story-syntax.mjs' });
  for (const d of old.length ? [] : directivesIn(refs)) {
    const name = ['fig', 'der', 'period', 'place'].includes(d.name) ? d.name : null;
    const ok = name === 'der' ? known.derived.has(d.id) : name !== null && known.figures.has(d.id);
    const opts = d.options.filter((o) => !['short', 'bare'].includes(o));
    if (!ok)
      problems.push({
        ...where,
        message: name ? `the directive names an unknown id` : `unknown directive`,
        found: d.source,
        expected: !name ? ':fig, :der, :period or :place' : name === 'der' ? 'an id from derived.csv' : 'an id from figures.csv',
        fix: name ? 'correct the id in the directive' : 'write :fig{#id}, :der{#id}, :period{#id} or :place{#id}',
      });
    else if (opts.length || d.other.length || d.label !== null || d.options.length > 1)
      problems.push({ ...where, message: 'a directive option the charts do not know', found: d.source, expected: 'short or bare' });
  }
}

/** `text` of chart `i`: known keys its kind reads, a locale or both, only the placeholders the code fills. */
function checkText(c: z.infer<typeof chartDecl>, i: number, file: string, rel: string, problems: Problem[]): void {
  for (const [key, words] of Object.entries(c.text ?? {})) {
    const line = chartLine(file, i, 'text', key);
    const at = { file: rel, line, column: `charts.${i}.text.${key}` };
    if (!isTextKey(key)) {
      const keys = Object.keys(CHART_TEXT).filter((k) => (CHART_TEXT[k as ChartTextKey].kinds as readonly string[]).includes(c.kind));
      problems.push({ ...at, message: `no chart kind writes a text "${key}"`, found: key, expected: keys.length ? `one of ${keys.join(', ')} (what a ${c.kind} chart writes)` : `a ${c.kind} chart writes none`, fix: 'correct the key, or remove it' });
      continue;
    }
    const spec = CHART_TEXT[key];
    if (!(spec.kinds as readonly string[]).includes(c.kind))
      problems.push({ ...at, message: `a ${c.kind} chart does not write "${key}"`, found: key, expected: `a chart of kind ${spec.kinds.join(' or ')}`, fix: 'move the text to a chart of that kind, or remove it' });
    if (words.zh === undefined && words.en === undefined)
      problems.push({ ...at, message: 'the text gives no words', fix: `give "zh": "…", "en": "…" or both (a locale left out gets the site's own words)` });
    for (const [lang, s] of Object.entries(words)) {
      for (const m of (s ?? '').matchAll(/\{([^{}]*)\}/g)) {
        if ((spec.vars as readonly string[]).includes(m[1]!)) continue;
        problems.push({
          ...at,
          column: `charts.${i}.text.${key}.${lang}`,
          message: `the text has a placeholder the chart does not fill`,
          found: m[0],
          expected: spec.vars.length ? `one of ${spec.vars.map((v) => `{${v}}`).join(', ')}` : 'no placeholder',
          fix: spec.vars.length ? 'use one of those placeholders, or write the words out (values as the code fills them, not :fig{#…})' : 'write the words out',
        });
      }
    }
  }
}

/** Every figure id a declaration draws (its figures, whole, cards and named count). */
export const declaredFigures = (d: Pick<ChartDecl, 'figures' | 'whole' | 'cards' | 'named'>): string[] => [
  ...d.figures,
  ...(d.whole ? [d.whole] : []),
  ...d.cards,
  ...(d.named ? [d.named.figure] : []),
];

/** The items a quote lists before 等 (etc.), split on the enumeration comma 、. */
export function namedItems(quote: string): string[] {
  if (!quote.includes('、')) return [];
  const list = (quote.split('等')[0] ?? '').replace(/^.*?[：:，,]/, '');
  return list
    .split('、')
    .map((s) => s.trim())
    .filter(Boolean);
}
