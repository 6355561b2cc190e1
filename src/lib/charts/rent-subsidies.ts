/**
 * Rent subsidies: a running total since the policy began, and a lower bound.
 * Drawn as a unit chart of people (fading out after the last square), over a
 * strip of the years it was counted in, each year marked "not given", so it
 * cannot be read as a yearly number.
 */
import type { ChartBuilder } from './types';
import { ctx, joinSubtitle, lowerBoundKey, need, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Frame } from './scene';
import { squares } from './parts';
import { niceUnit } from './housing-scale';
import { isLowerBound } from '../format/number';
import { endOf, parsePeriod } from '../data/dates';
import { formatDate } from '../format/date';

/** Months covered by each calendar year of a range: [[2019, 12], ..., [2022, 6]]. */
export function yearsCovered(from: string, to: string): [number, number][] {
  const [fy, fm = 1] = from.split('-').map(Number) as [number, number?];
  const [ty, tm] = endOf(to).split('-').map(Number) as [number, number];
  const out: [number, number][] = [];
  for (let y = fy; y <= ty; y++) out.push([y, (y === ty ? tm : 12) - (y === fy ? fm - 1 : 0)]);
  return out;
}

export const rentSubsidies: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['rent-subsidy-recipients'] as const);
  if (!f) return null;
  const c = ctx(reply, locale);
  const fig = f['rent-subsidy-recipients'];
  const p = parsePeriod(fig.period);
  if (!p || p.kind !== 'range') return null;
  const years = yearsCovered(p.from, p.to);
  const months = years.reduce((a, [, m]) => a + m, 0);
  const unit = niceUnit(fig.value) / 10 >= 1 ? niceUnit(fig.value) / 10 : 1;
  const count = Math.floor(fig.value / unit);
  const from = formatDate(p.from, locale);
  const to = formatDate(p.to, locale);
  const unitText = c.t('charts.rent.unit', { n: c.n(unit) });

  const draw = (fr: Frame) => {
    const s = new Scene(fr);
    const fs = fr.fs;
    const perRow = fr.name === 'wide' ? count + 3 : Math.ceil((count + 3) / 2);
    const gap = 4;
    const size = Math.min(26, Math.floor((fr.w - (perRow - 1) * gap) / perRow));
    let y = 2;
    y += s.para(0, y, c.t('charts.rent.head', { n: c.v(fig) }), fr.w, { bold: true });
    y += 4;
    y = squares(s, 0, y, count, { size, gap, perRow, cls: 'accent', tip: tip(c, fig), faded: isLowerBound(fig.qualifier) ? 3 : 0 }).y + 6;
    y += s.para(0, y, unitText, fr.w, { cls: 'muted' });
    y += fs;
    // the years it was counted over
    y += s.para(0, y, c.t('charts.rent.span', { from, to }), fr.w, { bold: true });
    y += 4;
    const bracketY = y + 4;
    s.line({ x1: 0, x2: fr.w - 1, y1: bracketY, y2: bracketY, cls: 'accent', width: 2 });
    s.line({ x1: 1, x2: 1, y1: bracketY, y2: bracketY + 8, cls: 'accent', width: 2 });
    s.line({ x1: fr.w - 1, x2: fr.w - 1, y1: bracketY, y2: bracketY + 8, cls: 'accent', width: 2 });
    y = bracketY + 12;
    let x = 0;
    const ch = Math.round(fs * 3.2);
    for (const [yr, m] of years) {
      const w = (m / months) * fr.w;
      s.rect({ x1: x + 1, x2: x + w - 2, y1: y, y2: y + ch, cls: 'context', outline: true, dashed: true });
      s.text({ x: x + w / 2, y: y + ch * 0.32, text: c.zh ? `${yr}年` : String(yr), anchor: 'middle', cls: 'text', bold: true, size: fs - 1 });
      s.text({ x: x + w / 2, y: y + ch * 0.7, text: '?', anchor: 'middle', cls: 'muted', size: fs - 2 });
      x += w;
    }
    y += ch + 8;
    y += s.para(0, y, c.t('charts.rent.note', { n: c.v(fig) }), fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };

  return spec(c, {
    id: 'rent-subsidies',
    // Chinese puts the measure word 名 after the number, so it takes the number alone (2000余)
    title: c.t('charts.rent.title', { n: c.zh ? c.short(fig) : c.v(fig), from }),
    subtitle: joinSubtitle(c.t('charts.rent.subtitle'), scopePeriod(c, [fig]), unitText),
    description: c.t('charts.rent.desc', { n: c.v(fig), ns: c.short(fig), from, to }),
    notes: standardNotes(c, [fig]),
    sources: [fig.id],
    key: lowerBoundKey(c, [fig]),
    views: [{ id: 'total', label: c.t('charts.view.count'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs: [fig],
    tableCaption: c.t('charts.rent.subtitle'),
  });
};
