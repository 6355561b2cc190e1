import { SITE } from '../lib/site';
import type { APIRoute } from 'astro';
import { joinBase } from '../lib/paths';

/** robots.txt, generated so that it points at the sitemap of the configured site and base path. */
export const GET: APIRoute = () => {
  const origin = new URL(SITE.url);
  const sitemap = new URL(joinBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), origin).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
