import { defineMiddleware } from 'astro:middleware';
import { holdNumbersInHtml, stackTables } from './lib/linebreak';

/**
 * Every HTML page, once, as it is rendered: numbers kept with their Chinese
 * units across line breaks, and tables given the labels they need to become
 * stacked cards on phones (src/lib/linebreak.ts).
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const res = await next();
  if (!(res.headers.get('content-type') ?? 'text/html').includes('text/html')) return res;
  const html = await res.text();
  return new Response(holdNumbersInHtml(stackTables(html)), { status: res.status, headers: res.headers });
});
