/**
 * Two routes to a senior certificate in 2021: direct certification and the
 * contest, on one zero baseline, with their sum drawn as a dashed outline
 * (computed by us; the reply does not say whether the two overlap).
 */
import type { ChartBuilder } from './types';
import { calcLabel, ctx, joinSubtitle, need, needDerived, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Frame } from './scene';
import { barRows } from './parts';

export const seniorCertificateRoutes: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['direct-certification', 'contest-certificates'] as const);
  const d = needDerived(reply, ['senior-certificates-two-routes'] as const);
  if (!f || !d) return null;
  const c = ctx(reply, locale);
  const direct = f['direct-certification'];
  const contest = f['contest-certificates'];
  const sum = d['senior-certificates-two-routes'];
  const figs = [direct, contest];

  const draw = (fr: Frame) => {
    const s = new Scene(fr);
    const y = barRows(
      s,
      2,
      [
        { label: c.label(direct), value: direct.value, display: c.short(direct), cls: 'context', tip: tip(c, direct) },
        { label: c.label(contest), value: contest.value, display: c.short(contest), cls: 'accent', tip: tip(c, contest) },
        { label: calcLabel(c, sum), value: sum.value, display: c.short(sum), cls: 'text', outline: true },
      ],
      sum.value,
    );
    return toPlot(s, y);
  };

  return spec(c, {
    id: 'senior-certificate-routes',
    title: c.t('charts.routes.title', { contest: c.short(contest), direct: c.short(direct) }),
    subtitle: joinSubtitle(c.t('charts.routes.subtitle'), scopePeriod(c, figs)),
    description: c.t('charts.routes.desc', { direct: c.v(direct), contest: c.v(contest), sum: c.v(sum) }),
    notes: standardNotes(c, figs, [sum]),
    sources: figs.map((x) => x.id),
    key: [{ swatch: 'derived', label: c.t('charts.key.derived') }],
    views: [{ id: 'people', label: c.t('charts.view.people'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    derived: [sum],
    tableCaption: c.t('charts.routes.subtitle'),
  });
};
