/**
 * The four downloads of a chart (SVG, PNG, CSV, JSON), built from its
 * ChartSpec alone, so every chart gets them without any code of its own.
 */
import type { ChartSpec } from '../charts/types';
import type { Reply } from '../data/model';
import { renderPlot } from '../charts/render';
import { toCsv, toJson } from './csv';
import { standaloneSvg } from './svg';
import { citations, licenceName, type CiteInput } from '../citation';
import { pick } from '../format/pick';

export type ChartFormat = 'svg' | 'png' | 'csv' | 'json';
export const CHART_FORMATS: readonly ChartFormat[] = ['svg', 'png', 'csv', 'json'];

/** File name on the server, beside the chart page: charts/<chart>/<chart>.<ext>. */
export const chartFile = (spec: Pick<ChartSpec, 'id'>, f: ChartFormat): string => `${spec.id}.${f}`;
/** Name offered when saving: says which reply, chart and language. */
export const chartDownloadName = (spec: Pick<ChartSpec, 'id' | 'replyId' | 'locale'>, f: ChartFormat): string =>
  `${spec.replyId}_${spec.id}_${spec.locale}.${f}`;

/**
 * The download's columns: those the spec declares, then (so that no value is
 * lost) any key a row has that the spec does not declare, undescribed.
 */
export function chartColumns(spec: ChartSpec): { key: string; label: string; description: string; numeric: boolean }[] {
  const cols = spec.data.columns.map((c) => ({ key: c.key, label: c.label, description: c.description, numeric: !!c.numeric }));
  const known = new Set(cols.map((c) => c.key));
  for (const r of spec.data.rows)
    for (const k of Object.keys(r))
      if (!known.has(k)) {
        known.add(k);
        cols.push({ key: k, label: k, description: '', numeric: typeof r[k] === 'number' });
      }
  return cols;
}

export function chartCsv(spec: ChartSpec): string {
  return toCsv(chartColumns(spec), spec.data.rows);
}

export function chartJson(spec: ChartSpec, reply: Reply, cite: CiteInput, sourceUrl: (figureId: string) => string): string {
  const c = citations(cite);
  return toJson({
    id: spec.id,
    reply: spec.replyId,
    locale: spec.locale,
    title: spec.title,
    subtitle: spec.subtitle,
    description: spec.description,
    notes: spec.notes,
    columns: chartColumns(spec),
    rows: spec.data.rows,
    sources: spec.sources.map((id) => {
      const f = reply.figures.find((x) => x.id === id);
      return { figure_id: id, section: f?.section ?? null, quote: f?.quote ?? null, url: sourceUrl(id) };
    }),
    source: pick(spec.locale, `${reply.meta.answering_body.zh}《${reply.meta.title_zh}》，${reply.meta.date}`, `${reply.meta.answering_body.en}, ${reply.meta.title_en}, ${reply.meta.date}`),
    licence: { name: licenceName(reply.meta.licence.data), url: reply.meta.licence.data_url },
    citation: { short: pick(spec.locale, c.short.zh, c.short.en), full: pick(spec.locale, c.full.zh, c.full.en) },
    url: pick(spec.locale, cite.url.zh, cite.url.en),
  });
}

/** The standalone SVG of the chart's first view, wide layout; `keep`: the reply's words no line breaks inside (Reply.keep). */
export function chartSvg(spec: ChartSpec, cite: CiteInput, tokens: Record<string, string>, keep: readonly string[] = []): { svg: string; width: number; height: number } {
  const view = spec.views[0];
  if (!view) throw new Error(`chart ${spec.id} has no view`);
  const chart = renderPlot(view.wide, { label: spec.title, description: spec.description, locale: spec.locale, idPrefix: `dl-${spec.id}` });
  const c = citations(cite);
  return standaloneSvg({
    chartSvg: chart,
    afterSvgs: (spec.after ?? []).map((a, i) => renderPlot(a.wide, { label: spec.title, locale: spec.locale, idPrefix: `dl-${spec.id}-a${i}` })),
    locale: spec.locale,
    title: spec.title,
    subtitle: spec.subtitle,
    notes: spec.notes,
    key: spec.key ?? [],
    source: pick(spec.locale, c.short.zh, c.short.en),
    url: pick(spec.locale, cite.url.zh, cite.url.en),
    tokens,
    keep,
  });
}
