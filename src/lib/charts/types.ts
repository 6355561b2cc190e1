import type { PlotOptions } from '@observablehq/plot';
import type { Locale } from '../data/model';

/** A column of a chart's data, for the table, the CSV/JSON downloads and their README. */
export interface ChartColumn {
  key: string;
  label: string;
  /** What the column means, for the data download's column descriptions. */
  description: string;
  numeric?: boolean;
}

export type Cell = string | number | null;

/** One way of drawing the chart (e.g. counts or shares); every view is drawn at build time. */
export interface ChartView {
  id: string;
  label: string;
  /** Plot options for a wide container (about 640-720 px) and, optionally, a narrow one (about 320-360 px). */
  wide: PlotOptions;
  narrow?: PlotOptions;
}

/**
 * Everything a chart needs, pure and serialisable apart from Plot's options:
 * the renderer draws the views, Figure.astro lays out the rest.
 */
export interface ChartSpec {
  id: string;
  replyId: string;
  locale: Locale;
  /** States the finding, not the topic. */
  title: string;
  /** Unit, place and period. */
  subtitle: string;
  /** A real text description with the numbers: used as the SVG's accessible description and shown below it. */
  description: string;
  /** Qualifiers, scope and period caveats, what the number is not. */
  notes: string[];
  /** Figure ids the chart shows (each links to its sentence). */
  sources: string[];
  views: ChartView[];
  /** Drawn once below the views, whatever view is shown (number cards, named items); label unused. */
  after?: ChartView[];
  /** Display table: formatted cells, qualifiers written out. */
  table: { caption: string; columns: ChartColumn[]; rows: Cell[][] };
  /** Raw data for CSV/JSON downloads: plain numbers, qualifier as its own column. */
  data: { columns: ChartColumn[]; rows: Record<string, Cell>[] };
  /** Key entries where direct labels cannot say it (lower bounds, promised events). Optional. */
  key?: KeyItem[];
}

/** A key entry: a small drawn swatch and what it means. */
export interface KeyItem {
  swatch: 'lower-bound' | 'change' | 'unknown' | 'past' | 'reply' | 'promised' | 'derived' | 'accent' | 'context' | 'hollow';
  label: string;
}

