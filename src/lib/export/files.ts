/**
 * Build-time file I/O for the downloads (not for the browser): design tokens
 * from the stylesheets, SVG -> PNG with sharp (several at a time), and a per-process cache so a
 * page that shows file sizes and the endpoint that writes the file build the
 * same bytes once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { lightTokens } from './svg';
import { LIGHT } from '../palette';

let tokens: Record<string, string> | undefined;
/** The light tokens of src/styles/global.css (fonts) and the light colours of the palette. */
export function designTokens(root = process.cwd()): Record<string, string> {
  if (tokens) return tokens;
  const out: Record<string, string> = {};
  for (const f of ['global.css', 'charts.css']) {
    const p = path.join(root, 'src', 'styles', f);
    if (fs.existsSync(p)) Object.assign(out, lightTokens(fs.readFileSync(p, 'utf8')));
  }
  Object.assign(out, LIGHT);
  tokens = out;
  return out;
}

/**
 * PNGs rendered at a time. sharp (librsvg) renders on libuv's worker threads, off
 * the JavaScript thread that renders the pages, so with this many in flight the
 * build uses every core. PNG_CONCURRENCY to tune.
 */
export const PNG_CONCURRENCY = Math.max(1, Number(process.env.PNG_CONCURRENCY) || os.availableParallelism());
let inFlight = 0;
const waiting: (() => void)[] = [];

/**
 * PNG at 2x (144 dpi against SVG's 72): pixel size is twice the SVG's width and height.
 * zlib level 6: measured here, level 9 took twice as long for files 1% smaller.
 * (resvg-js was measured too and was far slower with the system CJK fonts: bench/README.md.)
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  if (inFlight >= PNG_CONCURRENCY) await new Promise<void>((r) => waiting.push(r));
  inFlight++;
  try {
    return await sharp(Buffer.from(svg), { density: 72 * scale }).png({ compressionLevel: 6 }).toBuffer();
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

const cache = new Map<string, Promise<Uint8Array | string> | Uint8Array | string>();
/** Memoise a built file by key (reply/locale/chart/format) for the life of the build. */
export function cached<T extends Uint8Array | string>(key: string, make: () => T | Promise<T>): Promise<T> {
  if (!cache.has(key)) {
    const p = Promise.resolve().then(make);
    // Started ahead of need (prefetch) and maybe never awaited: not an unhandled rejection;
    // whoever awaits it still gets the error.
    p.catch(() => {});
    cache.set(key, p);
  }
  return Promise.resolve(cache.get(key) as Promise<T>);
}

const memo = new Map<string, unknown>();
/** Memoise a synchronous result by key for the life of the build. */
export function once<T>(key: string, make: () => T): T {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

export const byteLength = (x: Uint8Array | string): number => (typeof x === 'string' ? Buffer.byteLength(x, 'utf8') : x.byteLength);

const drawn = new WeakMap<object, Map<string, string>>();
/**
 * Memoise a drawing by the identity of its input object (a chart view's Plot options,
 * which chartsFor keeps per reply and locale) and a string key (its render options):
 * a chart shown on its page, the charts index, the story and the embed is drawn once.
 */
export function drawOnce(input: object, key: string, draw: () => string): string {
  let m = drawn.get(input);
  if (!m) drawn.set(input, (m = new Map()));
  let svg = m.get(key);
  if (svg === undefined) m.set(key, (svg = draw()));
  return svg;
}
