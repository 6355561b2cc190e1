import { defineMiddleware } from 'astro:middleware';
import { holdNumbersInHtml } from './lib/linebreak';

/** Every HTML page: numbers kept with their Chinese units across line breaks (src/lib/linebreak.ts). */
export const onRequest = defineMiddleware(async (_context, next) => {
  const res = await next();
  if (!(res.headers.get('content-type') ?? 'text/html').includes('text/html')) return res;
  const html = await res.text();
  return new Response(holdNumbersInHtml(html), { status: res.status, headers: res.headers });
});
