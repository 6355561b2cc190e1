import { SITE } from '../../../../../lib/site';
/** The whole dataset of a reply as files: CSVs (BOM), JSON, the zip with its README, the source texts. */
import type { APIRoute } from 'astro';
import { siteDataset } from '../../../../../lib/site-props';
import type { Reply } from '../../../../../lib/data/model';
import { localeParams } from '../../../../../lib/paths';
import { datasetFileBody, datasetFiles, MIME } from '../../../../../lib/export/build';

export function getStaticPaths() {
  const ctx = { site: SITE.url, base: import.meta.env.BASE_URL };
  return siteDataset().replies.flatMap((reply) =>
    localeParams().flatMap(({ params }) =>
      Object.keys(datasetFiles(ctx, reply)).map((file) => ({ params: { ...params, reply: reply.id, file }, props: { reply } })),
    ),
  );
}

export const GET: APIRoute<{ reply: Reply }> = async ({ props, params }) => {
  const ctx = { site: SITE.url, base: import.meta.env.BASE_URL };
  const name = String(params.file);
  const body = await datasetFileBody(ctx, props.reply, name);
  return new Response(body as BodyInit, { headers: { 'Content-Type': MIME[name.split('.').pop()!] ?? 'application/octet-stream' } });
};
