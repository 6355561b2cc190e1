/**
 * Every date the reply names (events.csv), past, the reply itself and what it
 * promises, drawn differently: solid for the past, a diamond for the reply,
 * hollow and dashed for promises. A date given only as a year (or month) is
 * drawn as a span over that year (or month), never as a precise point.
 * Wide: one row per event on a time axis, long empty stretches cut out and
 * marked. Narrow: a vertical list.
 */
import type { Kind } from '../declare';
import { vars } from '../declare';
import type { ReplyEvent } from '../../data/model';
import { cap, joinSubtitle, spec } from '../common';
import { pick } from '../../format/pick';
import { NARROW, Scene, WIDE, textWidth, toPlot, type Frame, type Tip } from '../scene';
import { endOf } from '../../data/dates';
import { formatDate, formatWrittenDate } from '../../format/date';
import type { Key } from '../../../i18n';
import { ownPlace, placeText } from '../../data/vocabulary';

/** A date as a fractional year: start of the period it names, or its end. */
export function yearFrac(date: string, end = false): number {
  const d = end ? endOf(date) : date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t0 = Date.UTC(y, 0, 1);
  const t1 = Date.UTC(y + 1, 0, 1);
  const t = Date.UTC(y, m - 1, day) + (end ? 86400000 : 0);
  return y + (t - t0) / (t1 - t0);
}

/** Whole-year stretches the events fall in, merged when less than `gap` years apart. */
export function axisPieces(events: ReplyEvent[], gap = 3): [number, number][] {
  const spans = events
    .map((e) => [Math.floor(yearFrac(e.date)), Math.ceil(yearFrac(e.date, true))] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] - last[1] < gap) last[1] = Math.max(last[1], s[1]);
    else out.push([...s]);
  }
  return out;
}

export const timeline: Kind = (input) => {
  const { reply, locale, c } = input;
  if (reply.events.length === 0) return null;
  const events = [...reply.events].sort((a, b) => yearFrac(a.date) - yearFrac(b.date) || a.line - b.line);
  const label = (e: ReplyEvent) => pick(c.locale, e.label_zh, e.label_en);
  /** The date as the reply writes it (到2022年底 -> 2022年底); the precise date stays in the tooltip and the data. */
  const when = (e: ReplyEvent) => formatWrittenDate(e.date, locale, [e.quote]);
  const kindCls = (e: ReplyEvent) => (e.kind === 'reply' ? 'text' : 'accent') as 'text' | 'accent';
  const figOf = (e: ReplyEvent) => reply.figures.find((f) => f.id === e.figure);
  const tipOf = (e: ReplyEvent): Tip => {
    const f = figOf(e);
    if (c.zh) return { event: e.id, text: `${formatDate(e.date, locale)} · ${c.t(`charts.timeline.kind.${e.kind}`)}：${label(e)}${f ? `（${c.v(f)}）` : ''}\n原文：“${e.quote}”` };
    return { event: e.id, text: `${formatDate(e.date, locale)} · ${c.t(`charts.timeline.kind.${e.kind}`)}: ${label(e)}${f ? ` (${c.v(f)})` : ''}\nSource: “${e.quote}”` };
  };
  const pieces = axisPieces(events);
  const first = events[0]!;
  const last = events[events.length - 1]!;

  const marker = (s: Scene, e: ReplyEvent, x1: number, x2: number, y: number) => {
    const r = s.fs * 0.45;
    const precise = e.date.length === 10;
    if (e.kind === 'reply') s.dot({ x: (x1 + x2) / 2, y, r: r + 2, symbol: 'diamond', cls: 'text', tip: tipOf(e) });
    else if (precise || x2 - x1 < r * 2) s.dot({ x: (x1 + x2) / 2, y, r, cls: kindCls(e), hollow: e.kind === 'promised', tip: tipOf(e) });
    else
      s.rect({ x1, x2, y1: y - r, y2: y + r, cls: kindCls(e), outline: e.kind === 'promised', dashed: e.kind === 'promised', tip: tipOf(e) });
  };

  const wide = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const fs = fr.fs;
    const breakW = 36;
    const years = pieces.reduce((a, [p0, p1]) => a + (p1 - p0), 0);
    const pad = 8;
    const perYear = (fr.w - 2 * pad - breakW * (pieces.length - 1)) / years;
    const offsets: number[] = [];
    let acc = pad;
    for (const [p0, p1] of pieces) {
      offsets.push(acc);
      acc += (p1 - p0) * perYear + breakW;
    }
    const X = (t: number) => {
      const i = pieces.findIndex(([p0, p1]) => t >= p0 && t <= p1);
      const k = i < 0 ? 0 : i;
      return offsets[k]! + (t - pieces[k]![0]) * perYear;
    };
    // axis
    const axisY = fs * 1.4;
    pieces.forEach(([p0, p1], i) => {
      s.line({ x1: X(p0), x2: X(p1), y1: axisY, y2: axisY, cls: 'text', width: 1 });
      for (let yr = p0; yr <= p1; yr++) {
        s.line({ x1: X(yr), x2: X(yr), y1: axisY - 4, y2: axisY + 4, cls: 'text', width: 1 });
        if (yr < p1) s.text({ x: X(yr) + (perYear / 2), y: axisY - fs * 0.8, text: String(yr), anchor: 'middle', cls: 'text' });
      }
      if (i > 0) s.text({ x: offsets[i]! - breakW / 2, y: axisY, text: '//', anchor: 'middle', cls: 'muted' });
    });
    let y = axisY + fs * 1.2;
    const maxLabel = fr.w * 0.5;
    /** Label boxes drawn so far: a leader from the axis down to a marker is cut where it would cross one. */
    const boxes: { x1: number; x2: number; y1: number; y2: number }[] = [];
    const leader = (x: number, y1: number, y2: number) => {
      let from = y1;
      for (const b of boxes.filter((b) => x >= b.x1 - 3 && x <= b.x2 + 3 && b.y2 > y1 && b.y1 < y2).sort((a, b) => a.y1 - b.y1)) {
        if (b.y1 - 2 > from) s.line({ x1: x, x2: x, y1: from, y2: b.y1 - 2, cls: 'context', width: 1, dashed: true });
        from = Math.max(from, b.y2 + 2);
      }
      if (y2 > from) s.line({ x1: x, x2: x, y1: from, y2, cls: 'context', width: 1, dashed: true });
    };
    for (const e of events) {
      const x1 = X(yearFrac(e.date));
      const x2 = X(yearFrac(e.date, true));
      const text = `${cap(when(e))}${c.p.dot}${label(e)}`;
      const fitsRight = x2 + 10 + Math.min(maxLabel, textWidth(text, fs)) <= fr.w;
      const lines = (() => {
        const s2 = new Scene(fr, c.keep);
        return s2.para(0, 0, text, maxLabel) / (fs * 1.3);
      })();
      const h = lines * fs * 1.3;
      const my = y + fs * 0.65;
      leader((x1 + x2) / 2, axisY + 4, my - fs * 0.5);
      marker(s, e, x1, x2, my);
      if (fitsRight) {
        s.para(x2 + 10, y, text, maxLabel, { cls: 'text' });
        boxes.push({ x1: x2 + 10, x2: x2 + 10 + Math.min(maxLabel, textWidth(text, fs)), y1: y, y2: y + h });
      } else {
        const lw = Math.min(maxLabel, x1 - 10);
        const s3 = new Scene(fr, c.keep);
        s3.para(0, y, text, lw);
        s.prims.push(...s3.prims.map((p) => (p.kind === 'text' ? { ...p, x: x1 - 10, anchor: 'end' as const } : p)));
        boxes.push({ x1: x1 - 10 - Math.min(lw, textWidth(text, fs)), x2: x1 - 10, y1: y, y2: y + h });
      }
      y += Math.max(h, fs * 1.3) + fs * 0.6;
    }
    return toPlot(s, y + 4);
  };

  const narrow = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const fs = fr.fs;
    const lx = 12;
    const tx = 32;
    let y = 4;
    const top = y;
    let prev: ReplyEvent | undefined;
    for (const e of events) {
      if (prev && Math.floor(yearFrac(e.date)) - Math.ceil(yearFrac(prev.date, true)) >= 3) {
        const n = Math.floor(yearFrac(e.date)) - Math.ceil(yearFrac(prev.date, true));
        y += s.para(tx, y, c.t('charts.timeline.gap', { n: c.n(n) }), fr.w - tx, { cls: 'muted' }) + fs * 0.6;
      }
      const my = y + fs * 0.65;
      const r = fs * 0.45;
      if (e.kind === 'reply') s.dot({ x: lx, y: my, r: r + 2, symbol: 'diamond', cls: 'text', tip: tipOf(e) });
      else s.dot({ x: lx, y: my, r, cls: kindCls(e), hollow: e.kind === 'promised', tip: tipOf(e) });
      y += s.para(tx, y, cap(when(e)) + (e.kind === 'promised' ? c.t('charts.timeline.promised-tag') : ''), fr.w - tx, { bold: true });
      y += s.para(tx, y, label(e), fr.w - tx) + fs * 0.8;
      prev = e;
    }
    s.prims.unshift({ kind: 'line', x1: lx, x2: lx, y1: top + fs * 0.65, y2: y - fs * 2.5, cls: 'context', width: 2 });
    return toPlot(s, y);
  };

  const scopes = [...new Set(events.map(figOf).filter((f) => f !== undefined).map(c.scope))].join(' · ');
  // Events whose figure covers a place other than the reply's own (Ningbo, a province): said so in a note.
  const own = ownPlace(reply.meta.places);
  const outside = events.filter((e) => { const sc = figOf(e)?.scope; return sc !== undefined && sc !== own; });
  const wider = [...new Set(outside.map((e) => figOf(e)!.scope))].map((k) => placeText(reply.meta.places, k, locale)).join(c.p.list);
  const counts = { past: 0, reply: 0, promised: 0 };
  for (const e of events) counts[e.kind]++;
  return spec(c, {
    id: input.decl.id,
    title: vars(input.title, { n: c.n(events.length), first: when(first), last: when(last) }),
    subtitle: joinSubtitle(c.t('charts.timeline.subtitle'), scopes, (when(first) === when(last) ? when(first) : c.t('charts.timeline.range', { first: when(first), last: when(last) }))),
    description:
      c.t('charts.timeline.desc', { n: c.n(events.length), past: c.n(counts.past), promised: c.n(counts.promised) }) +
      events.map((e) => `${cap(when(e))}${c.p.colon}${label(e)}${pick(c.locale, '', ` (${c.t(`charts.timeline.kind.${e.kind}`)})`)}`).join(c.p.semi) +
      c.p.stop,
    notes: [
      ...input.notes,
      c.t('charts.timeline.note-precision'),
      ...(pieces.length > 1 ? [c.t('charts.timeline.note-scope')] : []),
      ...(outside.length ? [c.t('charts.timeline.note-wider', { scope: wider, list: outside.map(label).join(c.p.semi) })] : []),
    ],
    sources: [...new Set(events.map((e) => e.figure).filter((id) => id && reply.figures.some((f) => f.id === id)))],
    // the key shows the marks drawn: only the kinds of date the reply has
    key: (['past', 'reply', 'promised'] as const).filter((k) => counts[k] > 0).map((k) => ({ swatch: k, label: c.t(`charts.timeline.kind.${k}`) })),
    views: [{ id: 'events', label: c.t('charts.view.events'), wide: wide(WIDE), narrow: narrow(NARROW) }],
    figs: [],
    tableCaption: c.t('charts.timeline.subtitle'),
    extraRows: events.map((e) => [label(e), cap(when(e)), c.t(`charts.timeline.kind.${e.kind}`), figOf(e) ? c.v(figOf(e)!) : '', e.quote, e.section ? c.t('figures.part', { n: e.section }) : '']),
    columns: [
      { key: 'label', label: c.t('charts.timeline.col.event'), description: '' },
      { key: 'date', label: c.t('charts.timeline.col.date'), description: '' },
      { key: 'kind', label: c.t('charts.timeline.col.kind'), description: '' },
      { key: 'figure', label: c.t('figures.value'), description: '' },
      { key: 'quote', label: c.t('charts.timeline.col.quote'), description: '' },
      { key: 'part', label: c.t('charts.timeline.col.part'), description: '' },
    ],
    data: {
      columns: [
        { key: 'event_id', label: 'event_id', description: 'id of the event in events.csv' },
        { key: 'date', label: 'date', description: 'YYYY, YYYY-MM or YYYY-MM-DD: as precise as the reply is' },
        { key: 'kind', label: 'kind', description: 'past | reply | promised (promised: not yet happened when the reply was issued)' },
        { key: 'label', label: 'label', description: 'what happens' },
        { key: 'figure_id', label: 'figure_id', description: 'the figure in figures.csv the event belongs to, if any' },
        { key: 'quote', label: 'quote', description: 'the words of the reply that name the date' },
      ],
      rows: events.map((e) => ({ event_id: e.id, date: e.date, kind: e.kind, label: label(e), figure_id: e.figure || null, quote: e.quote })),
    },
  });
};
