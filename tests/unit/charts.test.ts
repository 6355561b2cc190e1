/**
 * Chart specs, driven by the declarations (charts.json, or the automatic
 * ones): every chart of the real reply and of the synthetic second reply cites
 * figures that exist, writes qualifiers, places and periods out, labels lower
 * bounds in the drawing and explains them in the key, and draws what its kind
 * promises (one square per item, "+N" for a change, named items labelled).
 * No figure id is typed here: each comes from data/.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { getDataset, loadDataset } from '../../src/lib/data';
import type { Locale, Reply } from '../../src/lib/data/model';
import { chartDecls, chartFor, chartsFor } from '../../src/lib/charts';
import { renderPlot } from '../../src/lib/charts/render';
import { NARROW, WIDE } from '../../src/lib/charts/scene';
import { namedItems } from '../../src/lib/data/charts-schema';
import { derivedFigures } from '../../src/lib/derived';
import { formatDerivedValue } from '../../src/lib/format/derived';
import { formatValue } from '../../src/lib/format/figure';
import { figureQuotes, formatPeriod } from '../../src/lib/format/date';
import { formatNumber, isLowerBound } from '../../src/lib/format/number';
import { useT } from '../../src/i18n';
import { placeText } from '../../src/lib/data/vocabulary';

const FIXTURE = path.join(process.cwd(), 'tests', 'fixtures', 'second-reply');
const REPLIES: Reply[] = [getDataset().replies[0]!, ...loadDataset(FIXTURE).dataset!.replies];
const LOCALES: Locale[] = ['zh-CN', 'en'];

function svgText(svg: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return [...document.querySelectorAll('svg > g text')].map((t) => t.textContent ?? '').join('|');
}
const squash = (s: string) => s.replace(/\s+/g, '');
const doc = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
function draw(reply: Reply, locale: Locale, id: string, o: { after?: boolean } = { after: true }) {
  const spec = chartFor(reply, locale, id)!;
  return [...spec.views, ...(o.after ? (spec.after ?? []) : [])].flatMap((v) =>
    (['wide', 'narrow'] as const)
      .filter((k) => v[k])
      .map((k) => ({ view: v.id, frame: k, svg: renderPlot(v[k]!, { label: spec.title, description: spec.description, locale: spec.locale, idPrefix: `t-${id}-${v.id}-${k}` }) })),
  );
}
/** Cells a waffle path fills: its polygon's area (shoelace) over one cell's (the pattern's tile). */
const waffleCells = (g: Element) => {
  const tile = g.querySelector('pattern')!;
  const cell = Number(tile.getAttribute('width')) * Number(tile.getAttribute('height'));
  return [...g.querySelectorAll('path')].reduce((n, path) => {
    const pts = (path.getAttribute('d') ?? '').replace(/^M|Z$/g, '').split('L').map((p) => p.split(',').map(Number) as [number, number]);
    const area = Math.abs(pts.reduce((a, [x1, y1], i) => { const [x2, y2] = pts[(i + 1) % pts.length]!; return a + x1 * y2 - x2 * y1; }, 0)) / 2;
    return n + Math.round(area / cell);
  }, 0);
};
/** Squares of a class: its <rect>s, or the cells of its waffle marks (Plot's waffleY, one <pattern> per run). */
const rectsOf = (svg: string, cls: string) =>
  [...doc(svg).querySelectorAll(`g.${cls}`)].reduce((n, g) => n + (g.querySelector('pattern') ? waffleCells(g) : g.querySelectorAll('rect').length), 0);

describe.each(REPLIES.map((r) => [r.id, r] as const))('%s', (_, reply) => {
  const fig = (id: string) => reply.figures.find((f) => f.id === id)!;
  const decls = chartDecls(reply);

  it('draws every statistic in at least one chart (declared or automatic), in both languages', () => {
    for (const locale of LOCALES) {
      const drawn = new Set(chartsFor(reply, locale).flatMap((s) => s.sources));
      expect(reply.figures.filter((f) => !drawn.has(f.id)).map((f) => f.id), locale).toEqual([]);
    }
  });

  it('puts the overview last, not first', () => {
    const ids = chartsFor(reply, 'en').map((s) => s.id);
    const overview = decls.find((d) => d.kind === 'overview');
    if (overview) expect(ids.indexOf(overview.id)).toBe(ids.length - 1);
  });

  describe.each(LOCALES)('%s', (locale) => {
    const t = useT(locale);
    const specs = chartsFor(reply, locale);
    const tableText = (id: string) => chartFor(reply, locale, id)!.table.rows.flat().join('|');

    it('has unique ids, and a title per locale', () => {
      expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
      const other = chartsFor(reply, locale === 'en' ? 'zh-CN' : 'en');
      for (const s of specs) expect(s.title, s.id).not.toBe(other.find((o) => o.id === s.id)!.title);
      // a title never shows a directive or a unit id
      for (const s of specs) expect(s.title, s.id).not.toMatch(/\{|\}|person-time|\bpercent\b/);
    });

    describe.each(decls.map((d) => [d.id, d] as const))('%s', (id, decl) => {
      const spec = chartFor(reply, locale, id)!;
      const sources = spec.sources.map(fig);

      it('cites figures that exist, each with its qualifier in the table and the description', () => {
        expect(sources.every(Boolean)).toBe(true);
        for (const f of sources) {
          expect(tableText(id), f.id).toContain(formatValue(f, locale));
          if (decl.kind !== 'timeline') expect([formatValue(f, locale), formatValue(f, locale, { unit: false })].some((x) => spec.description.includes(x)), f.id).toBe(true);
        }
      });

      it('labels lower bounds in the drawing, and the key and notes say so', () => {
        if (decl.kind === 'timeline') return;
        const lower = sources.filter((f) => isLowerBound(f.qualifier));
        for (const f of lower) {
          expect(spec.key?.map((k) => k.swatch)).toContain('lower-bound');
          const all = squash(draw(reply, locale, id).map((d) => svgText(d.svg)).join('|'));
          const forms = [formatValue(f, locale, { style: 'short', unit: false }), formatValue(f, locale), formatValue(f, locale, { unit: false })];
          expect(forms.some((x) => all.includes(squash(x))), f.id).toBe(true);
        }
        if (lower.length) expect(spec.notes.join(' ')).toContain(t('charts.note.lower', { list: '' }).split('{')[0]!.slice(0, 6));
        // never extra faded units
        for (const d of draw(reply, locale, id)) expect(d.svg, d.view).not.toMatch(/fill-opacity/);
      });

      it('states its place and period', () => {
        const text = [spec.title, spec.subtitle, ...spec.notes, spec.description].join(' ');
        for (const f of sources) {
          expect(text, f.id).toContain(placeText(reply.meta.places, f.scope, locale));
          if (decl.kind !== 'timeline') expect(text, f.id).toContain(formatPeriod(f.period, locale, f.measure, figureQuotes(reply, f)));
        }
      });

      it('draws every view wide and narrow, no text under the frame’s base size', () => {
        for (const d of draw(reply, locale, id)) {
          const frame = d.frame === 'wide' ? WIDE : NARROW;
          expect(d.svg).toContain(`viewBox="0 0 ${frame.w} `);
          const sizes = [...d.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])).filter((s) => s !== 10);
          if (sizes.length) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(frame.fs);
          expect(d.svg).not.toMatch(/style=|<style|font-variant/);
        }
      });

      it('draws what its kind promises', () => {
        const drawings = draw(reply, locale, id, { after: false });
        if (decl.kind === 'parts' && decl.whole) {
          for (const d of drawings.filter((d) => d.view === 'count')) decl.figures.forEach((fid, i) => expect(rectsOf(d.svg, `k-l${i + 1}`), fid).toBe(fig(fid).value));
        }
        if (decl.kind === 'parts' && !decl.whole) {
          const total = derivedFigures(reply).find((x) => x.id === decl.derived[0])!;
          expect(spec.description).toContain(formatDerivedValue(total, locale));
          const n = (x: number) => formatNumber(x, locale, { maxFractionDigits: 0, wan: false });
          if (total.interval) for (const d of drawings) expect(svgText(d.svg)).toContain(n(total.interval[0]));
        }
        if (decl.kind === 'units' && !decl.whole) {
          for (const d of drawings) decl.figures.forEach((fid, i) => expect(rectsOf(d.svg, decl.figures.length > 1 ? `k-l${i + 1}` : 'k-accent'), fid).toBe(fig(fid).value));
        }
        if (decl.kind === 'units' && decl.whole) {
          // one scale: the highlighted squares inside the whole's grid, both in the unit of one square
          const whole = fig(decl.whole);
          const inner = fig(decl.figures[0]!);
          for (const d of drawings) {
            // a grid per cell size: the whole's (the most cells) and, on a phone, a magnified corner of it
            const grids = new Map<string, { accent: number; context: number }>();
            for (const g of doc(d.svg).querySelectorAll('g.k-accent, g.k-context')) {
              const tile = g.querySelector('pattern');
              if (!tile) continue;
              const grid = grids.get(tile.getAttribute('width')!) ?? { accent: 0, context: 0 };
              grid[g.classList.contains('k-accent') ? 'accent' : 'context'] += waffleCells(g);
              grids.set(tile.getAttribute('width')!, grid);
            }
            const all = [...grids.values()].sort((a, b) => b.accent + b.context - (a.accent + a.context));
            const { accent, context } = all[0]!;
            expect(accent).toBeGreaterThanOrEqual(5);
            const per = whole.value / (accent + context);
            expect(Math.abs(inner.value / per - accent)).toBeLessThanOrEqual(1);
            // the magnified corner shows the same highlighted cells (one scale), and fewer cells than the whole
            for (const zoom of all.slice(1)) expect(zoom.accent).toBe(accent);
            if (d.frame === 'narrow' && (accent + context) / 25 > 20) expect(all.length, 'a long phone grid has a magnified corner').toBe(2);
          }
        }
        if (decl.kind === 'number') {
          for (const f of sources.filter((f) => f.measure === 'change')) for (const d of drawings) expect(svgText(d.svg)).toContain(`+${formatValue(f, locale, { style: 'short', unit: false })}`);
          // no box for a total the reply does not give (the words such a box once carried)
          for (const d of drawings) expect(svgText(d.svg)).not.toContain(locale === 'zh-CN' ? '总数未给出' : 'total not given');
        }
        if (decl.named) {
          const f = fig(decl.named.figure);
          const names = locale === 'zh-CN' ? namedItems(f.quote) : decl.named.en;
          const after = draw(reply, locale, id).filter((d) => d.view === 'named');
          expect(after.length).toBe(2);
          for (const d of after) {
            const boxes = [...doc(d.svg).querySelectorAll('g.k-accent rect, g.k-accent-line rect')].filter((r) => r.getAttribute('width') === r.getAttribute('height'));
            expect(boxes.length).toBe(f.value);
            for (const n of names) expect(squash(svgText(d.svg))).toContain(squash(n));
          }
          // drawn once, not once per view
          for (const d of drawings) for (const n of names) expect(squash(svgText(d.svg))).not.toContain(squash(n));
        }
        if (decl.kind === 'overview') {
          for (const d of drawings) {
            expect(rectsOf(d.svg, 'k-accent')).toBe(reply.figures.length);
            expect(rectsOf(d.svg, 'k-accent-line')).toBe(reply.commitments.length);
          }
        }
        if (decl.kind === 'timeline') {
          expect(spec.table.rows.length).toBe(reply.events.length);
          const kinds = new Set(reply.events.map((e) => e.kind));
          expect(spec.key?.map((k) => k.swatch).sort()).toEqual([...kinds].sort());
          for (const d of drawings) for (const e of reply.events) expect(squash(svgText(d.svg))).toContain(squash(locale === 'zh-CN' ? e.label_zh : e.label_en));
        }
      });
    });
  });
});

describe('a reply without the figures a declared chart needs', () => {
  it('gets no such chart, and no error', () => {
    const reply = REPLIES[0]!;
    const decl = chartDecls(reply).find((d) => d.kind === 'parts' && d.whole)!;
    const gone = new Set([...decl.figures, decl.whole!]);
    const bare = { ...reply, figures: reply.figures.filter((f) => !gone.has(f.id)) };
    const ids = chartsFor(bare, 'en').map((s) => s.id);
    expect(ids).not.toContain(decl.id);
    expect(ids).toContain(chartDecls(reply).find((d) => d.kind === 'timeline')!.id);
  });
});
