/**
 * Unit charts on one scale: one square per item, or per a round number of
 * them (1, 2 or 5 times a power of ten). With decl.whole, the other figures
 * are highlighted inside the whole's grid (Cixi's homes inside Ningbo's
 * target), one scale for both; without it, one row of squares per figure.
 * A lower bound ends in "+" (never extra faded squares). Figures in another
 * unit belong in decl.cards (people never on a grid of homes).
 */
import type { Kind } from '../declare';
import { cap, tip } from '../common';
import { NARROW, Scene, WIDE, toPlot, type Colour, type Frame } from '../scene';
import { cells } from '../parts';
import { isLowerBound } from '../../format/number';
import { build, describe } from './shared';

/** The largest 1, 2 or 5 times a power of ten that is not above x. */
export function niceUnit(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [5, 2, 1].map((m) => m * p).find((u) => u <= x) ?? p;
}

const LEVELS: Colour[] = ['l1', 'l2', 'l3'];
/** Rows of readable cells a phone's grid may have before it is drawn small with its corner magnified. */
const ZOOM_ROWS = 20;

type Fig = Parameters<Kind>[0]['figs'][number];
type Ctx = Parameters<Kind>[0]['c'];
type Highlight = { n: number; cls: 'accent'; tip: ReturnType<typeof tip>; open: boolean };

/**
 * The magnified corner of a phone's small grid, at y: enough columns for the highlighted cells
 * and a few after them, one row more than they fill, then an outline on the small grid joined to
 * it. Returns where the small grid starts.
 */
function zoomView(s: Scene, fr: Frame, c: Ctx, y: number, g: { total: number; perRow: number; size: number; gap: number; whole: Fig; highlight: Highlight }): number {
  const { total, perRow, size, gap, whole, highlight } = g;
  const nIn = highlight.n;
  const cols = Math.min(perRow, Math.max(10, Math.ceil((nIn + 1) / 5) * 5));
  const rows = Math.min(Math.ceil(total / perRow), Math.ceil(nIn / cols) + 1);
  const zGap = 3;
  const zSize = Math.min(22, Math.floor((fr.w - 16 - (cols - 1) * zGap) / cols));
  y += s.para(0, y, c.t('charts.units.zoom', { cols: c.n(cols), rows: c.n(rows) }), fr.w, { cls: 'muted' }) + 4;
  const zTop = y + 2;
  const zEnd = cells(s, 0, zTop, Math.min(total, cols * rows), { size: zSize, gap: zGap, perRow: cols, cls: 'context', tip: tip(c, whole), highlight }).y;
  const zRight = cols * (zSize + zGap) - zGap;
  s.rect({ x1: -2, x2: zRight + 2, y1: zTop - 2, y2: zEnd + 2, cls: 'text', outline: true });
  const top = zEnd + 2 + 22;
  const right = cols * (size + gap) - gap;
  s.rect({ x1: -1.5, x2: right + 1.5, y1: top - 1.5, y2: top + rows * (size + gap) - gap + 1.5, cls: 'text', outline: true });
  // the outline's corners joined to the magnified view's
  s.line({ x1: -2, y1: zEnd + 2, x2: -1.5, y2: top - 1.5, cls: 'text', width: 1 });
  s.line({ x1: zRight + 2, y1: zEnd + 2, x2: right + 1.5, y2: top - 1.5, cls: 'text', width: 1 });
  return top;
}

/** The whole's grid with the other figure's cells highlighted inside it, from y; returns the y below it. */
function insideWhole(s: Scene, fr: Frame, c: Ctx, y: number, g: { inner: Fig; whole: Fig; per: number; perText: string; head: (f: Fig) => string }): number {
  const { inner, whole, per, perText, head } = g;
  const fs = fr.fs;
  const total = Math.floor(whole.value / per);
  const nIn = Math.max(1, Math.floor(inner.value / per));
  let perRow = fr.name === 'wide' ? 50 : 25;
  let gap = 2;
  // On a phone a large whole is a long grid (more than ZOOM_ROWS rows of readable cells): it is
  // drawn small instead, whole at a glance, and its top-left corner, where the highlighted cells
  // are, magnified above it (the same cells, each for the same number), with an outline on the
  // whole showing which part is magnified.
  const zoom = fr.name === 'narrow' && Math.ceil(total / perRow) > ZOOM_ROWS;
  if (zoom) {
    perRow = 50;
    gap = 1;
  }
  const size = Math.floor((fr.w - 16 - (perRow - 1) * gap) / perRow);
  // the two heads, each with its swatch: the highlighted figure, then the grid's
  for (const [f, cls] of [
    [inner, 'accent'],
    [whole, 'context'],
  ] as const) {
    s.rect({ x1: 0, x2: fs, y1: y + 3, y2: y + 3 + fs, cls });
    y += s.para(fs + 8, y, cap(head(f)), fr.w - fs - 8, { bold: f === inner }) + 4;
  }
  s.para(0, y, perText, fr.w, { cls: 'muted' });
  y += fs * 1.3 + 6;
  const highlight: Highlight = { n: nIn, cls: 'accent', tip: tip(c, inner), open: isLowerBound(inner.qualifier) };
  if (zoom) y = zoomView(s, fr, c, y, { total, perRow, size, gap, whole, highlight });
  y = cells(s, 0, y, total, {
    size,
    gap,
    perRow,
    cls: 'context',
    tip: tip(c, whole),
    open: isLowerBound(whole.qualifier),
    // a "+" as large as the text would cover the small cells after it: the magnified view carries it
    highlight: zoom ? { ...highlight, open: false } : highlight,
  }).y + fs;
  return y + s.para(0, y, c.t('charts.units.inside', { inner: cap(c.scope(inner)), outer: c.scope(whole) }), fr.w, { cls: 'muted' });
}

/** One row of squares per figure, from y; returns the y below them. */
function rowsOfSquares(s: Scene, fr: Frame, c: Ctx, y: number, g: { figs: readonly Fig[]; per: number; max: number; perText: string }): number {
  const { figs, per, max, perText } = g;
  const n = Math.ceil(max / per);
  const perRow = fr.name === 'wide' ? Math.min(n, 30) : Math.min(n, 12);
  const gap = 4;
  const size = Math.min(24, Math.floor((fr.w - 16 - (perRow - 1) * gap) / perRow));
  figs.forEach((f, i) => {
    y += s.para(0, y, `${cap(c.label(f))}${c.p.colon}${c.short(f)}`, fr.w, { bold: true }) + 4;
    y = cells(s, 0, y, Math.floor(f.value / per), { size, gap, perRow, cls: figs.length > 1 ? LEVELS[i % LEVELS.length]! : 'accent', tip: tip(c, f), open: isLowerBound(f.qualifier) }).y + fr.fs;
  });
  return y + s.para(0, y, cap(perText), fr.w, { cls: 'muted' });
}

export const units: Kind = (input) => {
  const { c, figs, whole } = input;
  const all = whole ? [...figs, whole] : figs;
  if (all.length === 0 || new Set(all.map((f) => f.unit)).size > 1) return null;
  const max = Math.max(...all.map((f) => f.value));
  // inside a whole, the smaller figure gets a few squares (5 or more) so it can be seen; else the smallest gets one
  const min = Math.min(...all.map((f) => f.value));
  const per = max <= 60 ? 1 : niceUnit(whole ? Math.max(1, min / 5) : min);
  const perText = c.t('charts.units.per', { n: c.v({ ...all[0]!, value: per, qualifier: 'exact' }) });
  const head = (f: Fig) => `${cap(c.scope(f))}${c.p.comma}${c.period(f)}${c.p.colon}${c.label(f)}${c.p.comma}${c.v(f)}`;
  const anyLower = all.some((f) => isLowerBound(f.qualifier));

  const draw = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    let y = whole ? insideWhole(s, fr, c, 2, { inner: figs[0]!, whole, per, perText, head }) : rowsOfSquares(s, fr, c, 2, { figs, per, max, perText });
    if (anyLower) y += s.para(0, y + 4, c.t('charts.units.open'), fr.w, { cls: 'muted' }) + 4;
    return toPlot(s, y + 4);
  };
  return build(input, {
    views: [{ id: 'units', label: c.t('charts.view.count'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs: all,
    key: whole ? [{ swatch: 'accent', label: cap(c.scope(figs[0]!)) }, { swatch: 'context', label: cap(c.scope(whole)) }] : [],
    description: describe(c, [...all, ...input.derived, ...input.cards]) + ' ' + cap(perText) + c.p.stop,
  });
};
