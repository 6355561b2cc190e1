/**
 * The reply at a glance: for each of its numbered parts, one filled square
 * per statistic it states and one hollow square per commitment it makes, so a
 * reader sees where the numbers are and where the promises are.
 */
import type { Kind } from '../declare';
import { vars } from '../declare';
import { joinSubtitle, spec } from '../common';
import { pick } from '../../format/pick';
import { NARROW, Scene, WIDE, toPlot, type Frame } from '../scene';
import { cells } from '../parts';
import { formatDate } from '../../format/date';

export const overview: Kind = (input) => {
  const { reply, locale, c } = input;
  const sections = reply.meta.sections;
  if (sections.length === 0 || reply.figures.length === 0) return null;
  const parts = sections.map((s) => ({
    n: s.n,
    title: pick(c.locale, s.title_zh, s.title_en),
    figures: reply.figures.filter((f) => f.section === s.n).length,
    commitments: reply.commitments.filter((x) => x.section === s.n).length,
  }));
  const most = parts.reduce((a, b) => (b.figures > a.figures ? b : a));
  const totalF = parts.reduce((a, p) => a + p.figures, 0);
  const totalC = parts.reduce((a, p) => a + p.commitments, 0);
  const partName = (n: number) => c.t('figures.part', { n });

  const draw = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const size = fr.name === 'wide' ? 18 : 16;
    const gap = 4;
    const perRow = Math.floor((fr.w + gap) / (size + gap));
    let y = 2;
    for (const p of parts) {
      y += s.para(0, y, `${partName(p.n)}${c.p.dot}${p.title}`, fr.w, { bold: true });
      y += 4;
      const figs = cells(s, 0, y, p.figures, { size, gap, perRow, cls: 'accent', tip: c.t('charts.glance.figures', { n: c.n(p.figures) }) });
      y = figs.y + 6;
      y = cells(s, 0, y, p.commitments, { size, gap, perRow, cls: 'accent', outline: true, tip: c.t('charts.glance.commitments', { n: c.n(p.commitments) }) }).y + 4;
      y += s.para(0, y, c.t('charts.glance.row', { f: c.n(p.figures), c: c.n(p.commitments) }), fr.w, { cls: 'muted' });
      y += fr.fs * 0.8;
    }
    return toPlot(s, y);
  };

  return spec(c, {
    id: input.decl.id,
    title: vars(input.title, { part: partName(most.n), topic: most.title, n: c.n(most.figures), total: c.n(totalF), parts: c.n(parts.length) }),
    subtitle: joinSubtitle(c.t('charts.glance.subtitle'), [...new Set(reply.figures.map(c.scope))].join(' · '), formatDate(reply.meta.date, locale)),
    description:
      c.t('charts.glance.desc', { f: c.n(totalF), c: c.n(totalC), n: c.n(parts.length) }) +
      parts.map((p) => `${partName(p.n)}${c.p.paren(p.title)}${c.p.colon}${c.t('charts.glance.row', { f: c.n(p.figures), c: c.n(p.commitments) })}`).join(c.p.semi) +
      c.p.stop,
    notes: [...input.notes, c.t('charts.glance.note')],
    sources: [],
    key: [
      { swatch: 'accent', label: c.t('charts.glance.key-figure') },
      { swatch: 'hollow', label: c.t('charts.glance.key-commitment') },
    ],
    views: [{ id: 'parts', label: c.t('charts.view.count'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs: [],
    tableCaption: c.t('charts.glance.subtitle'),
    columns: [
      { key: 'part', label: c.t('charts.glance.col.part'), description: '' },
      { key: 'figures', label: c.t('charts.glance.col.figures'), description: '', numeric: true },
      { key: 'commitments', label: c.t('charts.glance.col.commitments'), description: '', numeric: true },
    ],
    extraRows: parts.map((p) => [`${partName(p.n)}${c.p.dot}${p.title}`, c.n(p.figures), c.n(p.commitments)]),
    data: {
      columns: [
        { key: 'section', label: 'section', description: 'the numbered part of the reply' },
        { key: 'title', label: 'title', description: 'what the part is about' },
        { key: 'figures', label: 'figures', description: 'statistics it states (rows of figures.csv)', numeric: true },
        { key: 'commitments', label: 'commitments', description: 'promises it makes (rows of commitments.csv)', numeric: true },
      ],
      rows: parts.map((p) => ({ section: p.n, title: p.title, figures: p.figures, commitments: p.commitments })),
    },
  });
};
