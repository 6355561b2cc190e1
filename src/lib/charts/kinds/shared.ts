/** What the kinds share: number cards for figures, the spec around a drawing, the below-the-chart panels. */
import type { Figure } from '../../data/model';
import type { Derived } from '../../derived';
import { parsePeriod } from '../../data/dates';
import { isLowerBound } from '../../format/number';
import { unitWord } from '../../format/figure';
import type { Key } from '../../../i18n';
import { cap, joinSubtitle, lowerBoundKey, scopePeriod, spec, standardNotes, tip, type Ctx } from '../common';
import { NARROW, Scene, WIDE, textWidth, toPlot, type Frame } from '../scene';
import { cards, squares } from '../parts';
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
    cap(c.label(f)) + (unit ? (c.zh ? `（${unit}）` : ` (${unit})`) : ''),
    [c.t(`measure.${f.measure}` as Key), c.period(f), c.scope(f)].join(c.zh ? '，' : ', '),
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

/** A count whose items the quote names: one square per item, the named ones filled and labelled (English names ours). */
export function namedPanel(input: KindInput, fr: Frame): { plot: ReturnType<typeof toPlot>; rows: (string | number | null)[][] } | null {
  const { c, decl, reply } = input;
  if (!decl.named) return null;
  const fig = reply.figures.find((f) => f.id === decl.named!.figure);
  if (!fig) return null;
  const names = c.zh ? namedItems(fig.quote) : decl.named.en;
  const s = new Scene(fr, c.keep);
  let y = 2;
  y += s.para(0, y, cap(c.t('charts.named.count', { n: c.v(fig), named: c.n(names.length) })), fr.w, { bold: true, size: fr.fs + 1 });
  y = Math.round(y + 6);
  const perRow = fr.name === 'wide' ? Math.min(fig.value, 10) : Math.min(fig.value, 5);
  const gap = 6;
  const size = Math.min(48, Math.floor((fr.w - (perRow - 1) * gap) / perRow));
  for (let i = 0; i < fig.value; i++) {
    const x = (i % perRow) * (size + gap);
    const yy = y + Math.floor(i / perRow) * (size + gap);
    const isNamed = i < names.length;
    s.rect({ x1: x, x2: x + size, y1: yy, y2: yy + size, cls: 'accent', outline: !isNamed, dashed: !isNamed, tip: isNamed ? names[i] : undefined });
    s.text({ x: x + size / 2, y: yy + size / 2, text: c.n(i + 1), anchor: 'middle', cls: isNamed ? 'bg' : 'text', size: fr.fs, tip: isNamed ? names[i] : undefined });
  }
  y += Math.ceil(fig.value / perRow) * (size + gap) + 4;
  // the names, numbered as their squares: one column on phones, two on wide screens where they fit
  const items = names.map((n, i) => `${c.n(i + 1)}  ${n}`);
  const cols = fr.name === 'wide' && items.every((it) => textWidth(it, fr.fs) < fr.w / 2 - 12) ? 2 : 1;
  const rows = Math.ceil(items.length / cols);
  items.forEach((it, i) => {
    const col = Math.floor(i / rows);
    s.para(col * (fr.w / 2), y + (i % rows) * fr.fs * 1.45, it, fr.w / cols - 8, { tip: it });
  });
  y += rows * fr.fs * 1.45 + 4;
  y += s.para(0, y, c.t('charts.named.unnamed', { n: c.n(fig.value - names.length) }) + (c.zh ? '' : ' ' + c.t('charts.named.ours')), fr.w, { cls: 'muted' });
  return { plot: toPlot(s, y + 4), rows: [[c.t('charts.named.row'), c.n(names.length), names.join(c.zh ? '、' : '; '), c.period(fig), c.scope(fig)]] };
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
  const namedText = named && extraRows[0] ? (c.zh ? '' : ' ') + `${cap(c.label(named))}${c.zh ? '：' : ': '}${c.v(named)}${c.zh ? '，' : '; '}${extraRows[0][0]}${c.zh ? '：' : ': '}${extraRows[0][2]}${c.zh ? '。' : '.'}` : '';
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
  return c.t('charts.auto.desc', { list: figs.map((f) => `${cap(c.label(f))}${c.zh ? '：' : ': '}${c.v(f)}${'period' in f ? (c.zh ? `（${c.period(f)}，${c.scope(f)}）` : ` (${c.period(f)}, ${c.scope(f)})`) : ''}`).join(c.zh ? '；' : '; ') });
}

export { isLowerBound, squares };
