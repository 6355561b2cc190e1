/**
 * The embed contract, pure: the message the embed page posts to its host,
 * the embed code (iframe + host script) and the iframe's initial height.
 * The host script is public/embed.js; the embed page's script is
 * src/scripts/embed-frame.ts. Both use EMBED_MESSAGE.
 */
import type { ChartSpec } from './charts/types';
import { textWidth } from './charts/scene';
import { pick } from './format/pick';
import { escapeXml } from './format/escape';

export { EMBED_MESSAGE } from './embed-protocol';
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

/** The narrowest width we support: the iframe's starting height is the embed's height at this width. */
export const NARROWEST = 360;

/** Lines a text takes at a font size in a width: greedy wrap on spaces, and between any two Chinese characters. */
export function lineCount(text: string, fs: number, width: number): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    const tokens = para.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [''];
    let w = 0;
    lines += 1;
    for (const t of tokens) {
      const tw = textWidth(t, fs);
      if (w > 0 && w + textWidth(t.trimEnd(), fs) > width) {
        lines += 1;
        w = tw;
      } else w += tw;
    }
  }
  return lines;
}

/**
 * Height in px the iframe starts at, before (or without) the host script: the
 * embed page laid out at 360 px (the narrowest width we support, and the
 * tallest layout), computed from what the page shows there (title, subtitle,
 * key, the first view's narrow drawing, notes, source line, the links below)
 * with the page's type sizes, plus a margin. Wider columns are shorter, so
 * nothing is cut off without JavaScript; the script then shrinks the frame.
 * tests/e2e/embed.test.ts checks it against the browser at 360, 768 and 1200 px.
 */
export function initialHeight(
  spec: Pick<ChartSpec, 'views' | 'notes' | 'title' | 'locale'> & Partial<Pick<ChartSpec, 'subtitle' | 'key' | 'after'>>,
  o: EmbedOptions & { source?: string; more?: string[] } = {},
): number {
  // the tallest of the widths a journalist's column is likely to have: the narrow drawing at 360 px is
  // usually tallest, but a wide drawing scales with the column and can be taller at 1200 px
  return Math.max(...EMBED_WIDTHS.map((w) => heightAt(spec, o, w)));
}

/** Column widths the starting height must fit without the script (tests/e2e/embed.test.ts uses the same). */
export const EMBED_WIDTHS = [NARROWEST, 768, 1200] as const;

function heightAt(
  spec: Pick<ChartSpec, 'views' | 'notes' | 'title' | 'locale'> & Partial<Pick<ChartSpec, 'subtitle' | 'key' | 'after'>>,
  o: EmbedOptions & { source?: string; more?: string[] },
  width: number,
): number {
  const lh = pick(spec.locale, 1.75, 1.6);
  const W = width - 24; // .embed padding 0.75rem each side
  const small = 14.72; // 0.92rem
  const text = (s: string, fs: number, w = W) => lineCount(s, fs, w) * fs * lh;
  let h = 12 + 8; // padding
  if (o.title !== false) h += lineCount(spec.title, 20.8, W) * 20.8 * 1.3 + 4;
  if (spec.subtitle) h += text(spec.subtitle, 16) + 12;
  if (spec.key?.length) h += spec.key.reduce((n, k) => n + text(k.label, small, W - 44) + 4.8, 0) + 12;
  const view = spec.views[0];
  if (view) {
    // Figure.astro: below 600 px of chart width the narrow drawing (max 440 px wide), else the wide one at full width
    const narrow = view.narrow && W < 600;
    const p = narrow ? view.narrow! : view.wide;
    const drawn = Number(p.width ?? 320);
    const shown = narrow ? Math.min(W, 440) : Math.min(W, 720); // Figure.astro caps the wide drawing at 720 px
    h += Number(p.height ?? 400) * (shown / drawn);
    // panels drawn once below the views (Figure.astro .chart-after: 1.25rem above each)
    for (const a of spec.after ?? []) {
      const q = narrow && a.narrow ? a.narrow : a.wide;
      h += 20 + Number(q.height ?? 0) * (shown / Number(q.width ?? drawn));
    }
  }
  h += 12; // figcaption
  // the embed no longer shows the notes (they are on the chart page); their room stays as margin
  // until the estimate is tightened against the browser (without it a 360 px frame cut a source line off)
  if (spec.notes.length) h += small * lh + 11 + spec.notes.reduce((n, x) => n + text(x, small, W - 19), 0);
  if (o.source) h += text(o.source, small) + 2 * small;
  for (const m of o.more ?? []) h += text(m, small) + small;
  return Math.ceil(h * 1.06 + 24);
}


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
    `<iframe src="${escapeXml(src)}" title="${escapeXml(e.title)}" ${EMBED_ATTR}="${escapeXml(e.id)}" loading="lazy" width="100%" height="${e.height}" ` +
    `style="display:block;width:100%;border:0"></iframe>\n` +
    `<script src="${escapeXml(e.script)}" async></script>`
  );
}
