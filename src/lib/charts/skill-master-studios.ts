/**
 * Skill-master studios by level: a unit chart (one square per studio, per
 * level) and a shares view (each level's share of the stated total), with the
 * levels' sum checked against the total the reply states.
 */
import type { ChartBuilder } from './types';
import { cap, ctx, joinSubtitle, need, needDerived, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Colour, type Frame } from './scene';
import { barRows, squares } from './parts';
import type { Key } from '../../i18n';

const LEVELS = ['provincial', 'ningbo', 'cixi'] as const;
const COLOURS: Colour[] = ['l1', 'l2', 'l3'];

export const skillMasterStudios: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['studios-total', 'studios-provincial', 'studios-ningbo', 'studios-cixi'] as const);
  const d = needDerived(reply, ['studios-share-provincial', 'studios-share-ningbo', 'studios-share-cixi', 'studios-levels-sum'] as const);
  if (!f || !d) return null;
  const c = ctx(reply, locale);
  const total = f['studios-total'];
  const levels = LEVELS.map((lv, i) => ({
    fig: f[`studios-${lv}`],
    share: d[`studios-share-${lv}`],
    name: c.t(`charts.level.${lv}` as Key),
    cls: COLOURS[i]!,
  }));
  const biggest = levels.reduce((a, b) => (b.fig.value > a.fig.value ? b : a));
  const sum = d['studios-levels-sum'];
  const sumMatches = sum.value === total.value;
  const figs = [total, ...levels.map((l) => l.fig)];

  const counts = (fr: Frame) => {
    const s = new Scene(fr);
    const perRow = fr.name === 'wide' ? Math.max(...levels.map((l) => l.fig.value)) : Math.ceil(Math.max(...levels.map((l) => l.fig.value)) / 2);
    const gap = fr.name === 'wide' ? 4 : 4;
    const size = Math.min(22, Math.floor((fr.w - (perRow - 1) * gap) / perRow));
    let y = 2;
    for (const l of levels) {
      y += s.para(0, y, cap(c.t('charts.studios.row', { level: l.name, n: c.short(l.fig) })), fr.w, { bold: true });
      y += 4;
      y = squares(s, 0, y, l.fig.value, { size, gap, perRow, cls: l.cls, tip: tip(c, l.fig) }).y + fr.fs;
    }
    y += s.para(0, y, c.t('charts.studios.total', { total: c.v(total) }), fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };
  const shares = (fr: Frame) => {
    const s = new Scene(fr);
    const y = barRows(
      s,
      2,
      levels.map((l) => ({ label: cap(c.t('charts.studios.row', { level: l.name, n: c.short(l.fig) })), value: l.share.value, display: c.pct(l.share.value), cls: l.cls, tip: tip(c, l.fig) })),
      100,
      { track: 100 },
    );
    const h = s.para(0, y, c.t('charts.studios.track'), fr.w, { cls: 'muted' });
    return toPlot(s, y + h + 4);
  };

  return spec(c, {
    id: 'skill-master-studios',
    title: c.t('charts.studios.title', { n: c.short(biggest.fig), total: c.short(total), level: biggest.name }),
    subtitle: joinSubtitle(c.t('charts.studios.subtitle'), scopePeriod(c, [total])),
    description: c.t('charts.studios.desc', {
      total: c.v(total),
      list: levels.map((l) => c.t('charts.studios.part', { n: c.v(l.fig), level: l.name, share: c.pct(l.share.value) })).join(c.zh ? '，' : ', '),
      check: c.t(sumMatches ? 'charts.studios.sum-ok' : 'charts.studios.sum-off', { sum: c.v(sum), total: c.v(total) }),
    }),
    notes: [c.t(sumMatches ? 'charts.studios.sum-ok' : 'charts.studios.sum-off', { sum: c.v(sum), total: c.v(total) }), ...standardNotes(c, figs)],
    sources: figs.map((x) => x.id),
    views: [
      { id: 'count', label: c.t('charts.view.count'), wide: counts(WIDE), narrow: counts(NARROW) },
      { id: 'share', label: c.t('charts.view.share'), wide: shares(WIDE), narrow: shares(NARROW) },
    ],
    figs,
    derived: levels.map((l) => l.share),
    tableCaption: c.t('charts.studios.subtitle'),
  });
};
