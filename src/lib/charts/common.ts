/**
 * What every chart builder shares: looking up the figures it needs (null if
 * the reply lacks one), formatting values honestly (qualifiers written out or
 * as "500+"), the table and download rows, subtitles and notes.
 */
import type { Figure, Locale, Reply } from '../data/model';
import { computeDerived, parseFormula, type Derived } from '../derived';
import { formatDerivedValue, formulaText } from '../format/derived';
import { formatValue, figureLabel } from '../format/figure';
import { formatNumber, isLowerBound } from '../format/number';
import { figureQuotes, formatDate, formatPeriod } from '../format/date';
import { parsePeriod } from '../data/dates';
import { placeText } from '../data/vocabulary';
import { useT, type T } from '../../i18n';
import { pick, punct, type Punct } from '../format/pick';
import type { Cell, ChartColumn, ChartSpec, KeyItem } from './types';
import type { Tip } from './scene';
import { figureRow as figureRowSchema } from '../data/schemas';
import { described } from '../data/describe';

export interface Ctx {
  reply: Reply;
  /** Words no line breaks inside (the reply's `keep`, src/lib/data/words.ts): every Scene wraps with them. */
  keep: readonly string[];
  locale: Locale;
  zh: boolean;
  /** The locale's punctuation of running text (src/lib/format/pick.ts). */
  p: Punct;
  t: T;
  /** Text style with unit: "more than 5,000 person-times" / 5000余人次. */
  v: (f: Figure | Derived) => string;
  /** Chart-label style without unit: 5,000+ / 5000余. */
  short: (f: Figure | Derived) => string;
  /** Plain number in the reader's style. */
  n: (x: number, digits?: number) => string;
  pct: (x: number, digits?: number) => string;
  label: (f: Figure | Derived) => string;
  period: (f: Figure) => string;
  scope: (f: Figure) => string;
}

/** Figures by id, or null if any is missing: a builder for a reply without them draws nothing. */
export function need<K extends string>(reply: Reply, ids: readonly K[]): Record<K, Figure> | null {
  const out = {} as Record<K, Figure>;
  for (const id of ids) {
    const f = reply.figures.find((x) => x.id === id);
    if (!f) return null;
    out[id] = f;
  }
  return out;
}

export function needDerived<K extends string>(reply: Reply, ids: readonly K[]): Record<K, Derived> | null {
  const byId = new Map(reply.figures.map((f) => [f.id, f]));
  const out = {} as Record<K, Derived>;
  for (const id of ids) {
    const def = reply.derivedDefs.find((x) => x.id === id);
    const args = def && parseFormula(def.formula)?.args;
    if (!def || !args || !args.every((a) => byId.has(a))) return null;
    out[id] = computeDerived(def, byId);
  }
  return out;
}

const isDerived = (f: Figure | Derived): f is Derived => 'fn' in f;

export function ctx(reply: Reply, locale: Locale): Ctx {
  const t = useT(locale);
  const zh = locale === 'zh-CN';
  const label = (f: Figure | Derived) => (isDerived(f) ? figureLabel(f.def, locale) : figureLabel(f, locale));
  return {
    reply,
    keep: reply.keep ?? [],
    locale,
    zh,
    p: punct(locale),
    t,
    v: (f) => (isDerived(f) ? formatDerivedValue(f, locale) : formatValue(f, locale)),
    short: (f) =>
      isDerived(f)
        ? formatValue({ value: f.fn === 'implied_total' ? Math.round(f.value) : f.value, qualifier: f.qualifier, unit: f.unit }, locale, {
            style: 'short',
            unit: false,
            maxFractionDigits: 1,
          })
        : formatValue(f, locale, { style: 'short', unit: false }),
    n: (x, digits = 0) => formatNumber(x, locale, { maxFractionDigits: digits, wan: false }),
    pct: (x, digits = 1) => `${formatNumber(x, locale, { maxFractionDigits: digits })}%`,
    label,
    period: (f) => formatPeriod(f.period, locale, f.measure, figureQuotes(reply, f)),
    scope: (f) => placeText(reply.meta.places, f.scope, locale),
  };
}

/** "Cixi · as of June 2022" from the figures a chart shows (each distinct scope and period once). */
export function scopePeriod(c: Ctx, figs: Figure[]): string {
  const scopes = [...new Set(figs.map(c.scope))];
  const periods = [...new Set(figs.map(c.period))];
  return [...scopes, ...periods].join(' · ');
}

/** First letter upper-case (English labels that start a line). */
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const joinSubtitle = (...parts: string[]) => parts.filter(Boolean).join(' · ');

/** Notes every chart carries: the figures' own notes, the derived caveats, lower-bound and scope reminders. */
export function standardNotes(c: Ctx, figs: Figure[], derived: Derived[] = []): string[] {
  const notes: string[] = [];
  const lower = figs.filter((f) => isLowerBound(f.qualifier));
  if (lower.length) notes.push(c.t('charts.note.lower', { list: lower.map((f) => `${c.label(f)}${c.p.colon}${c.v(f)}`).join(c.p.semi) }));
  for (const f of figs) {
    const note = pick(c.locale, f.note_zh, f.note_en);
    if (note) notes.push(`${c.label(f)}${c.p.colon}${note}`);
  }
  for (const d of derived) {
    const caveat = pick(c.locale, d.def.caveat_zh, d.def.caveat_en);
    notes.push(
      c.t('charts.note.derived', { label: c.label(d), formula: formulaText(d, c.locale) }) + (caveat ? pick(c.locale, '', ' ') + caveat : ''),
    );
  }
  return notes;
}

export function lowerBoundKey(c: Ctx, figs: Figure[]): KeyItem[] {
  return figs.some((f) => isLowerBound(f.qualifier)) ? [{ swatch: 'lower-bound', label: c.t('charts.key.lower') }] : [];
}

/** Display table columns shared by most charts. */
export function figureColumns(c: Ctx): ChartColumn[] {
  return [
    { key: 'label', label: c.t('figures.label'), description: '' },
    { key: 'value', label: c.t('figures.value'), description: '', numeric: true },
    { key: 'measure', label: c.t('figures.measure'), description: '' },
    { key: 'period', label: c.t('figures.period'), description: '' },
    { key: 'scope', label: c.t('figures.scope'), description: '' },
  ];
}

export function figureRow(c: Ctx, f: Figure): Cell[] {
  return [c.label(f), c.v(f), c.t(`measure.${f.measure}`), c.period(f), c.scope(f)];
}

export function derivedRow(c: Ctx, d: Derived): Cell[] {
  const scopes = d.scopes.map((s) => placeText(c.reply.meta.places, s, c.locale)).join(c.p.list);
  const periods = [...new Set(d.inputs.map((f) => c.period(f)))].join(c.p.semi);
  return [calcLabel(c, d), c.v(d), formulaText(d, c.locale), periods, scopes];
}

/** A figures.csv column of the chart's data download, described by its schema (src/lib/data/schemas.ts). */
const figureColumn = (key: keyof typeof figureRowSchema.shape, extra = ''): ChartColumn => ({
  key,
  label: key,
  description: described(figureRowSchema.shape[key]).en + extra,
  ...(key === 'value' ? { numeric: true } : {}),
});

export const DATA_COLUMNS: ChartColumn[] = [
  { key: 'figure_id', label: 'figure_id', description: 'id of the figure in figures.csv, or of the derived figure in derived.csv' },
  { key: 'label', label: 'label', description: 'what is counted' },
  figureColumn('value', '; a derived figure: the computed value, to two decimals'),
  figureColumn('unit'),
  figureColumn('qualifier'),
  figureColumn('measure', '; derived: a figure we computed (derived.csv)'),
  figureColumn('period', '; a derived figure: the periods of its inputs'),
  figureColumn('scope', '; a derived figure: the places of its inputs'),
];

export function dataRows(c: Ctx, figs: Figure[], derived: Derived[] = []): Record<string, Cell>[] {
  return [
    ...figs.map((f) => ({
      figure_id: f.id,
      label: c.label(f),
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      measure: f.measure,
      period: f.period,
      scope: f.scope,
    })),
    ...derived.map((d) => ({
      figure_id: d.id,
      label: c.label(d),
      value: Math.round(d.value * 100) / 100,
      unit: d.unit,
      qualifier: d.qualifier,
      measure: 'derived',
      period: [...new Set(d.inputs.map((f) => f.period))].join('; '),
      scope: d.scopes.join('; '),
    })),
  ];
}

/** A mark's tooltip: value with qualifier, period, scope and the source sentence, and the figure it draws (data-figure). */
export function tip(c: Ctx, f: Figure): Tip {
  if (c.zh) return { figure: f.id, text: `${c.label(f)}：${c.v(f)}（${c.period(f)}，${c.scope(f)}）\n原文：“${f.quote}”` };
  return { figure: f.id, text: `${c.label(f)}: ${c.v(f)} (${c.period(f)}, ${c.scope(f)})\nSource: “${f.quote}”` };
}

/** A label marked as calculated by us: "… (calculated)" / "…（推算）", once (a label that already says so is left as it is). */
export function calcLabel(c: Ctx, d: Figure | Derived): string {
  const label = c.label(d);
  if (/（推算）|\((implied|calculated)\)/.test(label)) return label;
  return pick(c.locale, label + c.t('charts.calculated'), `${label} ${c.t('charts.calculated')}`);
}

/** Year (and month) of a period's end, for subtitles: "2021", "June 2022". */
export function periodEnd(f: Figure, locale: Locale): string {
  const p = parsePeriod(f.period);
  if (!p) return f.period;
  return formatDate(p.kind === 'range' ? p.to : p.kind === 'point' ? p.date : p.date, locale);
}

export function spec(
  c: Ctx,
  s: Omit<ChartSpec, 'replyId' | 'locale' | 'data' | 'table'> & {
    figs: Figure[];
    derived?: Derived[];
    tableCaption: string;
    extraRows?: Cell[][];
    /** Override the display table's columns (then only extraRows are used). */
    columns?: ChartColumn[];
    data?: ChartSpec['data'];
  },
): ChartSpec {
  const { figs, derived = [], tableCaption, extraRows = [], columns, data, ...rest } = s;
  if (columns) return { ...rest, replyId: c.reply.id, locale: c.locale, table: { caption: tableCaption, columns, rows: extraRows }, data: data ?? { columns: DATA_COLUMNS, rows: [] } };
  return {
    ...rest,
    replyId: c.reply.id,
    locale: c.locale,
    table: {
      caption: tableCaption,
      columns: figureColumns(c),
      rows: [...figs.map((f) => figureRow(c, f)), ...derived.map((d) => derivedRow(c, d)), ...extraRows],
    },
    data: { columns: DATA_COLUMNS, rows: dataRows(c, figs, derived) },
  };
}
