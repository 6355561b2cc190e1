import { defineMiddleware } from 'astro:middleware';
import { holdNumbersInHtml, phraseHeadings, stackTables } from './lib/linebreak';
import { markLanguages } from './lib/languages';
import { siteKeepWords } from './lib/site-props';

/**
 * Every HTML page, once, as it is rendered: numbers kept with their Chinese
 * units across line breaks, Chinese headings broken only between phrases (never
 * inside a word the data protects: siteKeepWords), and tables given the labels they need to become
 * stacked cards on phones (src/lib/linebreak.ts). First of all, the language of its parts is marked
 * (runs of English in Chinese text, of Chinese in English text: src/lib/languages.ts), so that the
 * passes after it see the marks and number holding happens inside them.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const res = await next();
  if (!(res.headers.get('content-type') ?? 'text/html').includes('text/html')) return res;
  const html = await res.text();
  return new Response(holdNumbersInHtml(phraseHeadings(stackTables(markLanguages(html)), siteKeepWords())), { status: res.status, headers: res.headers });
});
