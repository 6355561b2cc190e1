/**
 * The 2021 Skill Stars contest: entrants against certificates on one zero
 * baseline (people), or as shares of the entrants; and its trades, one square
 * each, the ones the reply names filled and labelled, the rest hollow.
 */
import type { ChartBuilder } from './types';
import { calcLabel, ctx, joinSubtitle, need, needDerived, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, textWidth, toPlot, type Frame } from './scene';
import { barRows } from './parts';

/** The trades the quote names: the list before 等 (etc.), split on the enumeration comma 、. */
export function namedTrades(quote: string): string[] {
  const list = quote.split('等')[0] ?? '';
  return list
    .split('、')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const skillsContest: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['contest-entrants', 'contest-certificates', 'contest-trades'] as const);
  const d = needDerived(reply, ['contest-certificate-rate'] as const);
  if (!f || !d) return null;
  const c = ctx(reply, locale);
  const entrants = f['contest-entrants'];
  const certs = f['contest-certificates'];
  const trades = f['contest-trades'];
  const rate = d['contest-certificate-rate'];
  const named = namedTrades(trades.quote);
  const unnamed = trades.value - named.length;
  const figs = [entrants, certs, trades];

  const tradesPart = (s: Scene, y: number) => {
    const fr = s.frame;
    y = Math.round(y);
    y += fr.fs;
    y += s.para(0, y, c.t('charts.contest.trades', { n: c.v(trades), named: c.n(named.length) }), fr.w, { bold: true, size: fr.fs + 1 });
    y = Math.round(y + 6);
    const perRow = fr.name === 'wide' ? trades.value : Math.ceil(trades.value / 2);
    const gap = 6;
    const size = Math.min(48, Math.floor((fr.w - (perRow - 1) * gap) / perRow));
    for (let i = 0; i < trades.value; i++) {
      const x = (i % perRow) * (size + gap);
      const yy = y + Math.floor(i / perRow) * (size + gap);
      const isNamed = i < named.length;
      s.rect({ x1: x, x2: x + size, y1: yy, y2: yy + size, cls: 'accent', outline: !isNamed, dashed: !isNamed, tip: isNamed ? named[i] : c.t('charts.contest.unnamed-one') });
      s.text({ x: x + size / 2, y: yy + size / 2, text: c.n(i + 1), anchor: 'middle', cls: isNamed ? 'bg' : 'text', size: fr.fs - 1 });
    }
    y += Math.ceil(trades.value / perRow) * (size + gap) + 4;
    // the names, whole: one line where they fit, else two columns
    const items = named.map((n, i) => `${c.n(i + 1)} ${n}`);
    const oneLine = items.join('　');
    if (textWidth(oneLine, fr.fs) <= fr.w) y += s.para(0, y, oneLine, fr.w);
    else {
      const rows = Math.ceil(items.length / 2);
      items.forEach((it, i) => s.text({ x: i < rows ? 0 : fr.w / 2, y: y + (i % rows) * fr.fs * 1.4, text: it, cls: 'text', line: 'top' }));
      y += rows * fr.fs * 1.4;
    }
    y += s.para(0, y, c.t('charts.contest.unnamed', { n: c.n(unnamed) }), fr.w, { cls: 'muted' });
    return y;
  };

  const people = (fr: Frame) => {
    const s = new Scene(fr);
    let y = barRows(
      s,
      2,
      [
        { label: c.label(entrants), value: entrants.value, display: c.short(entrants), cls: 'context', tip: tip(c, entrants) },
        { label: c.label(certs), value: certs.value, display: c.short(certs), cls: 'accent', tip: tip(c, certs) },
      ],
      entrants.value,
    );
    y = tradesPart(s, y);
    return toPlot(s, y + 4);
  };
  const share = (fr: Frame) => {
    const s = new Scene(fr);
    let y = barRows(
      s,
      2,
      [
        { label: c.label(entrants), value: 100, display: c.pct(100), cls: 'context', tip: tip(c, entrants) },
        { label: calcLabel(c, certs), value: rate.value, display: c.pct(rate.value), cls: 'accent', tip: tip(c, certs) },
      ],
      100,
    );
    y = tradesPart(s, y);
    return toPlot(s, y + 4);
  };

  return spec(c, {
    id: 'skills-contest',
    title: c.t('charts.contest.title', { rate: c.v(rate), entrants: c.short(entrants) }),
    subtitle: joinSubtitle(c.t('charts.contest.subtitle'), scopePeriod(c, figs)),
    description: c.t('charts.contest.desc', {
      entrants: c.v(entrants),
      // English: "10,652 people … and 6,479 of them" (the unit once); Chinese keeps its unit
      certs: c.zh ? c.v(certs) : c.short(certs),
      rate: c.v(rate),
      trades: c.v(trades),
      named: c.n(named.length),
      list: named.join('、'),
    }),
    notes: standardNotes(c, figs, [rate]),
    sources: figs.map((x) => x.id),
    views: [
      { id: 'people', label: c.t('charts.view.people'), wide: people(WIDE), narrow: people(NARROW) },
      { id: 'share', label: c.t('charts.view.share-entrants'), wide: share(WIDE), narrow: share(NARROW) },
    ],
    figs,
    derived: [rate],
    tableCaption: c.t('charts.contest.subtitle'),
    extraRows: [[c.t('charts.contest.named-row'), c.n(named.length), named.join('、'), c.period(trades), c.scope(trades)]],
  });
};
