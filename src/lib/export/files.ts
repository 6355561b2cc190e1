/**
 * Build-time file I/O for the downloads (not for the browser): design tokens
 * from the stylesheets, SVG -> PNG with sharp, and a per-process cache so a
 * page that shows file sizes and the endpoint that writes the file build the
 * same bytes once.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { lightTokens } from './svg';

let tokens: Record<string, string> | undefined;
/** Light colours from src/styles/global.css (and charts.css, if there is one). */
export function designTokens(root = process.cwd()): Record<string, string> {
  if (tokens) return tokens;
  const out: Record<string, string> = {};
  for (const f of ['global.css', 'charts.css']) {
    const p = path.join(root, 'src', 'styles', f);
    if (fs.existsSync(p)) Object.assign(out, lightTokens(fs.readFileSync(p, 'utf8')));
  }
  tokens = out;
  return out;
}

/** PNG at 2x (144 dpi against SVG's 72): pixel size is twice the SVG's width and height. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * scale }).png({ compressionLevel: 9 }).toBuffer();
}

const cache = new Map<string, Promise<Uint8Array | string> | Uint8Array | string>();
/** Memoise a built file by key (reply/locale/chart/format) for the life of the build. */
export function cached<T extends Uint8Array | string>(key: string, make: () => T | Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, Promise.resolve(make()));
  return Promise.resolve(cache.get(key) as Promise<T>);
}

export const byteLength = (x: Uint8Array | string): number => (typeof x === 'string' ? Buffer.byteLength(x, 'utf8') : x.byteLength);
