/** What the kinds share: number cards for figures, the spec around a drawing, the below-the-chart panels. */
import type { Figure } from '../../data/model';
import type { Derived } from '../../derived';
import { parsePeriod } from '../../data/dates';
import { isLowerBound } from '../../format/number';
import { unitWord } from '../../format/figure';
import type { Key } from '../../../i18n';
import { cap, joinSubtitle, lowerBoundKey, scopePeriod, spec, standardNotes, tip, type Ctx } from '../common';
import { pick } from '../../format/pick';
import { NARROW, Scene, WIDE, toPlot, type Frame } from '../scene';
import { cards } from '../parts';
import { namedItems } from '../../data/charts-schema';
import type { ChartSpec, ChartView, KeyItem } from '../types';
import type { KindInput } from '../declare';

/** A figure whose period starts after the reply's date: promised, not yet done. */
export function promised(c: Ctx, f: Figure): boolean {
  const p = parsePeriod(f.period);
  // a target is a target (said by its measure); a state from a date after the reply is a promise
  return !!p && p.kind === 'from' && f.measure !== 'target' && p.date > c.reply.meta.date.slice(0, p.date.length);
}

/** The big number of a card: "+4,161" for a change, "2,000+" for a lower bound, the unit in words below. */
export function cardOf(c: Ctx, f: Figure) {
  const value = f.measure === 'change' && f.value > 0 ? `+${c.short(f)}` : c.short(f);
  const unit = f.unit === 'percent' ? '' : unitWord(f.unit, f.value, c.locale);
  const lines = [
    cap(c.label(f)) + (unit ? c.p.paren(unit) : ''),
    [c.t(`measure.${f.measure}`), c.period(f), c.scope(f)].join(c.p.comma),
    ...(promised(c, f) ? [c.t('charts.card.promised')] : []),
  ];
  return { value, lines, cls: 'accent' as const, dashed: promised(c, f), tip: tip(c, f) };
}

export function cardsPanel(c: Ctx, figs: Figure[], fr: Frame, s: Scene, y: number): number {
  const perRow = fr.name === 'wide' ? Math.min(3, figs.length) : 1;
  return cards(s, y, figs.map((f) => cardOf(c, f)), perRow);
}

export function cardKeys(c: Ctx, figs: Figure[]): KeyItem[] {
  return figs.some((f) => promised(c, f)) ? [{ swatch: 'promised', label: c.t('charts.key.promised') }] : [];
}

/** A count whose items the quote names: one square per item, the named ones filled with their names beside them (English names ours), the rest hollow. */
export function namedPanel(input: KindInput, fr: Frame): { plot: ReturnType<typeof toPlot>; rows: (string | number | null)[][] } | null {
  const { c, decl, reply } = input;
  if (!decl.named) return null;
  const fig = reply.figures.find((f) => f.id === decl.named!.figure);
  if (!fig) return null;
  const names = pick(c.locale, namedItems(fig.quote), decl.named.en);
  const s = new Scene(fr, c.keep);
  let y = 2;
  y += s.para(0, y, cap(c.t('charts.named.count', { n: c.v(fig), named: c.n(names.length) })), fr.w, { bold: true, size: fr.fs + 1 });
  y = Math.round(y + 6);
  // one square per item: the named ones filled, each with its name beside it (wrapped by the one
  // wrapper, so a name never breaks inside a protected word); three columns wide, two on phones
  const cols = Math.min(names.length, fr.name === 'wide' ? 3 : 2);
  const colW = fr.w / Math.max(cols, 1);
  const side = fr.fs + 4;
  const gap = 6;
  for (let r = 0; r < Math.ceil(names.length / cols); r++) {
    let rowH = side;
    names.slice(r * cols, r * cols + cols).forEach((name, k) => {
      const x = k * colW;
      s.rect({ x1: x, x2: x + side, y1: y, y2: y + side, cls: 'accent', tip: name });
      rowH = Math.max(rowH, s.para(x + side + gap, y + 1, name, colW - side - gap - 8, { tip: name }));
    });
    y += rowH + 8;
  }
  // the items it does not name: hollow squares of the same size, in one row
  const rest = fig.value - names.length;
  const perRow = Math.max(1, Math.floor((fr.w + gap) / (side + gap)));
  for (let i = 0; i < rest; i++) {
    const x = (i % perRow) * (side + gap);
    const yy = y + Math.floor(i / perRow) * (side + gap);
    s.rect({ x1: x, x2: x + side, y1: yy, y2: yy + side, cls: 'accent', outline: true, dashed: true });
  }
  if (rest > 0) y += Math.ceil(rest / perRow) * (side + gap) + 2;
  y += s.para(0, y, c.t('charts.named.unnamed', { n: c.n(fig.value - names.length) }) + pick(c.locale, '', ' ' + c.t('charts.named.ours')), fr.w, { cls: 'muted' });
  return { plot: toPlot(s, y + 4), rows: [[c.t('charts.named.row'), c.n(names.length), names.join(pick(c.locale, '、', '; ')), c.period(fig), c.scope(fig)]] };
}

/** The spec around a kind's views: title, subtitle, notes, sources, table and data from the declaration and figures. */
export function build(
  input: KindInput,
  o: { views: ChartView[]; figs: Figure[]; derived?: Derived[]; key?: KeyItem[]; notes?: string[]; description: string; subtitle?: string },
): ChartSpec {
  const { c, decl } = input;
  const named = decl.named ? input.reply.figures.find((f) => f.id === decl.named!.figure) : undefined;
  const allFigs = [...o.figs, ...(input.whole && !o.figs.includes(input.whole) ? [input.whole] : []), ...input.cards, ...(named ? [named] : [])];
  const figs = [...new Set(allFigs)];
  const derived = [...new Set([...(o.derived ?? []), ...input.derived, ...(input.share ? [input.share] : [])])];
  const after: ChartView[] = [];
  if (input.cards.length) {
    const draw = (fr: Frame) => {
      const s = new Scene(fr, c.keep);
      const y = cardsPanel(c, input.cards, fr, s, 2);
      return toPlot(s, y + 4);
    };
    after.push({ id: 'cards', label: '', wide: draw(WIDE), narrow: draw(NARROW) });
  }
  let extraRows: (string | number | null)[][] = [];
  if (decl.named) {
    const w = namedPanel(input, WIDE);
    const n = namedPanel(input, NARROW);
    if (w && n) {
      after.push({ id: 'named', label: '', wide: w.plot, narrow: n.plot });
      extraRows = w.rows;
    }
  }
  const namedText = named && extraRows[0] ? pick(c.locale, '', ' ') + `${cap(c.label(named))}${c.p.colon}${c.v(named)}${pick(c.locale, '，', '; ')}${extraRows[0][0]}${c.p.colon}${extraRows[0][2]}${c.p.stop}` : '';
  const lowerKey = lowerBoundKey(c, figs);
  const key = [...new Map([...lowerKey, ...(o.key ?? []), ...cardKeys(c, input.cards)].map((k) => [k.swatch + k.label, k])).values()];
  return {
    ...spec(c, {
      id: decl.id,
      title: input.title,
      subtitle: joinSubtitle(input.subtitle ?? '', o.subtitle ?? scopePeriod(c, o.figs)),
      description: o.description + namedText,
      notes: [...input.notes, ...(o.notes ?? []), ...standardNotes(c, figs, derived)],
      sources: figs.map((f) => f.id),
      key: key.length ? key : undefined,
      views: o.views,
      figs,
      derived,
      tableCaption: input.title,
      extraRows,
    }),
    ...(after.length ? { after } : {}),
  };
}

/** "label: value" for every figure, for the text description. */
export function describe(c: Ctx, figs: (Figure | Derived)[]): string {
  return c.t('charts.auto.desc', { list: figs.map((f) => `${cap(c.label(f))}${c.p.colon}${c.v(f)}${'period' in f ? c.p.paren(`${c.period(f)}${c.p.comma}${c.scope(f)}`) : ''}`).join(c.p.semi) });
}

export { isLowerBound };
