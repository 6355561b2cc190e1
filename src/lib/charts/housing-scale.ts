/**
 * Housing: Cixi's pilot homes against Ningbo's target, as a unit chart (one
 * square = N homes, N the largest 1-2-5 step not above the smaller figure),
 * so the difference of scale is visible without a log axis, and each block
 * says its place (Cixi / all of Ningbo) and its time (recognised / target
 * date). Both are lower bounds: the squares fade out after the last one.
 */
import type { ChartBuilder } from './types';
import { cap, ctx, joinSubtitle, lowerBoundKey, need, needDerived, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Frame } from './scene';
import { squares } from './parts';
import { isLowerBound } from '../format/number';
import { formatValue } from '../format/figure';

/** The largest 1, 2 or 5 times a power of ten that is not above x. */
export function niceUnit(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [5, 2, 1].map((m) => m * p).find((u) => u <= x) ?? p;
}

export const housingScale: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['pilot-units', 'ningbo-rental-target'] as const);
  const d = needDerived(reply, ['pilot-units-vs-ningbo-target'] as const);
  if (!f || !d) return null;
  const c = ctx(reply, locale);
  const pilot = f['pilot-units'];
  const target = f['ningbo-rental-target'];
  const projects = reply.figures.find((x) => x.id === 'pilot-projects');
  const ratio = d['pilot-units-vs-ningbo-target'];
  const unit = niceUnit(Math.min(pilot.value, target.value));
  const figs = [pilot, target, ...(projects ? [projects] : [])];
  const unitText = c.t('charts.housing.unit', { n: c.n(unit) });
  // English says the unit once ("at least 130,000 new rental units (flats or rooms)"); Chinese keeps it on the number
  const targetText = c.zh ? c.v(target) : formatValue(target, locale, { unit: false });
  const projectsText = projects ? (c.zh ? c.v(projects) : c.short(projects)) : '';
  const when = { pilotWhen: c.period(pilot), targetWhen: c.period(target) };

  const draw = (fr: Frame) => {
    const s = new Scene(fr);
    const fs = fr.fs;
    const perRow = fr.name === 'wide' ? 40 : 20;
    const gap = 2;
    const size = Math.floor((fr.w - (perRow - 1) * gap) / perRow);
    let y = 2;
    // key: one square = N homes
    s.rect({ x1: 0, x2: size, y1: y + 2, y2: y + 2 + size, cls: 'context' });
    s.text({ x: size + 6, y: y + 2 + size / 2, text: unitText, cls: 'text' });
    y += size + fs;
    for (const [fig, cls, head] of [
      [pilot, 'accent', cap(c.t('charts.housing.pilot', { scope: c.scope(pilot), projects: projectsText, when: when.pilotWhen, n: c.v(pilot) }))],
      [target, 'context', cap(c.t('charts.housing.target', { scope: c.scope(target), when: when.targetWhen, n: targetText }))],
    ] as const) {
      y += s.para(0, y, head, fr.w, { bold: true });
      y += 4;
      const count = Math.floor(fig.value / unit);
      y = squares(s, 0, y, count, { size, gap, perRow, cls, tip: tip(c, fig), faded: isLowerBound(fig.qualifier) ? 3 : 0 }).y + fs * 1.2;
    }
    y += s.para(0, y, c.t('charts.housing.ratio', { ratio: c.v(ratio), ...when }), fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };

  return spec(c, {
    id: 'housing-scale',
    title: c.t('charts.housing.title', { pilot: c.v(pilot), target: targetText, projects: projectsText, ...when }),
    subtitle: joinSubtitle(c.t('charts.housing.subtitle'), scopePeriod(c, [pilot, target]), unitText),
    description: c.t('charts.housing.desc', {
      pilot: c.v(pilot),
      projects: projects ? c.v(projects) : '',
      pilotScope: cap(c.scope(pilot)),
      pilotWhen: when.pilotWhen,
      target: targetText,
      targetScope: cap(c.scope(target)),
      targetWhen: when.targetWhen,
      ratio: c.v(ratio),
      unit: unitText,
      pilotSquares: c.n(Math.floor(pilot.value / unit)),
      targetSquares: c.n(Math.floor(target.value / unit)),
    }),
    notes: standardNotes(c, figs, [ratio]),
    sources: figs.map((x) => x.id),
    key: [...lowerBoundKey(c, figs), { swatch: 'accent', label: c.scope(pilot) }, { swatch: 'context', label: c.scope(target) }],
    views: [{ id: 'units', label: c.t('charts.view.count'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    derived: [ratio],
    tableCaption: c.t('charts.housing.subtitle'),
  });
};
