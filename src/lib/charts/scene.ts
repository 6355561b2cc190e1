/**
 * A tiny layout kit on top of Observable Plot. Our charts have a handful of
 * marks each and are laid out by hand (direct labels, wrapped text, open
 * ends for lower bounds), so a chart collects primitives in pixel space on a
 * Scene, and `toPlot` turns them into Plot marks on identity scales: one mark
 * per (kind, colour class, style), so the SVG stays small and deterministic.
 *
 * Colour: every mark carries a class (`k-accent`, `k-context`, `k-l1`...)
 * that src/styles/charts.css maps to light and dark custom properties; the
 * fill/stroke attribute holds the light colour as a fallback for standalone
 * SVG and PNG, where no stylesheet applies.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';

/** Light-scheme fallbacks of the classes in charts.css, from the one palette. */
import { PALETTE } from '../palette';
export { PALETTE };
export type Colour = keyof typeof PALETTE;

/** The two drawings of every view: wide for about 600-740 px, narrow for phones. */
export interface Frame {
  name: 'wide' | 'narrow';
  /** Width of the drawing in px (its viewBox). */
  w: number;
  /** Base font size in px at that width. */
  fs: number;
}
export const WIDE: Frame = { name: 'wide', w: 680, fs: 14 };
/** 320 wide with 14 px text: still 12.6 px when a 320 px screen leaves 288 px for the chart. */
export const NARROW: Frame = { name: 'narrow', w: 320, fs: 14 };
/** Container width (px) below which the narrow drawing is shown; wide text stays >= 12 px above it. */
export const NARROW_BELOW = 600;

/**
 * What a mark shows on hover, focus or tap: its tooltip text (kept as a <title>
 * in standalone SVG) and, where it draws one, the figure or dated event it
 * stands for; those become data-figure / data-event on the mark's element, and
 * src/lib/charts/interactive.ts turns them into accessible, focusable marks.
 */
export type Tip = string | { text: string; figure?: string; event?: string };
export const tipText = (t: Tip | undefined): string | undefined => (typeof t === 'object' ? t.text : t);

interface Base {
  cls: Colour;
  tip?: Tip;
}
export interface RectP extends Base {
  kind: 'rect';
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  opacity?: number;
  outline?: boolean;
  dashed?: boolean;
  /** Separating stroke in the background colour (stacked segments). */
  gap?: boolean;
}
export interface TextP extends Base {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  bold?: boolean;
  /** 'top': y is the top of the first line; 'middle': y is the middle of the text block. */
  line?: 'top' | 'middle' | 'bottom';
}
export interface LineP extends Base {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width?: number;
  dashed?: boolean;
  arrow?: boolean;
}
export interface DotP extends Base {
  kind: 'dot';
  x: number;
  y: number;
  r: number;
  hollow?: boolean;
  symbol?: 'circle' | 'diamond' | 'square';
}
/**
 * A run of unit cells drawn with Plot's waffleY mark: cells `from` to `to`
 * (counted from 0) of a grid of `perRow` columns whose top-left is (x, y),
 * each `pitch` px apart (a square of pitch - gap). Plot fills one SVG
 * <pattern> per run instead of one <rect> per cell.
 */
export interface WaffleP extends Base {
  kind: 'waffle';
  x: number;
  y: number;
  from: number;
  to: number;
  perRow: number;
  pitch: number;
  gap: number;
  /** Hollow cells: each square's outline (dashed if `dashed`) instead of its fill. */
  outline?: boolean;
  dashed?: boolean;
}
export type Prim = RectP | TextP | LineP | DotP | WaffleP;

import { textWidth, wrap } from '../linebreak';

export const LINE_HEIGHT = 1.3;
/** The one text measure and wrapper (src/lib/linebreak.ts), used by every chart kind and by the exports. */
export { textWidth, wrap };

export class Scene {
  prims: Prim[] = [];
  /** `keep`: the words no line breaks inside (the reply's, src/lib/data/words.ts). */
  constructor(
    readonly frame: Frame,
    readonly keep: readonly string[] = [],
  ) {}
  get w() {
    return this.frame.w;
  }
  get fs() {
    return this.frame.fs;
  }
  rect(p: Omit<RectP, 'kind'>) {
    this.prims.push({ kind: 'rect', ...p });
  }
  /** Text never smaller than the frame's base size: that is what keeps it >= 12 px at every width. */
  text(p: Omit<TextP, 'kind'>) {
    this.prims.push({ kind: 'text', ...p, size: Math.max(p.size ?? this.fs, this.fs) });
  }
  line(p: Omit<LineP, 'kind'>) {
    this.prims.push({ kind: 'line', ...p });
  }
  dot(p: Omit<DotP, 'kind'>) {
    this.prims.push({ kind: 'dot', ...p });
  }
  waffle(p: Omit<WaffleP, 'kind'>) {
    this.prims.push({ kind: 'waffle', ...p });
  }
  /** Wrapped text block; returns its height in px. */
  para(x: number, y: number, text: string, max: number, o: Partial<Omit<TextP, 'kind' | 'x' | 'y' | 'text'>> = {}): number {
    const size = Math.max(o.size ?? this.fs, this.fs);
    const lines = wrap(text, o.bold ? max / 1.1 : max, size, this.keep);
    this.text({ cls: 'text', ...o, x, y, text: lines.join('\n'), size, line: 'top' });
    return lines.length * size * LINE_HEIGHT;
  }
  /**
   * A lower bound drawn as one: a solid bar to the stated number, then an
   * open end: an arrow running on past it (never a closed bar, never extra
   * faded units). Returns the x where the arrow ends.
   */
  lowerBoundBar(x1: number, x2: number, y1: number, y2: number, cls: Colour, tip?: Tip): number {
    this.rect({ x1, x2, y1, y2, cls, tip });
    const ext = Math.max(14, (y2 - y1) * 1.2);
    this.line({ x1: x2, x2: x2 + ext, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2, cls, width: 2, arrow: true, tip });
    return x2 + ext;
  }
}

const dashArray = '4,3';

/**
 * Plot has no channel for data attributes, so a render hook writes each
 * element's data-figure / data-event (one element per datum, in index order).
 */
function refs(list: Prim[]): { render?: Plot.RenderFunction } {
  const ref = (p: Prim) => (typeof p.tip === 'object' ? p.tip : undefined);
  if (!list.some((p) => ref(p)?.figure || ref(p)?.event)) return {};
  return {
    render(index, scales, values, dimensions, context, next) {
      const g = next!(index, scales, values, dimensions, context) as SVGElement;
      const els = Array.from(g.children).filter((el) => el.tagName.toLowerCase() !== 'title');
      index.forEach((i, k) => {
        const r = ref(list[i]!);
        if (r?.figure) els[k]?.setAttribute('data-figure', r.figure);
        if (r?.event) els[k]?.setAttribute('data-event', r.event);
      });
      return g;
    },
  };
}

/**
 * One run of cells as Plot's waffleY, on the scene's identity scales. Plot's
 * waffle grows up from y = 0 and is centred in the frame; the render hook
 * flips it (the first cell top-left, rows going down, as a reader counts) and
 * moves its first cell's corner to (x, y). The cell's one <path> carries the
 * run's data-figure and tooltip.
 */
function waffle(p: WaffleP, className: string, colour: string, title: ((d: Prim) => string | undefined) | undefined): Plot.Markish {
  // a cell is `unit` high on the identity y scale, so that perRow cells make one row of `pitch` px
  const unit = p.pitch / p.perRow;
  const ref = typeof p.tip === 'object' ? p.tip : undefined;
  return Plot.waffleY([p], {
    y1: (d: WaffleP) => d.from * unit,
    y2: (d: WaffleP) => d.to * unit,
    unit,
    multiple: p.perRow,
    gap: p.gap,
    round: true,
    className: p.outline ? `${className}-line` : className,
    fill: p.outline ? 'none' : colour,
    stroke: p.outline ? colour : undefined,
    strokeWidth: p.outline ? 1.5 : undefined,
    strokeDasharray: p.outline && p.dashed ? dashArray : undefined,
    title,
    render(index, scales, values, dimensions, context, next) {
      const g = next!(index, scales, values, dimensions, context) as SVGElement;
      const path = g.querySelector('path');
      if (!path) return g;
      // the run's corner at (x, y), the pattern's cells with it; the path's own transform, so the marks' reading order sees where it is
      path.setAttribute('transform', `translate(${p.x - p.gap / 2},${p.y - p.gap / 2}) scale(1,-1)`);
      path.setAttribute('d', simplify(path.getAttribute('d') ?? ''));
      if (ref?.figure) path.setAttribute('data-figure', ref.figure);
      return g;
    },
  });
}

/** A waffle's outline without its repeated corners and the points inside straight runs (Plot writes 8 or more points, often coincident). */
function simplify(d: string): string {
  const all = d
    .replace(/^M|Z$/g, '')
    .split('L')
    .map((q) => q.split(',').map(Number) as [number, number]);
  const pts = all.filter((q, i) => { const r = all[(i + 1) % all.length]!; return q[0] !== r[0] || q[1] !== r[1]; });
  const kept = pts.filter((q, i) => {
    const a = pts[(i + pts.length - 1) % pts.length]!;
    const b = pts[(i + 1) % pts.length]!;
    return !((a[0] === q[0] && q[0] === b[0]) || (a[1] === q[1] && q[1] === b[1]));
  });
  return kept.length >= 3 ? `M${kept.map((q) => q.join(',')).join('L')}Z` : d;
}

/** The scene's prims grouped by kind, class and style, in order: each group is drawn as one Plot mark. */
function groupPrims(scene: Scene): Map<string, Prim[]> {
  const groups = new Map<string, Prim[]>();
  for (const p of scene.prims) {
    const style =
      p.kind === 'rect'
        ? `${p.opacity ?? 1}|${p.outline ?? false}|${p.dashed ?? false}|${p.gap ?? false}`
        : p.kind === 'text'
          ? `${p.anchor ?? 'start'}|${p.size ?? scene.fs}|${p.bold ?? false}|${p.line ?? 'middle'}`
          : p.kind === 'line'
            ? `${p.width ?? 1.5}|${p.dashed ?? false}|${p.arrow ?? false}`
            : p.kind === 'waffle'
              ? `${groups.size}`
              : `${p.r}|${p.hollow ?? false}|${p.symbol ?? 'circle'}`;
    const key = `${p.kind}|${p.cls}|${style}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(p);
  }
  return groups;
}

const tipOf = (d: Prim) => tipText(d.tip);

/** The Plot mark that draws one group of prims (all of one kind, class and style). */
function markOf(list: Prim[], scene: Scene): Plot.Markish {
  const p0 = list[0]!;
  const colour = PALETTE[p0.cls];
  const className = `k-${p0.cls}`;
  const title = list.some((p) => p.tip) ? tipOf : undefined;
  const marksOf = refs(list);
  switch (p0.kind) {
    case 'rect': {
      const r = p0 as RectP;
      return Plot.rect(list as RectP[], {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        className: r.outline ? `${className}-line` : r.gap ? `${className} k-gap` : className,
        fill: r.outline ? 'none' : colour,
        fillOpacity: r.opacity !== undefined && r.opacity !== 1 ? r.opacity : undefined,
        stroke: r.outline ? colour : r.gap ? PALETTE.bg : undefined,
        strokeWidth: r.outline ? 1.5 : r.gap ? 2 : undefined,
        strokeDasharray: r.dashed ? dashArray : undefined,
        title,
        ...marksOf,
      });
    }
    case 'text': {
      const t = p0 as TextP;
      const anchor = t.line === 'top' ? 'top' : t.line === 'bottom' ? 'bottom' : 'middle';
      return Plot.text(list as TextP[], {
        x: 'x',
        y: 'y',
        text: 'text',
        className,
        fill: t.cls === 'text' ? 'currentColor' : colour,
        fontSize: t.size ?? scene.fs,
        fontWeight: t.bold ? 'bold' : undefined,
        textAnchor: t.anchor ?? 'start',
        lineAnchor: anchor,
        lineHeight: LINE_HEIGHT,
        title,
        ...marksOf,
      });
    }
    case 'line': {
      const l = p0 as LineP;
      const opts = {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        className: `${className}-line`,
        stroke: colour,
        strokeWidth: l.width ?? 1.5,
        strokeDasharray: l.dashed ? dashArray : undefined,
        title,
        ...marksOf,
      };
      return l.arrow ? Plot.arrow(list as LineP[], { ...opts, headLength: 8, inset: 0 }) : Plot.link(list as LineP[], opts);
    }
    case 'waffle': {
      return waffle(list[0] as WaffleP, className, colour, title);
    }
    case 'dot': {
      const d = p0 as DotP;
      return Plot.dot(list as DotP[], {
        x: 'x',
        y: 'y',
        r: d.r,
        symbol: d.symbol ?? 'circle',
        className: d.hollow ? `${className}-line k-hollow` : className,
        fill: d.hollow ? PALETTE.bg : colour,
        stroke: colour,
        strokeWidth: 2,
        title,
        ...marksOf,
      });
    }
  }
}

/** Plot options drawing the scene at its frame's width and the given height. */
export function toPlot(scene: Scene, height: number, ariaLabel?: string): PlotOptions {
  const marks: Plot.Markish[] = [...groupPrims(scene).values()].map((list) => markOf(list, scene));
  return {
    width: scene.w,
    height: Math.ceil(height),
    margin: 0,
    x: { type: 'identity', axis: null },
    // Plot's waffle reads the px per unit from its scale's domain and range, which an identity scale lacks: the same mapping, spelled out
    y: scene.prims.some((p) => p.kind === 'waffle') ? { type: 'linear', domain: [0, Math.ceil(height)], range: [0, Math.ceil(height)], axis: null } : { type: 'identity', axis: null },
    ariaLabel,
    marks,
  };
}
