/**
 * src/lib/charts/interactive.ts over every chart, view and drawing: no native
 * tooltip is left on a mark (only the chart's own <title>), every mark is
 * named, and what a mark carries is the figure's data through the project's
 * formatters, with a link to its sentence on the source page.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { getDataset } from '../../src/lib/data';
import { chartsFor } from '../../src/lib/charts';
import { renderPlot } from '../../src/lib/charts/render';
import { formatValue } from '../../src/lib/format/figure';
import { anchors } from '../../src/lib/paths';

const reply = getDataset().replies[0]!;
const figures = new Map(reply.figures.map((f) => [f.id, f]));
const SOURCE = '/source/';

describe.each(['zh-CN', 'en'] as const)('interactive marks (%s)', (locale) => {
  for (const spec of chartsFor(reply, locale)) {
    it(spec.id, () => {
      for (const view of spec.views) {
        for (const options of [view.wide, view.narrow].filter((o) => o !== undefined)) {
          const html = renderPlot(options, { label: spec.title, locale, idPrefix: 't', marks: { reply, locale, sourceHref: SOURCE } });
          const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
          const svg = document.querySelector('svg')!;
          expect(svg.querySelectorAll('title')).toHaveLength(1);
          expect(svg.firstElementChild?.tagName.toLowerCase()).toBe('title');
          const marks = Array.from(svg.querySelectorAll('[data-mark]'));
          expect(marks.length, `${spec.id}/${view.id}`).toBeGreaterThan(0);
          expect(svg.getAttribute('data-marks')).toBe(String(marks.length));
          expect(svg.getAttribute('role')).toBe('group');
          expect(marks.map((m) => m.getAttribute('data-k')).sort()).toEqual(marks.map((_, i) => String(i)).sort());
          for (const m of marks) {
            expect(m.getAttribute('role')).toBe('img');
            expect(m.getAttribute('aria-label')).toBeTruthy();
            const f = figures.get(m.getAttribute('data-figure') ?? '');
            if (!f) continue;
            expect(m.getAttribute('data-value')).toBe(formatValue(f, locale));
            expect(m.getAttribute('data-quote')).toBe(f.quote);
            expect(m.getAttribute('data-href')).toBe(`${SOURCE}#${anchors.figure(f.id)}`);
            expect(m.getAttribute('aria-label')).toContain(formatValue(f, locale));
            expect(m.getAttribute('aria-label')).toContain(f.quote);
          }
        }
      }
    });
  }
});
