/**
 * Migrant pupils: the reply gives a change (so many more in 2021 than in
 * 2020), never the totals, so the chart draws a "+N" block on top of two
 * bases of unknown size, and says the lengths are not to scale. Below it, the
 * private schools for migrant children that are to become public, drawn
 * hollow and dashed: a promise, not yet done when the reply was issued.
 */
import type { ChartBuilder } from './types';
import { ctx, joinSubtitle, need, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Frame } from './scene';
import { squares } from './parts';
import { parsePeriod } from '../data/dates';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';

export const migrantPupils: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['migrant-pupils-increase'] as const);
  if (!f) return null;
  const schools = reply.figures.find((x) => x.id === 'migrant-schools-to-public');
  const c = ctx(reply, locale);
  const inc = f['migrant-pupils-increase'];
  const p = parsePeriod(inc.period);
  if (!p || p.kind !== 'range') return null;
  const from = formatDate(p.from, locale);
  const to = formatDate(p.to, locale);
  const plus = `+${formatNumber(inc.value, locale, { wan: false })}`;
  const figs = schools ? [inc, schools] : [inc];

  const draw = (fr: Frame) => {
    const s = new Scene(fr);
    const fs = fr.fs;
    const bh = Math.round(fs * 2);
    const baseW = Math.round(fr.w * (fr.name === 'wide' ? 0.42 : 0.46));
    const blockW = Math.round(fr.w * (fr.name === 'wide' ? 0.2 : 0.22));
    let y = 2;
    for (const [year, withBlock] of [
      [from, false],
      [to, true],
    ] as const) {
      y += s.para(0, y, year, fr.w, { bold: true });
      y += 4;
      s.rect({ x1: 0, x2: baseW, y1: y, y2: y + bh, cls: 'context', outline: true, dashed: true });
      s.text({ x: baseW / 2, y: y + bh / 2, text: c.t('charts.pupils.unknown'), anchor: 'middle', cls: 'muted', size: fs - 1 });
      if (withBlock) {
        s.rect({ x1: baseW, x2: baseW + blockW, y1: y, y2: y + bh, cls: 'accent', tip: tip(c, inc) });
        s.text({ x: baseW + blockW / 2, y: y + bh / 2, text: plus, anchor: 'middle', cls: 'bg', bold: true, size: fs + 1, tip: tip(c, inc) });
      }
      y += bh + fs * 0.8;
    }
    y += s.para(0, y, c.t('charts.pupils.scale', { plus, n: c.short(inc), from, to }), fr.w, { cls: 'muted' });
    if (schools) {
      y += fs * 1.4;
      y += s.para(0, y, c.t('charts.pupils.schools', { n: c.v(schools), when: c.period(schools) }), fr.w, { bold: true, size: fs + 1 });
      y += 6;
      const size = fr.name === 'wide' ? 36 : 30;
      y = squares(s, 0, y, schools.value, { size, gap: 8, perRow: schools.value, cls: 'accent', outline: true, dashed: true, tip: tip(c, schools) }).y + 6;
      y += s.para(0, y, c.t('charts.pupils.promised'), fr.w, { cls: 'muted' });
    }
    return toPlot(s, y + 4);
  };

  return spec(c, {
    id: 'migrant-pupils',
    title: c.t('charts.pupils.title', { n: c.short(inc), from, to }),
    subtitle: joinSubtitle(c.t('charts.pupils.subtitle'), scopePeriod(c, figs)),
    description:
      c.t('charts.pupils.desc', { n: c.short(inc), from, to }) +
      (schools ? (c.zh ? '' : ' ') + c.t('charts.pupils.desc-schools', { n: c.v(schools), when: c.period(schools) }) : ''),
    notes: standardNotes(c, figs),
    sources: figs.map((x) => x.id),
    key: [
      { swatch: 'change', label: c.t('charts.key.change') },
      { swatch: 'unknown', label: c.t('charts.key.unknown') },
      ...(schools ? [{ swatch: 'promised' as const, label: c.t('charts.key.promised') }] : []),
    ],
    views: [{ id: 'change', label: c.t('charts.view.change'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    tableCaption: c.t('charts.pupils.subtitle'),
  });
};
