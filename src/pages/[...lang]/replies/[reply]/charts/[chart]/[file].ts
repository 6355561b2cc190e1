import { SITE } from '../../../../../../lib/site';
/**
 * A chart's downloads, built at build time beside its page:
 * <chart>.svg, <chart>.png (2x), <chart>.csv (BOM), <chart>.json, and oembed.json.
 */
import type { APIRoute } from 'astro';
import { siteDataset } from '../../../../../../lib/site-props';
import type { Locale, Reply } from '../../../../../../lib/data/model';
import { chartsFor, type ChartSpec } from '../../../../../../lib/charts';
import { localeParams } from '../../../../../../lib/paths';
import { CHART_FORMATS, chartFile, type ChartFormat } from '../../../../../../lib/export/chart';
import { chartFileBody, embedInfo, MIME, OEMBED_FILE } from '../../../../../../lib/export/build';

export function getStaticPaths() {
  return siteDataset().replies.flatMap((reply) =>
    localeParams().flatMap(({ params, props }) =>
      chartsFor(reply, props.locale).flatMap((spec) =>
        [...CHART_FORMATS, 'oembed' as const].map((format) => ({
          params: { ...params, reply: reply.id, chart: spec.id, file: format === 'oembed' ? OEMBED_FILE : chartFile(spec, format) },
          props: { ...props, reply, spec, format },
        })),
      ),
    ),
  );
}

interface Props {
  locale: Locale;
  reply: Reply;
  spec: ChartSpec;
  format: ChartFormat | 'oembed';
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const ctx = { site: SITE.url, base: import.meta.env.BASE_URL };
  const { reply, spec, format } = props;
  if (format === 'oembed') {
    return new Response(JSON.stringify(embedInfo(ctx, reply, spec).oembed, null, 2) + '\n', { headers: { 'Content-Type': MIME.json! } });
  }
  const body = await chartFileBody(ctx, reply, spec, format);
  return new Response(body as BodyInit, { headers: { 'Content-Type': MIME[format]! } });
};
