/**
 * The embed contract, pure: the message the embed page posts to its host,
 * the embed code (iframe + host script) and the iframe's initial height.
 * The host script is public/embed.js; the embed page's script is
 * src/scripts/embed-frame.ts. Both use EMBED_MESSAGE.
 */
import type { ChartSpec } from './charts/types';

/** Namespaced message types. */
export const EMBED_MESSAGE = { height: 'cixi-embed:height', ping: 'cixi-embed:ping' } as const;
/** Attribute that marks our iframes on a host page. */
export const EMBED_ATTR = 'data-cixi-embed';

export type EmbedTheme = 'auto' | 'light' | 'dark';
export interface EmbedOptions {
  theme?: EmbedTheme;
  title?: boolean;
}

/** The embed address with its options as URL parameters (defaults left out). */
export function embedSrc(url: string, o: EmbedOptions = {}): string {
  const u = new URL(url);
  if (o.theme && o.theme !== 'auto') u.searchParams.set('theme', o.theme);
  if (o.title === false) u.searchParams.set('title', '0');
  return u.href;
}

/**
 * Height in px the iframe starts at, before (or without) the script: the
 * view's drawn height plus room for title, subtitle, notes and source.
 * Generous, so that nothing is cut off without JavaScript.
 */
export function initialHeight(spec: Pick<ChartSpec, 'views' | 'notes' | 'title'>, o: EmbedOptions = {}): number {
  const view = spec.views[0];
  const chart = Number(view?.wide.height ?? 400);
  const title = o.title === false ? 0 : 40 + (spec.title.length > 40 ? 32 : 0);
  return Math.round(title + 32 + chart + 28 * spec.notes.length + 96);
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface EmbedCodeInput {
  /** Absolute embed page URL. */
  url: string;
  /** Absolute URL of the host script (public/embed.js). */
  script: string;
  /** Accessible name of the iframe. */
  title: string;
  height: number;
  /** Stable id, reply/chart, also sent back in the height messages. */
  id: string;
  options?: EmbedOptions;
}

/** The code a journalist pastes: a responsive iframe and the tiny host script. */
export function embedCode(e: EmbedCodeInput): string {
  const src = embedSrc(e.url, e.options);
  return (
    `<iframe src="${attr(src)}" title="${attr(e.title)}" ${EMBED_ATTR}="${attr(e.id)}" loading="lazy" width="100%" height="${e.height}" ` +
    `style="display:block;width:100%;border:0"></iframe>\n` +
    `<script src="${attr(e.script)}" async></script>`
  );
}
