/**
 * Glue for pages and endpoints: the citation input of a chart or data page,
 * and every download file of a chart or a reply, built once per build.
 */
import type { ChartSpec } from '../charts/types';
import { chartFor, chartsFor } from '../charts';
import { LOCALES, type Reply } from '../data/model';
import { anchors, joinBase, pagePath, routes } from '../paths';
import { embedCode, initialHeight } from '../embed';
import { oembed } from './oembed';
import { useT } from '../../i18n';
import { formatDate } from '../format/date';
import { contactLink } from '../site';
import type { CiteInput } from '../citation';
import { chartCsv, chartJson, chartSvg, chartFile, chartDownloadName, CHART_FORMATS, type ChartFormat } from './chart';
import { datasetCsv, datasetJson, datasetZip, fileNames, STATUS_LOG_NAME, TABLES, type TableName } from './dataset';
import { byteLength, cached, designTokens, once, svgToPng } from './files';
import fs from 'node:fs';
import path from 'node:path';
import { dataRoot, getDataset } from '../data';
import { pick } from '../format/pick';

export interface SiteCtx {
  /** Astro.site (absolute origin, maybe with a path). */
  site: URL | string;
  /** import.meta.env.BASE_URL */
  base: string;
}

export const absUrl = (ctx: SiteCtx, p: string): string => new URL(p, ctx.site).href;

/** The build date, YYYY-MM-DD (UTC): the default access date of citations. */
export const BUILD_DATE = new Date().toISOString().slice(0, 10);

export const publisher = () => ({ zh: useT('zh-CN')('site.name'), en: useT('en')('site.name') });

export function citeInput(ctx: SiteCtx, reply: Reply, chartId?: string): CiteInput {
  const route = (l: 'zh-CN' | 'en') => pagePath(ctx.base, l, chartId ? routes.chart(reply.id, chartId) : routes.data(reply.id));
  let chart: CiteInput['chart'];
  if (chartId) {
    const zh = chartFor(reply, 'zh-CN', chartId);
    const en = chartFor(reply, 'en', chartId);
    chart = { id: chartId, title: { zh: zh?.title ?? en?.title ?? chartId, en: en?.title ?? zh?.title ?? chartId } };
  }
  return {
    meta: (({ id, title_zh, title_en, proposal, answering_body, date, licence }) => ({ id, title_zh, title_en, proposal, answering_body, date, licence }))(reply.meta),
    publisher: publisher(),
    url: { zh: absUrl(ctx, route('zh-CN')), en: absUrl(ctx, route('en')) },
    accessed: BUILD_DATE,
    chart,
  };
}

/** The standalone SVG of a chart (and its size), made once per build for the downloads, the PNG and oEmbed. */
export function standaloneChart(ctx: SiteCtx, reply: Reply, spec: ChartSpec): { svg: string; width: number; height: number } {
  return once(`${ctx.base}|${reply.id}|${spec.locale}|${spec.id}|standalone`, () => chartSvg(spec, citeInput(ctx, reply, spec.id), designTokens(), reply.keep));
}

/**
 * Start every PNG of every reply (all charts, both locales) at the first chart page, so
 * that they render on the worker threads (svgToPng) while the pages are being rendered;
 * each file and download link then awaits its own, already running or finished, render.
 * (Per reply only, each reply's chart pages waited for that reply's PNGs in turn.)
 * `reply` first: its PNGs are the ones the page being rendered needs now.
 */
export function prefetchPngs(ctx: SiteCtx, reply: Reply): void {
  once(`${ctx.base}|png-prefetch`, () => {
    const replies = [reply, ...getDataset().replies.filter((r) => r.id !== reply.id)];
    for (const r of replies) for (const locale of LOCALES) for (const spec of chartsFor(r, locale)) void chartFileBody(ctx, r, spec, 'png');
    return true;
  });
}

export async function chartFileBody(ctx: SiteCtx, reply: Reply, spec: ChartSpec, f: ChartFormat): Promise<string | Uint8Array> {
  const key = `${ctx.base}|${reply.id}|${spec.locale}|${spec.id}|${f}`;
  return cached(key, async () => {
    const cite = citeInput(ctx, reply, spec.id);
    switch (f) {
      case 'csv':
        return chartCsv(spec);
      case 'json': {
        const src = pagePath(ctx.base, spec.locale, routes.source(reply.id));
        return chartJson(spec, reply, cite, (id) => absUrl(ctx, `${src}#${anchors.figure(id)}`));
      }
      case 'svg':
        return standaloneChart(ctx, reply, spec).svg;
      case 'png':
        return new Uint8Array(await svgToPng(standaloneChart(ctx, reply, spec).svg));
    }
  });
}

export interface DownloadLink<F extends string = string> {
  format: F;
  href: string;
  name: string;
  bytes: number;
  type: string;
}

export const MIME: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export async function chartDownloads(ctx: SiteCtx, reply: Reply, spec: ChartSpec): Promise<DownloadLink<ChartFormat>[]> {
  prefetchPngs(ctx, reply);
  const dir = pagePath(ctx.base, spec.locale, routes.chart(reply.id, spec.id));
  return Promise.all(
    CHART_FORMATS.map(async (f) => ({
      format: f,
      href: dir + chartFile(spec, f),
      name: chartDownloadName(spec, f),
      bytes: byteLength(await chartFileBody(ctx, reply, spec, f)),
      type: MIME[f]!,
    })),
  );
}

/** Files of the data folder: name -> builder. */
export function datasetFiles(ctx: SiteCtx, reply: Reply): Record<string, () => string | Uint8Array> {
  const names = fileNames(reply.id);
  const cite = citeInput(ctx, reply);
  // reply.dir is relative to the data root (DATA_ROOT for the synthetic bench build)
  const read = (f: string) => fs.readFileSync(path.resolve(dataRoot(), reply.dir, f), 'utf8');
  const src = { zh: reply.meta.source.file, en: reply.meta.translation.file };
  return {
    ...Object.fromEntries(TABLES.map((t) => [names.csv(t), () => datasetCsv(reply, t)])),
    [names.json]: () => datasetJson(reply, cite),
    [names.zip]: () => {
      const log = path.resolve(dataRoot(), reply.dir, STATUS_LOG_NAME);
      return datasetZip(reply, cite, { zh: read(src.zh), en: read(src.en) }, src, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : undefined);
    },
    [src.zh]: () => read(src.zh),
    [src.en]: () => read(src.en),
  };
}

export async function datasetFileBody(ctx: SiteCtx, reply: Reply, name: string): Promise<string | Uint8Array> {
  const make = datasetFiles(ctx, reply)[name];
  if (!make) throw new Error(`no data file ${name} for ${reply.id}`);
  return cached(`${ctx.base}|${reply.id}|data|${name}`, make);
}

/** The data folder's files other than the tables' CSVs, by how their names end. */
export const DATA_FILE_FORMATS = ['zip', 'json', 'txt', 'md'] as const;
export type DataFileFormat = (typeof DATA_FILE_FORMATS)[number];
/** A link of the data folder: a table's CSV, or one of the other files. */
export type DatasetLink = (DownloadLink<'csv'> & { table: TableName }) | (DownloadLink<DataFileFormat> & { table?: undefined });

export async function datasetDownloads(ctx: SiteCtx, reply: Reply, locale: 'zh-CN' | 'en'): Promise<DatasetLink[]> {
  const dir = pagePath(ctx.base, locale, routes.data(reply.id));
  const names = fileNames(reply.id);
  const order: [string, TableName | undefined][] = [
    [names.zip, undefined],
    ...TABLES.map((t) => [names.csv(t), t] as [string, TableName]),
    [names.json, undefined],
    [reply.meta.source.file, undefined],
    [reply.meta.translation.file, undefined],
  ];
  return Promise.all(
    order.map(async ([name, table]): Promise<DatasetLink> => {
      const ext = name.split('.').pop()!;
      const link = { href: dir + name, name, bytes: byteLength(await datasetFileBody(ctx, reply, name)), type: MIME[ext] ?? 'application/octet-stream' };
      if (table) return { ...link, format: 'csv', table };
      const format = DATA_FILE_FORMATS.find((f) => f === ext);
      if (!format) throw new Error(`data file ${name} of ${reply.id}: no label for a file ending .${ext}`);
      return { ...link, format, table };
    }),
  );
}

/**
 * The embed's starting heights (with and without its title): initialHeight with
 * the lines the embed page shows under the chart (source line as Figure.astro
 * writes it, the link back, the error-report line).
 */
export function embedHeights(reply: Reply, spec: ChartSpec): { title: number; noTitle: number } {
  const t = useT(spec.locale);
  const m = reply.meta;
  const sections = [...new Set(spec.sources.map((id) => reply.figures.find((f) => f.id === id)?.section).filter((s) => s !== undefined))];
  const source =
    `${t('charts.source')}: ${pick(spec.locale, m.answering_body.zh, m.answering_body.en)}, ${pick(spec.locale, `《${m.title_zh}》`, m.title_en)}, ${formatDate(m.date, spec.locale)}, ` +
    sections.map((n) => t('figures.part', { n })).join(', ') +
    ' · ' +
    spec.sources.map((_, i) => `[${i + 1}]`).join(' ');
  const more = [t('embed.more', { site: t('site.name') }), `${t('report.line')} ${contactLink().text}`];
  return { title: initialHeight(spec, { source, more }), noTitle: initialHeight(spec, { source, more, title: false }) };
}

/** Everything a chart page needs to offer embedding: the code, the oEmbed document and its address. */
export function embedInfo(ctx: SiteCtx, reply: Reply, spec: ChartSpec) {
  const t = useT(spec.locale);
  const embedUrl = absUrl(ctx, pagePath(ctx.base, spec.locale, routes.embed(reply.id, spec.id)));
  const scriptUrl = absUrl(ctx, joinBase(ctx.base, 'embed.js'));
  const frameTitle = t('embed.frame-title', { title: spec.title });
  const heights = embedHeights(reply, spec);
  const height = heights.title;
  const page = pagePath(ctx.base, spec.locale, routes.chart(reply.id, spec.id));
  const svg = standaloneChart(ctx, reply, spec);
  const oembedDoc = oembed({
    spec,
    providerName: t('site.name'),
    providerUrl: absUrl(ctx, pagePath(ctx.base, spec.locale, routes.home)),
    authorName: t('site.name'),
    authorUrl: absUrl(ctx, pagePath(ctx.base, spec.locale, routes.home)),
    embedUrl,
    scriptUrl,
    frameTitle,
    thumbnail: { url: absUrl(ctx, page + chartFile(spec, 'png')), width: svg.width * 2, height: svg.height * 2 },
    height,
  });
  return {
    embedUrl,
    scriptUrl,
    frameTitle,
    height,
    heightNoTitle: heights.noTitle,
    id: `${reply.id}/${spec.id}`,
    code: embedCode({ url: embedUrl, script: scriptUrl, title: frameTitle, height, id: `${reply.id}/${spec.id}` }),
    oembedPath: page + OEMBED_FILE,
    oembedUrl: absUrl(ctx, page + OEMBED_FILE),
    oembed: oembedDoc,
  };
}

export const OEMBED_FILE = 'oembed.json';
