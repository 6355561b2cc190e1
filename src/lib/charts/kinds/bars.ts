/**
 * Bars on one zero baseline, labelled directly, for figures in one unit:
 * a lower bound runs on as an arrow past its stated length with a "+"
 * label; a sum we computed (decl.derived) is a dashed outline; a change is
 * labelled "+N". With decl.share (a derived share of one bar in another), a
 * second view draws the bars as shares of the whole. Figures in another
 * unit go in decl.cards, drawn once below as number cards.
 */
import type { Kind } from '../declare';
import { calcLabel, tip } from '../common';
import { NARROW, Scene, WIDE, toPlot, type Colour, type Frame } from '../scene';
import { barRows, type BarRow } from '../parts';
import { isLowerBound } from '../../format/number';
import { build, describe } from './shared';

export const bars: Kind = (input) => {
  const { c, figs, derived } = input;
  if (figs.length === 0 || new Set(figs.map((f) => f.unit)).size > 1) return null;
  const sums = derived.filter((d) => d.fn === 'sum' && d.unit === figs[0]!.unit);
  const max = Math.max(...figs.map((f) => f.value), ...sums.map((d) => d.value));
  // the whole the others are measured against: grey context; the rest accent
  const share = input.share;
  const whole = share ? share.inputs[1] : undefined;
  const cls = (i: number): Colour => (figs.length > 1 && (whole ? figs[i] === whole : i === 0) ? 'context' : 'accent');
  const rows: BarRow[] = [
    ...figs.map((f, i) => ({
      label: c.label(f),
      value: f.value,
      display: f.measure === 'change' && f.value > 0 ? `+${c.short(f)}` : c.short(f),
      cls: cls(i),
      lower: isLowerBound(f.qualifier),
      tip: tip(c, f),
    })),
    ...sums.map((d) => ({ label: calcLabel(c, d), value: d.value, display: c.short(d), cls: 'text' as const, outline: true })),
  ];
  const count = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    return toPlot(s, barRows(s, 2, rows, max));
  };
  const views = [{ id: 'count', label: c.t('charts.view.count'), wide: count(WIDE), narrow: count(NARROW) }];
  if (share && whole) {
    const part = share.inputs[0]!;
    const shares = (fr: Frame) => {
      const s = new Scene(fr, c.keep);
      const y = barRows(
        s,
        2,
        [
          { label: c.label(whole), value: 100, display: c.pct(100), cls: 'context', tip: tip(c, whole) },
          { label: calcLabel(c, share), value: share.value, display: c.pct(share.value), cls: 'accent', tip: tip(c, part) },
        ],
        100,
      );
      return toPlot(s, y);
    };
    views.push({ id: 'share', label: c.t('charts.view.share'), wide: shares(WIDE), narrow: shares(NARROW) });
  }
  return build(input, {
    views,
    figs,
    key: sums.length ? [{ swatch: 'derived', label: c.t('charts.key.derived') }] : [],
    description: describe(c, [...figs, ...derived, ...input.cards]),
  });
};
