/**
 * A chart as a standalone SVG file: xmlns, width and height, an embedded
 * <style> with system font stacks (CJK included), colours resolved for a
 * white background (no CSS variables, no currentColor: image tools and
 * librsvg do not know the page's custom properties), and title, subtitle,
 * notes and the source line drawn inside the image. Pure.
 */
import type { Locale } from '../data/model';
import type { KeyItem } from '../charts/types';
import { textWidth, wrap } from '../linebreak';
import { pick } from '../format/pick';
import { LIGHT } from '../palette';
import { markLanguages } from '../languages';
import { escapeXml } from '../format/escape';

export const FONT_ZH = `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"`;
export const FONT_EN = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans"`;
/** Latin first for English (Chinese labels still find a CJK font), CJK first for Chinese. */
export const fontStack = (locale: Locale): string =>
  pick(locale, `${FONT_ZH}, ${FONT_EN}, sans-serif`, `${FONT_EN}, ${FONT_ZH}, sans-serif`);

/** Light-scheme design tokens from a stylesheet's first :root { ... } block. */
export function lightTokens(css: string): Record<string, string> {
  const out: Record<string, string> = {};
  const m = /:root\s*\{([^}]*)\}/.exec(css);
  if (!m) return out;
  for (const d of m[1]!.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) out[d[1]!] = d[2]!.trim();
  return out;
}

/** Replace var(--x[, fallback]) and currentColor with concrete colours. */
export function resolveColours(svg: string, tokens: Record<string, string>, fg: string): string {
  let out = svg;
  for (let i = 0; i < 3 && /var\(--/.test(out); i++) {
    out = out.replace(/var\(--([\w-]+)(?:\s*,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g, (_, name: string, fb?: string) => tokens[name] ?? fb?.trim() ?? fg);
  }
  return out.replace(/currentColor/gi, fg);
}


/** Advance width in ems, by the one measure the charts use (src/lib/linebreak.ts). */
export const textEms = (s: string): number => textWidth(s, 1);

/** Lines no wider than `maxEms`, by the one wrapper the charts use (src/lib/linebreak.ts). */
export function wrapText(text: string, maxEms: number, keep: readonly string[] = []): string[] {
  return wrap(text, maxEms / 0.96, 1, keep);
}

export interface StandaloneInput {
  /** The chart as rendered by renderPlot (must carry a viewBox). */
  chartSvg: string;
  /** Panels drawn once below the chart (ChartSpec.after), rendered the same way. */
  afterSvgs?: string[];
  locale: Locale;
  title: string;
  subtitle: string;
  notes: string[];
  /** The chart's key (legend), drawn as on the web page: swatch and label. */
  key?: KeyItem[];
  /** Source and credit line. */
  source: string;
  /** Permalink, printed last. */
  url: string;
  tokens: Record<string, string>;
  /** Words no line breaks inside (the reply's `keep`, src/lib/data/words.ts). */
  keep?: readonly string[];
}

export const PAD = 20;

/** A key's swatch, in the chart's own colours: what the web page's key draws. */
function keySwatch(k: KeyItem, x: number, top: number, { fg, accent, context }: { fg: string; accent: string; context: string }): string {
  const r = (fill: string, extra = '', w = 24) => `<rect x="${x}" y="${top}" width="${w}" height="10" fill="${fill}"${extra}/>`;
  const dashed = (stroke: string) => `<rect x="${x + 0.75}" y="${top + 0.75}" width="22.5" height="8.5" fill="none" stroke="${stroke}" stroke-width="1.5" stroke-dasharray="4,3"/>`;
  switch (k.swatch) {
    case 'lower-bound':
      // a bar and an arrow running on past it: at least this, maybe more
      return r(accent, '', 12) + `<path d="M${x + 12} ${top + 5} H${x + 24} M${x + 20} ${top + 1} L${x + 24} ${top + 5} L${x + 20} ${top + 9}" fill="none" stroke="${accent}" stroke-width="2"/>`;
    case 'context':
      return r(context);
    case 'derived':
      return dashed(fg);
    case 'unknown':
      return dashed(context);
    case 'promised':
      return dashed(accent);
    case 'hollow':
      return `<rect x="${x + 0.75}" y="${top + 0.75}" width="22.5" height="8.5" fill="none" stroke="${accent}" stroke-width="1.5"/>`;
    case 'reply':
      return r(fg);
    default:
      return r(accent);
  }
}

/** A chart's SVG placed inside the file at (PAD, y), its colours resolved, its describedby (a page's id) dropped. */
const placed = (svg: string, tokens: Record<string, string>, fg: string, y: number, w: number, h: number): string =>
  resolveColours(svg, tokens, fg)
    .replace(/^<svg\b/, `<svg x="${PAD}" y="${y}" width="${w}" height="${h}"`)
    .replace(/\saria-describedby="[^"]*"/, '');

/** The file's own style sheet: fonts and the colours of its title, key and notes. */
function styleSheet(locale: Locale, fg: string, muted: string): string {
  const font = fontStack(locale).replace(/"/g, "'");
  return [
    `svg{font-family:${font};color:${fg}}`,
    // only our own text: the chart's labels keep the fills they are drawn with (a white label on a blue bar stays white)
    `.title{font-size:20px;font-weight:700;fill:${fg}}`,
    `.key{font-size:12px;fill:${fg}}`,
    `.sub{font-size:14px;fill:${muted}}`,
    `.note{font-size:12px;fill:${muted}}`,
    `.plot{font-family:inherit;overflow:visible}`,
    `.plot text{font-variant-numeric:tabular-nums}`,
  ].join('');
}

/** The standalone file. Width is the chart's own (viewBox) width plus padding. */
export function standaloneSvg(s: StandaloneInput): { svg: string; width: number; height: number } {
  const vb = /viewBox="([\d.\s-]+)"/.exec(s.chartSvg)?.[1]?.trim().split(/\s+/).map(Number);
  if (!vb || vb.length !== 4) throw new Error('invalid chart svg: no viewBox');
  const [, , cw, ch] = vb as [number, number, number, number];
  const width = Math.round(cw + 2 * PAD);
  const fg = s.tokens['fg'] ?? LIGHT.fg;
  const muted = s.tokens['muted'] ?? LIGHT.muted;
  const bg = s.tokens['bg'] ?? LIGHT.bg;
  const inner = width - 2 * PAD;
  let y = PAD;
  const parts: string[] = [];
  const block = (text: string, cls: string, size: number, lh: number) => {
    const lines = wrapText(text, inner / size, s.keep);
    for (const line of lines) {
      y += size * lh;
      parts.push(`<text class="${cls}" x="${PAD}" y="${y.toFixed(1)}">${escapeXml(line)}</text>`);
    }
  };
  block(s.title, 'title', 20, 1.3);
  block(s.subtitle, 'sub', 14, 1.5);
  // the key, as on the web page: a swatch in the chart's own colours, then its label
  const colours = { fg, accent: s.tokens['chart-accent'] ?? LIGHT['chart-accent'], context: s.tokens['chart-context'] ?? LIGHT['chart-context'] };
  if (s.key?.length) y += 6;
  for (const k of s.key ?? []) {
    const lines = wrapText(k.label, (inner - 32) / 12, s.keep);
    parts.push(keySwatch(k, PAD, y + 4, colours));
    for (const line of lines) {
      y += 12 * 1.5;
      parts.push(`<text class="key" x="${PAD + 32}" y="${y.toFixed(1)}">${escapeXml(line)}</text>`);
    }
    y += 2;
  }
  y += 12;
  const chartY = y;
  const chart = placed(s.chartSvg, s.tokens, fg, chartY, cw, ch);
  y += ch + 8;
  let afterSvg = '';
  for (const a of s.afterSvgs ?? []) {
    const vb2 = /viewBox="([\d.\s-]+)"/.exec(a)?.[1]?.trim().split(/\s+/).map(Number);
    if (!vb2 || vb2.length !== 4) continue;
    const [, , aw, ah] = vb2 as [number, number, number, number];
    y += 12;
    afterSvg += placed(a, s.tokens, fg, y, aw, ah);
    y += ah + 8;
  }
  for (const n of s.notes) block(n, 'note', 12, 1.5);
  y += 4;
  block(s.source, 'note', 12, 1.5);
  block(s.url, 'note', 12, 1.5);
  const height = Math.round(y + PAD);
  const style = styleSheet(s.locale, fg, muted);
  // the language of parts marked as on the web page (src/lib/languages.ts): a key's quoted Chinese, a URL in Chinese text
  const svg = markLanguages(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" lang="${s.locale}" xml:lang="${s.locale}">` +
    `<title>${escapeXml(s.title)}</title>` +
    `<style>${style}</style>` +
    `<rect width="100%" height="100%" fill="${bg}"/>` +
    parts.slice(0).join('') +
    chart +
    afterSvg +
    `</svg>\n`,
  );
  return { svg, width, height };
}
