/**
 * The one place that gives Observable Plot a DOM (linkedom) and turns its
 * output into an SVG string that is valid HTML, accessible and CSP-safe:
 *  - role="img" and an aria-label on the <svg>, a <title> and <desc>;
 *  - Plot names each mark's <g> by its type in English ("rect", "text",
 *    "waffle"): a group of data marks is named as such and a group of
 *    text labels as labels, in the chart's language, with role="group";
 *    any other group (rules, outlines, gridlines: decoration) is aria-hidden;
 *  - Plot's font-variant attribute moved to CSS (the W3C checker rejects it);
 *  - Plot's inline <style> and style="" attributes removed (CSP forbids inline
 *    styles; the look comes from src/styles/charts.css);
 *  - generated ids and class names renumbered, so output is deterministic;
 *  - coordinates rounded to 0.01 px (Plot writes 8.399999999999997: bytes no
 *    screen can show, in every page, embed and export).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { PlotOptions } from '@observablehq/plot';
import { makeInteractive, type InteractiveOptions } from './interactive';
import type { Locale } from '../data/model';
import { useT } from '../../i18n';

export interface RenderOptions {
  /** Accessible name of the chart. */
  label: string;
  /** Longer text description. */
  description?: string;
  /** The chart's language (names of its groups of marks). */
  locale: Locale;
  /** Prefix for ids inside this SVG, unique on the page. */
  idPrefix: string;
  className?: string;
  /** On a page: make the data marks focusable, named and popover-ready (src/lib/charts/interactive.ts). */
  marks?: InteractiveOptions;
}

export function renderPlot(options: PlotOptions, r: RenderOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document } as PlotOptions & { document: unknown }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('Plot did not produce an <svg>');
  for (const s of Array.from(svg.querySelectorAll('style'))) s.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    el.removeAttribute('style');
    if (el.hasAttribute('font-variant')) el.removeAttribute('font-variant');
    if (el.tagName.toLowerCase() === 'g' && el.hasAttribute('aria-label')) nameGroup(el, r.locale);
    for (const a of GEOMETRY) {
      const v = el.getAttribute(a);
      if (v !== null && /\.\d{3}/.test(v)) el.setAttribute(a, roundNumbers(v));
    }
  }
  svg.setAttribute('class', ['plot', r.className].filter(Boolean).join(' '));
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', r.label);
  const titleId = `${r.idPrefix}-title`;
  const descId = `${r.idPrefix}-desc`;
  const title = document.createElement('title');
  title.setAttribute('id', titleId);
  title.textContent = r.label;
  svg.insertBefore(title, svg.firstChild);
  if (r.description) {
    const desc = document.createElement('desc');
    desc.setAttribute('id', descId);
    desc.textContent = r.description;
    title.after(desc);
    svg.setAttribute('aria-describedby', descId);
  }
  if (r.marks) makeInteractive(svg, r.marks);
  return renumberIds(svg.outerHTML, r.idPrefix);
}

/** A mark's group named in the chart's language, or hidden from assistive technology if it only decorates. */
function nameGroup(g: Element, locale: Locale): void {
  const t = useT(locale);
  const kids = Array.from(g.children).filter((k) => k.tagName.toLowerCase() !== 'title');
  const data = g.querySelector('[data-figure], [data-event], title') !== null;
  const text = kids.length > 0 && kids.every((k) => k.tagName.toLowerCase() === 'text');
  if (data || text) {
    g.setAttribute('aria-label', t(data ? 'charts.aria.marks' : 'charts.aria.labels'));
    g.setAttribute('role', 'group');
  } else {
    g.removeAttribute('aria-label');
    g.setAttribute('aria-hidden', 'true');
  }
}

/** Attributes that hold coordinates and sizes (never text, labels or data-*). */
const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'width', 'height', 'd', 'points', 'transform', 'viewBox'];

/** Every decimal number in an attribute value rounded to 2 places, trailing zeros dropped ("0.41600000000000004em" -> "0.42em"). */
export function roundNumbers(v: string): string {
  return v.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100 || 0));
}

/** Plot's generated ids (clip paths, gradients) and plot-xxxxxx classes, made stable. */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  svg.replace(/\sid="(plot-[^"]+|[a-z]+-[0-9a-f]{6,})"/g, (_, id: string) => {
    if (!ids.has(id)) ids.set(id, `${prefix}-${ids.size + 1}`);
    return '';
  });
  let out = svg;
  for (const [from, to] of ids) out = out.split(from).join(to);
  return out.replace(/\bplot-[0-9a-f]{6}\b/g, 'plot-x');
}
