/**
 * Chart specs, as a reader sees them: the numbers in the description, the
 * table and the drawn labels come from the data (expectations computed from
 * getDataset(), never typed); lower bounds read as lower bounds everywhere;
 * every chart says its place and period.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { getDataset } from '../../src/lib/data';
import type { Figure, Locale } from '../../src/lib/data/model';
import { chartFor, chartsFor } from '../../src/lib/charts';
import { renderPlot } from '../../src/lib/charts/render';
import { NARROW, WIDE } from '../../src/lib/charts/scene';
import { namedTrades } from '../../src/lib/charts/skills-contest';
import { niceUnit } from '../../src/lib/charts/housing-scale';
import { derivedFigures } from '../../src/lib/derived';
import { formatDerivedValue } from '../../src/lib/format/derived';
import { formatValue } from '../../src/lib/format/figure';
import { figureQuotes, formatPeriod, formatDate } from '../../src/lib/format/date';
import { formatNumber, isLowerBound } from '../../src/lib/format/number';
import { useT, type Key } from '../../src/i18n';
import { placeText } from '../../src/lib/data/vocabulary';

const reply = getDataset().replies[0]!;
const LOCALES: Locale[] = ['zh-CN', 'en'];
const IDS = [
  'reply-at-a-glance',
  'skill-master-studios',
  'training-bases',
  'skills-contest',
  'senior-certificate-routes',
  'migrant-pupils',
  'party-recruits',
  'housing-scale',
  'rent-subsidies',
  'timeline',
];
const fig = (id: string) => reply.figures.find((f) => f.id === id)!;
const der = (id: string) => derivedFigures(reply).find((d) => d.id === id)!;

/** All text a reader sees in a drawing (tspans joined, whitespace dropped so wrapped lines read whole). */
function svgText(svg: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return [...document.querySelectorAll('svg > g text')].map((t) => t.textContent ?? '').join('|');
}
const squash = (s: string) => s.replace(/\s+/g, '');
function draw(locale: Locale, id: string) {
  const spec = chartFor(reply, locale, id)!;
  return spec.views.flatMap((v) =>
    (['wide', 'narrow'] as const)
      .filter((k) => v[k])
      .map((k) => ({ view: v.id, frame: k, svg: renderPlot(v[k]!, { label: spec.title, description: spec.description, idPrefix: `t-${id}-${v.id}-${k}` }) })),
  );
}
function rectsOf(svg: string, cls: string): number {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return [...document.querySelectorAll(`g.${cls}`)].reduce((n, g) => n + g.querySelectorAll('rect').length, 0);
}

describe.each(LOCALES)('chart specs (%s)', (locale) => {
  const t = useT(locale);
  const specs = chartsFor(reply, locale);
  const tableText = (id: string) => chartFor(reply, locale, id)!.table.rows.flat().join('|');

  it('has every chart, with unique ids', () => {
    expect(specs.map((s) => s.id)).toEqual(expect.arrayContaining(IDS));
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
  });

  describe.each(IDS)('%s', (id) => {
    const spec = chartFor(reply, locale, id)!;
    const sources = spec.sources.map(fig);

    it('cites figures that exist, and shows each with its qualifier in the description and the table', () => {
      expect(spec.sources.every((s) => reply.figures.some((f) => f.id === s))).toBe(true);
      for (const f of sources) {
        const v = formatValue(f, locale);
        expect(tableText(id), f.id).toContain(v);
        // the qualifier always; the unit may be said once after the number ("at least 130,000 new rental units (flats or rooms)", "6,479 of them")
        const bare = formatValue(f, locale, { unit: false });
        if (id !== 'timeline')
          expect([v, bare].some((x) => spec.description.includes(id === 'migrant-pupils' && f.measure === 'change' ? formatNumber(f.value, locale, { wan: false }) : x)), f.id).toBe(true);
      }
    });

    it('marks lower bounds as lower bounds: table and description say so, the drawing labels them, the key explains', () => {
      const lower = sources.filter((f) => isLowerBound(f.qualifier));
      for (const f of lower) {
        const text = formatValue(f, locale);
        expect(text).not.toBe(formatNumber(f.value, locale));
        expect(tableText(id)).toContain(text);
        if (id !== 'timeline') {
          expect([text, formatValue(f, locale, { unit: false })].some((x) => spec.description.includes(x)), f.id).toBe(true);
          expect(spec.key?.map((k) => k.swatch)).toContain('lower-bound');
          const short = formatValue(f, locale, { style: 'short', unit: false });
          for (const d of draw(locale, id)) {
            const s = squash(svgText(d.svg));
            const bare = formatValue(f, locale, { unit: false });
            expect([short, text, bare].some((x) => s.includes(squash(x))), `${d.view}/${d.frame}: ${f.id}`).toBe(true);
          }
        }
      }
      if (lower.length && id !== 'timeline') expect(spec.notes.join(' ')).toContain(t('charts.note.lower', { list: '' }).split('{')[0]!.slice(0, 6));
    });

    it('states its place and period', () => {
      const text = [spec.subtitle, ...spec.notes, spec.description].join(' ');
      for (const f of sources) {
        expect(text, f.id).toContain(placeText(reply.meta.places, f.scope, locale));
        if (id !== 'timeline') expect(text, f.id).toContain(formatPeriod(f.period, locale, f.measure, figureQuotes(reply, f)));
      }
    });

    it('draws every view wide and narrow, with no text under the frame’s base size', () => {
      for (const d of draw(locale, id)) {
        const frame = d.frame === 'wide' ? WIDE : NARROW;
        expect(d.svg).toContain(`viewBox="0 0 ${frame.w} `);
        const sizes = [...d.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        const textSizes = sizes.filter((s) => s !== 10); // Plot's default on the <svg>; every text mark sets its own
        expect(Math.min(...textSizes)).toBeGreaterThanOrEqual(frame.fs);
        expect(d.svg).not.toMatch(/style=|<style|font-variant/);
      }
    });
  });

  it('skill-master studios: one square per studio and level, and the shares', () => {
    const levels = ['studios-provincial', 'studios-ningbo', 'studios-cixi'].map(fig);
    const counts = draw(locale, 'skill-master-studios').filter((d) => d.view === 'count');
    for (const d of counts) levels.forEach((f, i) => expect(rectsOf(d.svg, `k-l${i + 1}`)).toBe(f.value));
    for (const l of levels) expect(tableText('skill-master-studios')).toContain(formatDerivedValue(der(`studios-share-${l.id.replace('studios-', '')}`), locale));
  });

  it('training bases: squares per level and the yearly averages as lower bounds', () => {
    const levels = ['bases-provincial', 'bases-ningbo-155', 'bases-cixi'].map(fig);
    for (const d of draw(locale, 'training-bases')) levels.forEach((f, i) => expect(rectsOf(d.svg, `k-l${i + 1}`)).toBe(f.value));
    const spec = chartFor(reply, locale, 'training-bases')!;
    expect(spec.description).toContain(formatDerivedValue(der('bases-total'), locale));
    for (const id of ['bases-training-per-year', 'bases-high-skilled-per-year']) expect(spec.description).toContain(formatValue(fig(id), locale));
  });

  it('skills contest: entrants, certificates, the certificate rate and the named trades counted from the quote', () => {
    const spec = chartFor(reply, locale, 'skills-contest')!;
    const trades = fig('contest-trades');
    const named = namedTrades(trades.quote);
    expect(named.length).toBeLessThan(trades.value);
    for (const n of named) expect(trades.quote).toContain(n);
    expect(spec.description).toContain(named.join('、'));
    const rate = der('contest-certificate-rate');
    expect(spec.description).toContain(`${formatNumber(rate.value, locale, { maxFractionDigits: 1 })}%`);
    for (const d of draw(locale, 'skills-contest')) {
      const accent = parseHTML(`<!doctype html><html><body>${d.svg}</body></html>`).document;
      const tradeBoxes = [...accent.querySelectorAll('g.k-accent rect, g.k-accent-line rect')].filter((r) => r.getAttribute('width') === r.getAttribute('height'));
      expect(tradeBoxes.length, `${d.view}/${d.frame}`).toBe(trades.value);
      for (const n of named) expect(squash(svgText(d.svg))).toContain(squash(n));
    }
  });

  it('senior certificates: both routes and their sum, which is ours', () => {
    const spec = chartFor(reply, locale, 'senior-certificate-routes')!;
    expect(spec.description).toContain(formatDerivedValue(der('senior-certificates-two-routes'), locale));
    expect(spec.key?.map((k) => k.swatch)).toContain('derived');
  });

  it('migrant pupils: drawn as a change from a base the reply does not give', () => {
    const f = fig('migrant-pupils-increase');
    const spec = chartFor(reply, locale, 'migrant-pupils')!;
    expect(spec.key?.map((k) => k.swatch)).toEqual(expect.arrayContaining(['change', 'unknown']));
    expect(tableText('migrant-pupils')).toContain(t('measure.change'));
    for (const d of draw(locale, 'migrant-pupils')) {
      expect(svgText(d.svg)).toContain(`+${formatNumber(f.value, locale, { wan: false })}`);
      expect(svgText(d.svg)).toContain(t('charts.pupils.unknown'));
    }
  });

  it('party recruits: the stated number and share, the implied total with its rounding interval', () => {
    const d = der('party-recruits-citywide-implied');
    const spec = chartFor(reply, locale, 'party-recruits')!;
    const n = (x: number) => formatNumber(x, locale, { maxFractionDigits: 0, wan: false });
    expect(spec.description).toContain(n(Math.round(d.value)));
    expect(spec.description).toContain(n(d.interval![0]));
    expect(spec.description).toContain(n(d.interval![1]));
    expect(spec.description).toContain(`${formatNumber(fig('party-recruits-industrial-share').value, locale)}%`);
  });

  it('housing: a unit chart, both blocks lower bounds, the share of the target computed', () => {
    const pilot = fig('pilot-units');
    const target = fig('ningbo-rental-target');
    const unit = niceUnit(Math.min(pilot.value, target.value));
    const spec = chartFor(reply, locale, 'housing-scale')!;
    expect(spec.description).toContain(formatDerivedValue(der('pilot-units-vs-ningbo-target'), locale));
    expect(spec.subtitle).toContain(placeText(reply.meta.places, pilot.scope, locale));
    expect(spec.subtitle).toContain(placeText(reply.meta.places, target.scope, locale));
    for (const d of draw(locale, 'housing-scale')) {
      const solid = (cls: string) => (parseHTML(`<!doctype html><html><body>${d.svg}</body></html>`).document.querySelectorAll(`g.${cls}:not([fill-opacity]) rect`).length);
      expect(solid('k-accent')).toBe(Math.floor(pilot.value / unit));
      // the target's squares plus the one in the key (one square = N homes)
      expect(solid('k-context')).toBe(Math.floor(target.value / unit) + 1);
      expect(d.svg).toMatch(/fill-opacity/);
    }
  });

  it('rent subsidies: a running total since the start of its period, a lower bound, no yearly numbers', () => {
    const f = fig('rent-subsidy-recipients');
    const spec = chartFor(reply, locale, 'rent-subsidies')!;
    expect(tableText('rent-subsidies')).toContain(t('measure.cumulative'));
    expect(spec.title).toContain(formatDate(f.period.split('/')[0]!, locale));
  });

  it('reply at a glance: one filled square per statistic and one hollow square per commitment', () => {
    for (const d of draw(locale, 'reply-at-a-glance')) {
      expect(rectsOf(d.svg, 'k-accent')).toBe(reply.figures.filter((f) => reply.meta.sections.some((s) => s.n === f.section)).length);
      expect(rectsOf(d.svg, 'k-accent-line')).toBe(reply.commitments.filter((x) => reply.meta.sections.some((s) => s.n === x.section)).length);
    }
    const rows = chartFor(reply, locale, 'reply-at-a-glance')!.table.rows;
    expect(rows.length).toBe(reply.meta.sections.length);
    reply.meta.sections.forEach((s, i) => expect(rows[i]![1]).toBe(formatNumber(reply.figures.filter((f) => f.section === s.n).length, locale)));
  });

  it('timeline: every event, labelled, past and promised drawn differently', () => {
    const spec = chartFor(reply, locale, 'timeline')!;
    expect(spec.table.rows.length).toBe(reply.events.length);
    for (const d of draw(locale, 'timeline')) {
      const text = squash(svgText(d.svg));
      for (const e of reply.events) expect(text, `${d.frame}: ${e.id}`).toContain(squash(locale === 'zh-CN' ? e.label_zh : e.label_en));
      const doc = parseHTML(`<!doctype html><html><body>${d.svg}</body></html>`).document;
      const hollow = doc.querySelectorAll('g.k-hollow circle, g.k-accent-line rect').length;
      expect(hollow, d.frame).toBe(reply.events.filter((e) => e.kind === 'promised').length);
    }
    expect(spec.description).toContain(formatNumber(reply.events.length, locale));
  });
});

describe('a reply without the figures a chart needs', () => {
  it('gets no such chart, and no error', () => {
    const bare = { ...reply, figures: reply.figures.filter((f: Figure) => !f.id.startsWith('studios-')) };
    const ids = chartsFor(bare, 'en').map((s) => s.id);
    expect(ids).not.toContain('skill-master-studios');
    expect(ids).toContain('timeline');
  });
});

describe('named trades', () => {
  it('splits the list before 等 on 、', () => {
    const q = fig('contest-trades').quote;
    const names = namedTrades(q);
    expect(names.join('、') + q.slice(q.indexOf('等'))).toBe(q);
  });
  it('titles each chart in both languages', () => {
    for (const id of IDS) expect(chartFor(reply, 'en', id)!.title).not.toBe(chartFor(reply, 'zh-CN', id)!.title);
  });
});
