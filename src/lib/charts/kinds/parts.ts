/**
 * Parts of a whole. Two shapes:
 *  - decl.whole given (studios by level of the total): a unit chart, one
 *    square per item and part (or per a round number of them), and a shares
 *    view (each part's share of the whole on a 100% track);
 *  - a count and its stated share of a whole the reply does not give (decl.
 *    figures = [count, share], decl.derived = [the implied total]): one bar
 *    for the whole, the count solid, the rest implied (dashed grey), with the
 *    interval the rounding of the share allows.
 */
import type { Kind, KindInput } from '../declare';
import { cap, tip } from '../common';
import { pick } from '../../format/pick';
import { chartText } from '../text';
import { NARROW, Scene, WIDE, toPlot, type Colour, type Frame } from '../scene';
import { barRows, cells } from '../parts';
import { build, describe } from './shared';
import { niceUnit } from './units';

const LEVELS: Colour[] = ['l1', 'l2', 'l3'];

export const parts: Kind = (input) => (input.whole ? ofWhole(input) : shareOfImplied(input));

function ofWhole(input: KindInput) {
  const { c, figs } = input;
  const whole = input.whole!;
  if (figs.length === 0) return null;
  const max = Math.max(...figs.map((f) => f.value));
  const per = max <= 60 ? 1 : niceUnit(Math.min(...figs.map((f) => f.value)));
  const rowLabel = (f: (typeof figs)[number]) => `${cap(c.label(f))}${c.p.colon}${c.short(f)}`;
  const counts = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const n = Math.ceil(max / per);
    const perRow = fr.name === 'wide' ? Math.min(n, 40) : Math.min(Math.ceil(n / 2), 20);
    const gap = 4;
    const size = Math.min(22, Math.floor((fr.w - (perRow - 1) * gap) / perRow));
    let y = 2;
    figs.forEach((f, i) => {
      y += s.para(0, y, rowLabel(f), fr.w, { bold: true });
      y += 4;
      y = cells(s, 0, y, Math.floor(f.value / per), { size, gap, perRow, cls: LEVELS[i % LEVELS.length]!, tip: tip(c, f) }).y + fr.fs;
    });
    y += s.para(0, y, `${cap(c.t('charts.units.per', { n: c.v({ ...whole, value: per, qualifier: 'exact' }) }))}${pick(c.locale, '。', '. ')}${cap(c.label(whole))}${c.p.colon}${c.v(whole)}`, fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };
  const shares = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const y = barRows(
      s,
      2,
      figs.map((f, i) => ({ label: rowLabel(f), value: (f.value / whole.value) * 100, display: c.pct((f.value / whole.value) * 100), cls: LEVELS[i % LEVELS.length]!, tip: tip(c, f) })),
      100,
      { track: 100 },
    );
    return toPlot(s, y + 4);
  };
  return build(input, {
    views: [
      { id: 'count', label: c.t('charts.view.count'), wide: counts(WIDE), narrow: counts(NARROW) },
      { id: 'share', label: c.t('charts.view.share'), wide: shares(WIDE), narrow: shares(NARROW) },
    ],
    figs: [whole, ...figs],
    description: describe(c, [whole, ...figs, ...input.derived]),
  });
}

function shareOfImplied(input: KindInput) {
  const { c, figs, derived } = input;
  const part = figs.find((f) => f.unit !== 'percent');
  const share = figs.find((f) => f.unit === 'percent');
  const total = derived.find((d) => d.fn === 'implied_total');
  if (!part || !share || !total) return null;
  const [lo, hi] = total.interval ?? [Math.round(total.value), Math.round(total.value)];
  const rest = Math.round(total.value) - part.value;
  const approx = (x: number) => pick(c.locale, `约${c.n(x)}`, `≈${c.n(x)}`);
  const draw = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const fs = fr.fs;
    const bh = Math.round(fs * 2.2);
    let y = 2;
    y += s.para(0, y, `${cap(c.label(total))}${c.p.colon}${approx(total.value)}`, fr.w, { bold: true });
    y += 6;
    const xs = (share.value / 100) * fr.w;
    s.rect({ x1: 0, x2: xs, y1: y, y2: y + bh, cls: 'accent', gap: true, tip: tip(c, part) });
    s.rect({ x1: xs, x2: fr.w - 1, y1: y, y2: y + bh, cls: 'context', outline: true, dashed: true });
    s.text({ x: xs / 2, y: y + bh / 2, text: c.pct(share.value, 2), anchor: 'middle', cls: 'bg', bold: true, size: fs + 1, tip: tip(c, share) });
    y += bh + 6;
    const colW = fr.name === 'wide' ? xs - 8 : fr.w / 2 - 6;
    const h1 = s.para(0, y, `${cap(c.label(part))}${c.p.colon}${c.short(part)}`, colW, { bold: true });
    const h2 = s.para(fr.name === 'wide' ? xs + 6 : fr.w / 2 + 6, y, chartText(input.decl, 'implied-rest', c.locale, { n: approx(rest) }), fr.name === 'wide' ? fr.w - xs - 6 : fr.w / 2 - 6, { cls: 'muted' });
    y += Math.max(h1, h2) + fs * 0.8;
    y += s.para(0, y, lo === hi ? chartText(input.decl, 'implied-interval-one', c.locale, { lo: c.n(lo), share: c.pct(share.value, 2) }) : chartText(input.decl, 'implied-interval', c.locale, { lo: c.n(lo), hi: c.n(hi), share: c.pct(share.value, 2) }), fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };
  return build(input, {
    views: [{ id: 'share', label: c.t('charts.view.share'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    key: [{ swatch: 'derived', label: c.t('charts.key.implied') }],
    description: describe(c, [part, share, total]),
  });
}
