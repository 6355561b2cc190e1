/**
 * Chart colours in both schemes: marks >= 3:1 against the page background
 * (WCAG 1.4.11), text colours >= 4.5:1, and the light fallbacks written into
 * the SVG equal to the light custom properties of charts.css.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PALETTE } from '../../src/lib/charts/scene';

const charts = readFileSync('src/styles/charts.css', 'utf8');
const global = readFileSync('src/styles/global.css', 'utf8');
const dark = (css: string) => css.slice(css.indexOf('prefers-color-scheme: dark'));
const light = (css: string) => css.slice(0, css.indexOf('prefers-color-scheme: dark'));
const varOf = (css: string, name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} not found`);
  return m[1]!.toLowerCase();
};
function lum(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};
const MARKS = ['accent', 'context', 'l1', 'l2', 'l3'] as const;

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('chart colours (%s)', (_, part) => {
  const bg = varOf(part(global), 'bg');
  it.each(MARKS)('%s marks stand out from the background (>= 3:1)', (m) => {
    expect(contrast(varOf(part(charts), `chart-${m}`), bg)).toBeGreaterThanOrEqual(3);
  });
  it('text, muted text and text on the accent pass AA (>= 4.5:1)', () => {
    expect(contrast(varOf(part(global), 'fg'), bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(varOf(part(global), 'muted'), bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(varOf(part(charts), 'chart-accent'), bg)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('light fallbacks in the SVG', () => {
  it.each(MARKS)('%s equals charts.css', (m) => {
    expect(PALETTE[m]).toBe(varOf(light(charts), `chart-${m}`));
  });
  it('text and background equal global.css', () => {
    expect(PALETTE.text).toBe(varOf(light(global), 'fg'));
    expect(PALETTE.muted).toBe(varOf(light(global), 'muted'));
    expect(PALETTE.bg).toBe(varOf(light(global), 'bg'));
  });
});
