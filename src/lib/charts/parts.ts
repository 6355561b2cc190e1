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
  const fade = Math.max(6, bh * 0.45) * 3;
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
 * One square per unit, in rows of `perRow`: a unit chart. Returns the y below.
 * `faded` extra squares after the last one mark a lower bound.
 */
export function squares(
  s: Scene,
  x0: number,
  y: number,
  count: number,
  o: { size: number; gap: number; perRow: number; cls: Colour; tip?: Tip; faded?: number; outline?: boolean; dashed?: boolean },
): { y: number; lastX: number; lastY: number } {
  const { size, gap, perRow } = o;
  let lastX = x0;
  let lastY = y;
  const total = count + (o.faded ?? 0);
  for (let i = 0; i < total; i++) {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    const x = x0 + col * (size + gap);
    const yy = y + row * (size + gap);
    const fadeStep = i - count;
    s.rect({
      x1: x,
      x2: x + size,
      y1: yy,
      y2: yy + size,
      cls: o.cls,
      // one tooltip per row of squares keeps big unit charts light; every value is also in the list below the chart
      tip: col === 0 ? o.tip : undefined,
      outline: o.outline,
      dashed: o.dashed,
      opacity: fadeStep >= 0 ? [0.45, 0.22, 0.1][fadeStep] ?? 0.1 : undefined,
    });
    if (i < count) {
      lastX = x + size;
      lastY = yy;
    }
  }
  const rows = Math.ceil(total / perRow);
  return { y: y + rows * (size + gap) - gap, lastX, lastY };
}

export const lineH = (fs: number) => fs * LINE_HEIGHT;
