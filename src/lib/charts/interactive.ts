/**
 * Makes a rendered chart's data marks reachable by everyone (progressive
 * enhancement), as a pure pass over the SVG's DOM at build time:
 *  - every element that draws a figure (data-figure), a dated event
 *    (data-event) or carries a tooltip (<title> child) is a part of one mark:
 *    all parts of a mark share data-k, and the first part in document order
 *    holds the mark's accessible name (role="img", aria-label) and what the
 *    popover shows, as data attributes taken from the figure data through
 *    the project's formatters: data-label, data-value, data-qualifier,
 *    data-period, data-place, data-quote, data-href (the sentence on the
 *    source page);
 *  - the native <title> tooltips of marks are removed (they never show on a
 *    phone); the SVG's own <title>/<desc> stay, and the <svg> becomes a
 *    named group so its marks' names reach screen readers.
 * src/scripts/chart-popover.ts adds the keyboard stops (one per chart) and
 * the popover. Without JavaScript the names and the chart's values list and
 * table stay.
 */
import type { Locale, Reply } from '../data/model';
import { formatDate } from '../format/date';
import { formatValue } from '../format/figure';
import { anchors } from '../paths';
import { pick, punct } from '../format/pick';
import type { Key } from '../../i18n';
import { ctx } from './common';

export interface InteractiveOptions {
  reply: Reply;
  locale: Locale;
  /** The reply's source page (path), whose sentences carry the anchors. */
  sourceHref: string;
}

interface MarkData {
  label: string;
  value?: string;
  qualifier?: string;
  period?: string;
  place?: string;
  quote?: string;
  href?: string;
}

/** Attributes a popover reads, in this order (chart-popover.ts reads the same names). */
const FIELDS = ['label', 'value', 'qualifier', 'period', 'place', 'quote', 'href'] as const;

export function makeInteractive(svg: Element, o: InteractiveOptions): void {
  const c = ctx(o.reply, o.locale);
  const figures = new Map(o.reply.figures.map((f) => [f.id, f]));
  const events = new Map(o.reply.events.map((e) => [e.id, e]));
  const link = (anchor: string) => `${o.sourceHref}#${anchor}`;

  const dataOf = (el: Element, tip: string | undefined): MarkData | undefined => {
    const f = figures.get(el.getAttribute('data-figure') ?? '');
    if (f)
      return {
        label: c.label(f),
        value: formatValue(f, o.locale),
        qualifier: c.t(`qualifier.${f.qualifier}`),
        period: c.period(f),
        place: c.scope(f),
        quote: f.quote,
        href: link(anchors.figure(f.id)),
      };
    const e = events.get(el.getAttribute('data-event') ?? '');
    if (e) {
      const ef = figures.get(e.figure);
      return {
        label: `${c.t(`charts.timeline.kind.${e.kind}`)}${c.p.colon}${pick(o.locale, e.label_zh, e.label_en)}`,
        value: ef ? formatValue(ef, o.locale) : undefined,
        qualifier: ef ? c.t(`qualifier.${ef.qualifier}`) : undefined,
        period: formatDate(e.date, o.locale),
        quote: e.quote,
        href: link(ef ? anchors.figure(ef.id) : anchors.event(e.id)),
      };
    }
    return tip ? { label: tip } : undefined;
  };

  const keys = new Map<string, number>();
  for (const el of Array.from(svg.querySelectorAll('[data-figure], [data-event], title'))) {
    const part = el.tagName.toLowerCase() === 'title' ? el.parentElement : el;
    if (!part || part === svg || part.hasAttribute('data-k')) continue;
    const title = Array.from(part.children).find((ch) => ch.tagName.toLowerCase() === 'title');
    const tip = title?.textContent?.trim() || undefined;
    title?.remove();
    const key = part.getAttribute('data-figure') ? `f ${part.getAttribute('data-figure')}` : part.getAttribute('data-event') ? `e ${part.getAttribute('data-event')}` : `t ${tip}`;
    const known = keys.get(key);
    if (known !== undefined) {
      part.setAttribute('data-k', String(known));
      continue;
    }
    const d = dataOf(part, tip);
    if (!d) continue;
    const k = keys.size;
    keys.set(key, k);
    part.setAttribute('data-k', String(k));
    part.setAttribute('data-mark', '');
    part.setAttribute('role', 'img');
    part.setAttribute('aria-label', accessibleName(d, c.locale, c.t('charts.source')));
    for (const name of FIELDS) if (d[name]) part.setAttribute(`data-${name}`, d[name]!);
  }
  if (keys.size === 0) return;
  // Number the marks in reading order (top to bottom, then left to right), as the arrow keys visit them.
  const primaries = Array.from(svg.querySelectorAll('[data-mark]'));
  const order = primaries
    .map((el) => ({ k: el.getAttribute('data-k')!, ...position(el) }))
    .sort((a, b) => Math.round(a.y / 4) - Math.round(b.y / 4) || a.x - b.x);
  const renumber = new Map(order.map((m, i) => [m.k, String(i)]));
  for (const el of Array.from(svg.querySelectorAll('[data-k]'))) el.setAttribute('data-k', renumber.get(el.getAttribute('data-k')!)!);
  // An img's children are presentational: a named group lets the marks' names through.
  svg.setAttribute('role', 'group');
  svg.setAttribute('data-marks', String(keys.size));
  svg.setAttribute('data-pop-open', c.t('figures.open'));
  svg.setAttribute('data-pop-close', c.t('charts.pop.close'));
}

/** Where Plot drew an element: a rect's x/y, a translated text or symbol, a path's first point. */
function position(el: Element): { x: number; y: number } {
  const num = (v: string | null | undefined) => (v ? parseFloat(v) : NaN);
  const t = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)/.exec(el.getAttribute('transform') ?? '');
  const m = /^M\s*([-\d.e]+)[ ,]+([-\d.e]+)/.exec(el.getAttribute('d') ?? '');
  const x = num(el.getAttribute('x')) || 0;
  const y = num(el.getAttribute('y'));
  if (t) return { x: x + num(t[1]), y: num(t[2]) };
  if (!Number.isNaN(y)) return { x, y };
  if (m) return { x: num(m[1]), y: num(m[2]) };
  return { x: 0, y: 0 };
}

/** The mark as one sentence: "Label: value (qualifier, period, place). Source: “quote”". */
export function accessibleName(d: MarkData, locale: Locale, sourceWord: string): string {
  const p = punct(locale);
  const details = [d.qualifier, d.period, d.place].filter(Boolean).join(p.comma);
  let s = d.value ? `${d.label}${p.colon}${d.value}` : d.label;
  if (details) s += p.paren(details);
  if (d.quote) s += `${pick(locale, '。', '. ')}${sourceWord}${p.colon}“${d.quote}”`;
  return s;
}
