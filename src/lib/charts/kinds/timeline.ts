/**
 * Every date the reply names (events.csv), past, the reply itself and what it
 * promises, drawn differently: solid for the past, a diamond for the reply,
 * hollow and dashed for promises. A date given only as a year (or month) is
 * drawn as a span over that year (or month), never as a precise point.
 * Wide: one row per event on a time axis, long empty stretches cut out and
 * marked. Narrow: a vertical list.
 */
import type { Kind, KindInput } from '../declare';
import { vars } from '../declare';
import type { Figure, ReplyEvent } from '../../data/model';
import { cap, joinSubtitle, spec } from '../common';
import { pick } from '../../format/pick';
import { NARROW, Scene, WIDE, textWidth, toPlot, type Frame, type Tip } from '../scene';
import { endOf } from '../../data/dates';
import { formatDate, formatWrittenDate } from '../../format/date';
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

type Ctx = KindInput['c'];

/** What every step needs to say about an event: the events in date order and how each is named, dated, coloured and tipped. */
interface Said {
  c: Ctx;
  events: ReplyEvent[];
  label: (e: ReplyEvent) => string;
  when: (e: ReplyEvent) => string;
  kindCls: (e: ReplyEvent) => 'text' | 'accent';
  figOf: (e: ReplyEvent) => Figure | undefined;
  tipOf: (e: ReplyEvent) => Tip;
}

/** The events in date order, and how each is named, dated (as the reply writes it), coloured and tipped. */
function said(input: KindInput): Said {
  const { reply, locale, c } = input;
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
  return { c, events, label, when, kindCls, figOf, tipOf };
}

/** One event's mark on the wide axis at y: a diamond for the reply, a dot for a precise (or short) date, else a span over x1..x2. */
function marker(s: Scene, t: Said, e: ReplyEvent, x1: number, x2: number, y: number) {
  const r = s.fs * 0.45;
  const precise = e.date.length === 10;
  if (e.kind === 'reply') s.dot({ x: (x1 + x2) / 2, y, r: r + 2, symbol: 'diamond', cls: 'text', tip: t.tipOf(e) });
  else if (precise || x2 - x1 < r * 2) s.dot({ x: (x1 + x2) / 2, y, r, cls: t.kindCls(e), hollow: e.kind === 'promised', tip: t.tipOf(e) });
  else
    s.rect({ x1, x2, y1: y - r, y2: y + r, cls: t.kindCls(e), outline: e.kind === 'promised', dashed: e.kind === 'promised', tip: t.tipOf(e) });
}

/** Where the wide axis puts things: the width of a year, where each piece starts, X for a fractional year. */
interface Axis {
  pieces: [number, number][];
  breakW: number;
  perYear: number;
  offsets: number[];
  X: (t: number) => number;
}

/** The wide time axis's scale: the pieces share the frame's width, a cut of fixed width between two pieces. */
function axisScale(fr: Frame, pieces: [number, number][]): Axis {
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
  return { pieces, breakW, perYear, offsets, X };
}

/** The wide axis at axisY: a line per piece, a tick per year, the year between ticks, "//" at each cut. */
function drawAxis(s: Scene, fs: number, a: Axis, axisY: number) {
  const { pieces, X, perYear, offsets, breakW } = a;
  pieces.forEach(([p0, p1], i) => {
    s.line({ x1: X(p0), x2: X(p1), y1: axisY, y2: axisY, cls: 'text', width: 1 });
    for (let yr = p0; yr <= p1; yr++) {
      s.line({ x1: X(yr), x2: X(yr), y1: axisY - 4, y2: axisY + 4, cls: 'text', width: 1 });
      if (yr < p1) s.text({ x: X(yr) + (perYear / 2), y: axisY - fs * 0.8, text: String(yr), anchor: 'middle', cls: 'text' });
    }
    if (i > 0) s.text({ x: offsets[i]! - breakW / 2, y: axisY, text: '//', anchor: 'middle', cls: 'muted' });
  });
}

type Box = { x1: number; x2: number; y1: number; y2: number };

/** A dashed leader at x from the axis (y1) down to a marker (y2), cut where it would cross a label box drawn so far. */
function leader(s: Scene, boxes: Box[], x: number, y1: number, y2: number) {
  let from = y1;
  for (const b of boxes.filter((b) => x >= b.x1 - 3 && x <= b.x2 + 3 && b.y2 > y1 && b.y1 < y2).sort((a, b) => a.y1 - b.y1)) {
    if (b.y1 - 2 > from) s.line({ x1: x, x2: x, y1: from, y2: b.y1 - 2, cls: 'context', width: 1, dashed: true });
    from = Math.max(from, b.y2 + 2);
  }
  if (y2 > from) s.line({ x1: x, x2: x, y1: from, y2, cls: 'context', width: 1, dashed: true });
}

/** One event's row of the wide view from y: leader, mark and label (right of the mark, or left when it does not fit); returns the next row's y. */
function wideRow(s: Scene, fr: Frame, t: Said, e: ReplyEvent, g: { X: (t: number) => number; axisY: number; boxes: Box[]; y: number }): number {
  const { c } = t;
  const { X, axisY, boxes, y } = g;
  const fs = fr.fs;
  const maxLabel = fr.w * 0.5;
  const x1 = X(yearFrac(e.date));
  const x2 = X(yearFrac(e.date, true));
  const text = `${cap(t.when(e))}${c.p.dot}${t.label(e)}`;
  const fitsRight = x2 + 10 + Math.min(maxLabel, textWidth(text, fs)) <= fr.w;
  const lines = new Scene(fr, c.keep).para(0, 0, text, maxLabel) / (fs * 1.3);
  const h = lines * fs * 1.3;
  const my = y + fs * 0.65;
  leader(s, boxes, (x1 + x2) / 2, axisY + 4, my - fs * 0.5);
  marker(s, t, e, x1, x2, my);
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
  return y + Math.max(h, fs * 1.3) + fs * 0.6;
}

/** The wide view: the cut time axis on top, one row per event below it. */
function wide(fr: Frame, t: Said, pieces: [number, number][]) {
  const s = new Scene(fr, t.c.keep);
  const fs = fr.fs;
  const a = axisScale(fr, pieces);
  const axisY = fs * 1.4;
  drawAxis(s, fs, a, axisY);
  let y = axisY + fs * 1.2;
  /** Label boxes drawn so far: a leader from the axis down to a marker is cut where it would cross one. */
  const boxes: Box[] = [];
  for (const e of t.events) y = wideRow(s, fr, t, e, { X: a.X, axisY, boxes, y });
  return toPlot(s, y + 4);
}

/** The narrow view: a vertical list, a mark per event on a line, a note where years pass with no event. */
function narrow(fr: Frame, t: Said) {
  const { c } = t;
  const s = new Scene(fr, c.keep);
  const fs = fr.fs;
  const lx = 12;
  const tx = 32;
  let y = 4;
  const top = y;
  let prev: ReplyEvent | undefined;
  for (const e of t.events) {
    if (prev && Math.floor(yearFrac(e.date)) - Math.ceil(yearFrac(prev.date, true)) >= 3) {
      const n = Math.floor(yearFrac(e.date)) - Math.ceil(yearFrac(prev.date, true));
      y += s.para(tx, y, c.t('charts.timeline.gap', { n: c.n(n) }), fr.w - tx, { cls: 'muted' }) + fs * 0.6;
    }
    const my = y + fs * 0.65;
    const r = fs * 0.45;
    if (e.kind === 'reply') s.dot({ x: lx, y: my, r: r + 2, symbol: 'diamond', cls: 'text', tip: t.tipOf(e) });
    else s.dot({ x: lx, y: my, r, cls: t.kindCls(e), hollow: e.kind === 'promised', tip: t.tipOf(e) });
    y += s.para(tx, y, cap(t.when(e)) + (e.kind === 'promised' ? c.t('charts.timeline.promised-tag') : ''), fr.w - tx, { bold: true });
    y += s.para(tx, y, t.label(e), fr.w - tx) + fs * 0.8;
    prev = e;
  }
  s.prims.unshift({ kind: 'line', x1: lx, x2: lx, y1: top + fs * 0.65, y2: y - fs * 2.5, cls: 'context', width: 2 });
  return toPlot(s, y);
}

/** The chart's notes: the kind's own, precision, the cut axis (when cut), and events whose figure covers a wider place. */
function notesOf(input: KindInput, t: Said, cut: boolean): string[] {
  const { reply, locale } = input;
  const { c, events, figOf } = t;
  // Events whose figure covers a place other than the reply's own (Ningbo, a province): said so in a note.
  const own = ownPlace(reply.meta.places);
  const outside = events.filter((e) => { const sc = figOf(e)?.scope; return sc !== undefined && sc !== own; });
  const wider = [...new Set(outside.map((e) => figOf(e)!.scope))].map((k) => placeText(reply.meta.places, k, locale)).join(c.p.list);
  return [
    ...input.notes,
    c.t('charts.timeline.note-precision'),
    ...(cut ? [c.t('charts.timeline.note-scope')] : []),
    ...(outside.length ? [c.t('charts.timeline.note-wider', { scope: wider, list: outside.map(t.label).join(c.p.semi) })] : []),
  ];
}

/** The table's columns as a reader sees them. */
function tableColumns(c: Ctx) {
  return [
    { key: 'label', label: c.t('charts.timeline.col.event'), description: '' },
    { key: 'date', label: c.t('charts.timeline.col.date'), description: '' },
    { key: 'kind', label: c.t('charts.timeline.col.kind'), description: '' },
    { key: 'figure', label: c.t('figures.value'), description: '' },
    { key: 'quote', label: c.t('charts.timeline.col.quote'), description: '' },
    { key: 'part', label: c.t('charts.timeline.col.part'), description: '' },
  ];
}

/** The open data's columns (events.csv's own words). */
const DATA_COLUMNS = [
  { key: 'event_id', label: 'event_id', description: 'id of the event in events.csv' },
  { key: 'date', label: 'date', description: 'YYYY, YYYY-MM or YYYY-MM-DD: as precise as the reply is' },
  { key: 'kind', label: 'kind', description: 'past | reply | promised (promised: not yet happened when the reply was issued)' },
  { key: 'label', label: 'label', description: 'what happens' },
  { key: 'figure_id', label: 'figure_id', description: 'the figure in figures.csv the event belongs to, if any' },
  { key: 'quote', label: 'quote', description: 'the words of the reply that name the date' },
];

export const timeline: Kind = (input) => {
  const { reply } = input;
  if (reply.events.length === 0) return null;
  const t = said(input);
  const { c, events, label, when, figOf } = t;
  const pieces = axisPieces(events);
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const scopes = [...new Set(events.map(figOf).filter((f) => f !== undefined).map(c.scope))].join(' · ');
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
    notes: notesOf(input, t, pieces.length > 1),
    sources: [...new Set(events.map((e) => e.figure).filter((id) => id && reply.figures.some((f) => f.id === id)))],
    // the key shows the marks drawn: only the kinds of date the reply has
    key: (['past', 'reply', 'promised'] as const).filter((k) => counts[k] > 0).map((k) => ({ swatch: k, label: c.t(`charts.timeline.kind.${k}`) })),
    views: [{ id: 'events', label: c.t('charts.view.events'), wide: wide(WIDE, t, pieces), narrow: narrow(NARROW, t) }],
    figs: [],
    tableCaption: c.t('charts.timeline.subtitle'),
    extraRows: events.map((e) => [label(e), cap(when(e)), c.t(`charts.timeline.kind.${e.kind}`), figOf(e) ? c.v(figOf(e)!) : '', e.quote, e.section ? c.t('figures.part', { n: e.section }) : '']),
    columns: tableColumns(c),
    data: {
      columns: DATA_COLUMNS,
      rows: events.map((e) => ({ event_id: e.id, date: e.date, kind: e.kind, label: label(e), figure_id: e.figure || null, quote: e.quote })),
    },
  });
};
