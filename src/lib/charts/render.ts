/**
 * The one place that gives Observable Plot a DOM (linkedom) and turns its
 * output into an SVG string that is valid HTML, accessible and CSP-safe:
 *  - role="img" and an aria-label on the <svg>, a <title> and <desc>;
 *  - role="group" on every <g> that Plot gives an aria-label;
 *  - Plot's font-variant attribute moved to CSS (the W3C checker rejects it);
 *  - Plot's inline <style> and style="" attributes removed (CSP forbids inline
 *    styles; the look comes from src/styles/charts.css);
 *  - generated ids and class names renumbered, so output is deterministic.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { PlotOptions } from '@observablehq/plot';
import { makeInteractive, type InteractiveOptions } from './interactive';

export interface RenderOptions {
  /** Accessible name of the chart. */
  label: string;
  /** Longer text description. */
  description?: string;
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
    if (el.tagName.toLowerCase() === 'g' && el.hasAttribute('aria-label')) el.setAttribute('role', 'group');
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
