/**
 * Party members recruited among industrial workers: the stated number as its
 * stated share of a citywide total that the reply does not give. The total
 * (and the rest) are implied, drawn in grey with a dashed outline, and
 * labelled approximate with the interval the rounding of the share allows.
 */
import type { ChartBuilder } from './types';
import { ctx, joinSubtitle, need, needDerived, scopePeriod, spec, standardNotes, tip } from './common';
import { NARROW, Scene, WIDE, toPlot, type Frame } from './scene';

export const partyRecruits: ChartBuilder = (reply, locale) => {
  const f = need(reply, ['party-recruits-industrial', 'party-recruits-industrial-share'] as const);
  const d = needDerived(reply, ['party-recruits-citywide-implied'] as const);
  if (!f || !d) return null;
  const c = ctx(reply, locale);
  const part = f['party-recruits-industrial'];
  const share = f['party-recruits-industrial-share'];
  const total = d['party-recruits-citywide-implied'];
  const [lo, hi] = total.interval ?? [Math.round(total.value), Math.round(total.value)];
  const rest = Math.round(total.value) - part.value;
  const figs = [part, share];
  const approx = (x: number) => (c.zh ? `约${c.n(x)}` : `≈${c.n(x)}`);

  const draw = (fr: Frame) => {
    const s = new Scene(fr);
    const fs = fr.fs;
    const bh = Math.round(fs * 2.2);
    let y = 2;
    y += s.para(0, y, c.t('charts.party.bar', { total: approx(total.value) }), fr.w, { bold: true });
    y += 6;
    const xs = (share.value / 100) * fr.w;
    s.rect({ x1: 0, x2: xs, y1: y, y2: y + bh, cls: 'accent', gap: true, tip: tip(c, part) });
    s.rect({ x1: xs, x2: fr.w - 1, y1: y, y2: y + bh, cls: 'context', outline: true, dashed: true });
    s.text({ x: xs / 2, y: y + bh / 2, text: c.pct(share.value, 2), anchor: 'middle', cls: 'bg', bold: true, size: fs + 1, tip: tip(c, share) });
    y += bh + 6;
    const colW = fr.name === 'wide' ? xs - 8 : fr.w / 2 - 6;
    const h1 = s.para(0, y, c.t('charts.party.part', { n: c.short(part) }), colW, { bold: true });
    const h2 = s.para(fr.name === 'wide' ? xs + 6 : fr.w / 2 + 6, y, c.t('charts.party.rest', { n: approx(rest) }), fr.name === 'wide' ? fr.w - xs - 6 : fr.w / 2 - 6, { cls: 'muted' });
    y += Math.max(h1, h2) + fs * 0.8;
    y += s.para(0, y, c.t(lo === hi ? 'charts.party.interval-one' : 'charts.party.interval', { lo: c.n(lo), hi: c.n(hi), share: c.pct(share.value, 2) }), fr.w, { cls: 'muted' });
    return toPlot(s, y + 4);
  };

  return spec(c, {
    id: 'party-recruits',
    title: c.t('charts.party.title', { n: c.short(part), share: c.pct(share.value, 2), total: c.n(Math.round(total.value)) }),
    subtitle: joinSubtitle(c.t('charts.party.subtitle'), scopePeriod(c, figs)),
    description: c.t(lo === hi ? 'charts.party.desc-one' : 'charts.party.desc', { n: c.v(part), share: c.pct(share.value, 2), total: c.n(Math.round(total.value)), lo: c.n(lo), hi: c.n(hi) }),
    notes: standardNotes(c, figs, [total]),
    sources: figs.map((x) => x.id),
    key: [{ swatch: 'derived', label: c.t('charts.key.implied') }],
    views: [{ id: 'share', label: c.t('charts.view.share'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    derived: [total],
    tableCaption: c.t('charts.party.subtitle'),
  });
};
