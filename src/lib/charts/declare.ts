/**
 * What every chart kind gets: the reply, the locale, the declaration (from
 * charts.json or made by auto.ts) and the figures it names, resolved. Kinds
 * never name a figure id: they read roles (figures, whole, share, cards,
 * named) from the declaration.
 */
import type { Figure, Locale, Reply } from '../data/model';
import type { ChartDecl } from '../data/charts-schema';
import { pieces, type DirectiveUse } from '../data/prose';
import { computeDerived, type Derived } from '../derived';
import { formatDerivedValue } from '../format/derived';
import { formatValue } from '../format/figure';
import { pick } from '../format/pick';
import { ctx, type Ctx } from './common';
import type { ChartSpec } from './types';

export interface KindInput {
  reply: Reply;
  locale: Locale;
  decl: ChartDecl;
  c: Ctx;
  /** decl.figures, resolved, in order. */
  figs: Figure[];
  /** decl.derived, computed. */
  derived: Derived[];
  whole?: Figure;
  share?: Derived;
  cards: Figure[];
  /** The declaration's text in this locale, directives filled in. */
  title: string;
  subtitle?: string;
  notes: string[];
}
export type Kind = (input: KindInput) => ChartSpec | null;

/** Resolve a declaration against its reply; null when a figure it names is missing (a chart for another reply). */
export function resolve(reply: Reply, locale: Locale, decl: ChartDecl): KindInput | null {
  const byId = new Map(reply.figures.map((f) => [f.id, f]));
  const fig = (id: string) => byId.get(id);
  const der = (id: string) => {
    const def = reply.derivedDefs.find((d) => d.id === id);
    try {
      return def ? computeDerived(def, byId) : undefined;
    } catch {
      return undefined;
    }
  };
  const figs = decl.figures.map(fig);
  const cards = decl.cards.map(fig);
  const derived = decl.derived.map(der);
  const whole = decl.whole ? fig(decl.whole) : undefined;
  const share = decl.share ? der(decl.share) : undefined;
  if (figs.some((f) => !f) || cards.some((f) => !f) || derived.some((d) => !d) || (decl.whole && !whole) || (decl.share && !share)) return null;
  const c = ctx(reply, locale);
  const f = (s: string | undefined) => (s === undefined ? undefined : fill(s, c, byId, der));
  return {
    reply,
    locale,
    decl,
    c,
    figs: figs as Figure[],
    derived: derived as Derived[],
    whole,
    share,
    cards: cards as Figure[],
    title: f(pick(locale, decl.title_zh, decl.title_en))!,
    subtitle: f(pick(locale, decl.subtitle_zh, decl.subtitle_en)),
    notes: pick(locale, decl.notes_zh, decl.notes_en).map((n) => f(n)!),
  };
}

/**
 * The story's inline directives, as plain text for chart titles and notes:
 * :fig{#id} value with qualifier and unit, :fig{#id short} the chart label
 * form (500+), :fig{#id bare} without the unit ("more than 500"), :der{#id} (short, bare),
 * :period{#id} the figure's period in words, :place{#id} the figure's place.
 */
export function fill(text: string, c: Ctx, byId: Map<string, Figure>, der: (id: string) => Derived | undefined): string {
  const out = fillRaw(text, c, byId, der);
  // English: a sentence that starts with a filled-in value or place starts with a capital ("More than 2,000 …", "All of Ningbo: …")
  return pick(c.locale, out, out.replace(/(^|[.!?]\s+)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase()));
}

/** One directive of a chart's copy as text; as written when it names nothing known (charts.json's check reports it). */
function fillOne(d: DirectiveUse, c: Ctx, byId: Map<string, Figure>, der: (id: string) => Derived | undefined): string {
  const opt = d.options[0];
  if (d.name === 'der') {
    const v = der(d.id);
    if (!v) return d.source;
    return opt === 'short' ? c.short(v) : opt === 'bare' ? formatDerivedValue(v, c.locale, { unit: false }) : c.v(v);
  }
  const f = byId.get(d.id);
  if (!f || !['fig', 'period', 'place'].includes(d.name)) return d.source;
  if (d.name === 'period') return c.period(f);
  if (d.name === 'place') return c.scope(f);
  return opt === 'short' ? c.short(f) : opt === 'bare' ? formatValue(f, c.locale, { unit: false }) : c.v(f);
}

const fillRaw = (text: string, c: Ctx, byId: Map<string, Figure>, der: (id: string) => Derived | undefined): string =>
  pieces(text)
    .map((p) => (p.t === 'text' ? p.text : fillOne(p, c, byId, der)))
    .join('');

/** Values only a kind can compute (how many dates, which part holds most): `{name}` in a declared title. */
export const vars = (text: string, v: Record<string, string>): string => text.replace(/\{([a-z]+)\}/g, (m, k: string) => v[k] ?? m);
