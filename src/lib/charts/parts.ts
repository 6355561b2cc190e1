/** Drawing pieces several charts use, in Scene pixel space. */
import { LINE_HEIGHT, Scene, textWidth, type Colour, type Tip } from './scene';

export interface BarRow {
  label: string;
  value: number;
  /** The value label at the bar's end: "5,000+", "6,479", "60.8%". */
  display: string;
  cls: Colour;
  lower?: boolean;
  tip?: Tip;
  /** Dashed outline instead of a solid bar (a sum we computed, a track). */
  outline?: boolean;
}

/**
 * Horizontal bars on one zero baseline, each labelled above and at its end.
 * Lower bounds get the fading open end. Returns the y below the last row.
 */
export function barRows(s: Scene, y: number, rows: BarRow[], max: number, o: { x0?: number; track?: number } = {}): number {
  const fs = s.fs;
  const x0 = o.x0 ?? 0;
  const bh = Math.round(fs * 1.5);
  const fade = rows.some((r) => r.lower) ? Math.max(14, bh * 1.2) : 0;
  const labelW = Math.max(...rows.map((r) => textWidth(r.display, fs + 1) * 1.1)) + 8;
  const len = s.w - x0 - labelW - fade - 2;
  const scale = (v: number) => (v / max) * len;
  for (const r of rows) {
    y += s.para(x0, y, r.label, s.w - x0, { size: fs });
    y += 4;
    const x2 = x0 + Math.max(1.5, scale(r.value));
    if (o.track !== undefined) s.rect({ x1: x0, x2: x0 + scale(o.track), y1: y, y2: y + bh, cls: 'context', outline: true });
    let end = x2;
    if (r.outline) s.rect({ x1: x0, x2, y1: y, y2: y + bh, cls: r.cls, outline: true, dashed: true, tip: r.tip });
    else if (r.lower) end = s.lowerBoundBar(x0, x2, y, y + bh, r.cls, r.tip);
    else s.rect({ x1: x0, x2, y1: y, y2: y + bh, cls: r.cls, tip: r.tip });
    const lx = o.track !== undefined ? Math.max(end, x0 + scale(o.track)) : end;
    s.text({ x: lx + 6, y: y + bh / 2, text: r.display, cls: 'text', bold: true, size: fs + 1, tip: r.tip });
    s.line({ x1: x0, x2: x0, y1: y - 3, y2: y + bh + 3, cls: 'text', width: 1 });
    y += bh + fs * 0.9;
  }
  return y;
}

/**
 * The unit chart's grid with Plot's waffle mark: `count` cells in rows of
 * `perRow`, the first `highlight.n` in the highlight's class (a figure inside
 * another's scope, on one scale), each run one <pattern>-filled path instead
 * of a <rect> per cell (`outline`: hollow cells). A lower bound (`open`) gets a
 * "+" after its last cell (never extra faded squares: readers count them).
 * Returns the y below.
 */
export function cells(
  s: Scene,
  x0: number,
  y: number,
  count: number,
  o: { size: number; gap: number; perRow: number; cls: Colour; tip?: Tip; open?: boolean; outline?: boolean; dashed?: boolean; highlight?: { n: number; cls: Colour; tip?: Tip; open?: boolean } },
): { y: number } {
  const { size, gap, perRow } = o;
  const pitch = size + gap;
  const n = Math.min(o.highlight?.n ?? 0, count);
  const corner = (i: number) => ({ x: x0 + (i % perRow) * pitch + size, y: y + Math.floor(i / perRow) * pitch });
  const runs = [
    { from: 0, to: n, cls: o.highlight?.cls ?? o.cls, tip: o.highlight?.tip, open: o.highlight?.open },
    { from: n, to: count, cls: o.cls, tip: o.tip, open: o.open },
  ].filter((r) => r.to > r.from);
  for (const r of runs) s.waffle({ x: x0, y, from: r.from, to: r.to, perRow, pitch, gap, cls: r.cls, tip: r.tip, outline: o.outline, dashed: o.dashed });
  // the "+" after the cells, so the next run's cells never cover it
  for (const r of runs) {
    if (!r.open) continue;
    const c = corner(r.to - 1);
    plus(s, c.x, c.y, size, r.cls);
  }
  return { y: y + Math.ceil(count / perRow) * pitch - gap };
}

/**
 * The one mark of a lower bound on squares (余, 不少于: "at least this, maybe
 * more"): a bold "+" just after the last square, as large as a square or the
 * text beside it. The charts draw it here; the story's housing steps
 * (src/lib/story-graphics.ts) draw the same mark from this function.
 */
export function plusMark(x: number, y: number, size: number, fs: number): { x: number; y: number; text: string; size: number } {
  return { x: x + 2, y: y + size / 2, text: '+', size: Math.max(fs + 2, size) };
}

/** The "+" of a lower bound, just after a square. */
function plus(s: Scene, x: number, y: number, size: number, cls: Colour) {
  s.text({ ...plusMark(x, y, size, s.fs), cls, bold: true });
}

/** Number cards: one per figure, the value large, then what it counts, its measure, period and place. Returns the y below. */
export function cards(
  s: Scene,
  y: number,
  items: { value: string; lines: string[]; cls: Colour; dashed?: boolean; tip?: Tip }[],
  perRow: number,
): number {
  const gap = 12;
  const w = (s.w - gap * (perRow - 1)) / perRow;
  const fs = s.fs;
  for (let r = 0; r < items.length; r += perRow) {
    const row = items.slice(r, r + perRow);
    let h = 0;
    const tops = y;
    const heights: number[] = [];
    const sub = row.map((it, i) => {
      const t = new Scene(s.frame, s.keep);
      const x = i * (w + gap) + 10;
      let yy = tops + 8;
      t.text({ x, y: yy, text: it.value, cls: it.cls, bold: true, size: Math.round(fs * 1.9), line: 'top', tip: it.tip });
      yy += fs * 1.9 * 1.25;
      for (const l of it.lines) yy += t.para(x, yy, l, w - 20, { cls: l === it.lines[0] ? 'text' : 'muted' });
      heights.push(yy - tops + 8);
      return t;
    });
    h = Math.max(...heights);
    row.forEach((it, i) => {
      const x = i * (w + gap);
      s.rect({ x1: x, x2: x + w, y1: tops, y2: tops + h, cls: it.cls, outline: true, dashed: it.dashed, tip: it.tip });
      s.prims.push(...sub[i]!.prims);
    });
    y = tops + h + gap;
  }
  return y - gap;
}

export const lineH = (fs: number) => fs * LINE_HEIGHT;
