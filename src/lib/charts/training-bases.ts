/**
 * Public training bases by level (one square per base) and what they deliver
 * each year: two yearly averages, both lower bounds, in different units
 * (person-times and people), so each bar has its own scale and says so.
 */
import type { ChartBuilder } from './types';
import { cap, ctx, joinSubtitle, lowerBoundKey, need, needDerived, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Colour, type Frame } from './scene';
import { barRows, squares } from './parts';
import type { Key } from '../../i18n';
import { unitWord } from '../format/figure';

const LEVELS = [
  ['provincial', 'bases-provincial'],
  ['ningbo', 'bases-ningbo-155'],
  ['cixi', 'bases-cixi'],
] as const;
const COLOURS: Colour[] = ['l1', 'l2', 'l3'];

export const trainingBases: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['bases-provincial', 'bases-ningbo-155', 'bases-cixi', 'bases-training-per-year', 'bases-high-skilled-per-year'] as const);
  const d = needDerived(reply, ['bases-total'] as const);
  if (!f || !d) return null;
  const c = ctx(reply, locale);
  const total = d['bases-total'];
  const levels = LEVELS.map(([lv, id], i) => ({ fig: f[id], name: c.t(`charts.level.${lv}` as Key), cls: COLOURS[i]! }));
  const biggest = levels.reduce((a, b) => (b.fig.value > a.fig.value ? b : a));
  const output = [f['bases-training-per-year'], f['bases-high-skilled-per-year']];
  const figs = [...levels.map((l) => l.fig), ...output];

  const draw = (fr: Frame) => {
    const s = new Scene(fr);
    let y = 2;
    y += s.para(0, y, c.t('charts.bases.part-a', { total: c.v(total) }), fr.w, { bold: true, size: fr.fs + 1 });
    y += 6;
    const size = fr.name === 'wide' ? 24 : 20;
    for (const l of levels) {
      const lab = cap(c.t('charts.studios.row', { level: l.name, n: c.short(l.fig) }));
      const labW = fr.name === 'wide' ? 200 : 0;
      if (labW) {
        s.text({ x: 0, y: y + size / 2, text: lab, cls: 'text' });
        squares(s, labW, y, l.fig.value, { size, gap: 4, perRow: l.fig.value, cls: l.cls, tip: tip(c, l.fig) });
        y += size + 10;
      } else {
        y += s.para(0, y, lab, fr.w) + 2;
        y = squares(s, 0, y, l.fig.value, { size, gap: 4, perRow: l.fig.value, cls: l.cls, tip: tip(c, l.fig) }).y + 10;
      }
    }
    y += fr.fs;
    y += s.para(0, y, c.t('charts.bases.part-b'), fr.w, { bold: true, size: fr.fs + 1 });
    y += 6;
    // Different units: each bar is scaled to its own value, so the lengths are not compared; the labels carry the numbers.
    for (const o of output) {
      y = barRows(s, y, [{ label: c.label(o), value: o.value, display: c.zh ? `${c.short(o)}${unitWord(o.unit, o.value, c.locale)}` : `${c.short(o)} ${unitWord(o.unit, o.value, c.locale)}`, cls: 'accent', lower: true, tip: tip(c, o) }], o.value);
    }
    y += s.para(0, y, c.t('charts.bases.scales'), fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };

  return spec(c, {
    id: 'training-bases',
    title: c.t('charts.bases.title', { n: c.short(biggest.fig), total: c.short(total), level: biggest.name, output: c.v(output[0]!) }),
    subtitle: joinSubtitle(c.t('charts.bases.subtitle'), scopePeriod(c, figs)),
    description: c.t('charts.bases.desc', {
      total: c.v(total),
      list: levels.map((l) => c.t('charts.bases.level', { level: l.name, n: c.v(l.fig) })).join(c.zh ? '，' : ', '),
      training: c.v(output[0]!),
      skilled: c.v(output[1]!),
    }),
    notes: [c.t('charts.bases.scales'), ...standardNotes(c, figs, [total])],
    sources: figs.map((x) => x.id),
    key: lowerBoundKey(c, figs),
    views: [{ id: 'levels', label: c.t('charts.view.count'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    derived: [total],
    tableCaption: c.t('charts.bases.subtitle'),
  });
};
