/**
 * Colours in every scheme of the one palette (src/lib/palette.ts): marks >= 3:1
 * against the page background (WCAG 1.4.11), text colours >= 4.5:1; the light
 * fallbacks written into the SVG are the palette's light values, and the
 * stylesheet generated from it carries every role in every scheme.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PALETTE } from '../../src/lib/charts/scene';
import { DARK, LIGHT, PRINT, paletteCss, type Scheme } from '../../src/lib/palette';

function lum(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};
const MARKS = ['accent', 'context', 'l1', 'l2', 'l3'] as const;
const hex = (v: string) => {
  expect(v).toMatch(/^#[0-9a-f]{6}$/);
  return v;
};

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
  ['print', PRINT],
] as [string, Scheme][])('chart colours (%s)', (_, s) => {
  const bg = hex(s.bg);
  it.each(MARKS)('%s marks stand out from the background (>= 3:1)', (m) => {
    expect(contrast(hex(s[`chart-${m}`]), bg)).toBeGreaterThanOrEqual(3);
  });
  it('text, muted text and text on the accent pass AA (>= 4.5:1)', () => {
    expect(contrast(hex(s.fg), bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(s.muted), bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(s['chart-accent']), bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(s['accent-fg']), hex(s.accent))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(s.link), bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(s['mark-fg']), hex(s.mark))).toBeGreaterThanOrEqual(4.5);
  });
  it('tracker bars, the housing steps\' cells and hatches (their pattern strokes) and other marks stand out from the background (>= 3:1)', () => {
    for (const r of ['accent', 'bar', 'bar-muted', 'bar-inferred', 'hs-ctx', 'hs-ppl', 'commit', 'focus', 'mark-rule'] as const) expect(contrast(hex(s[r]), bg), r).toBeGreaterThanOrEqual(3);
  });
});

describe('light fallbacks in the SVG', () => {
  it.each(MARKS)('%s is the palette light value', (m) => {
    expect(PALETTE[m]).toBe(LIGHT[`chart-${m}`]);
  });
  it('text and background are the palette light values', () => {
    expect(PALETTE.text).toBe(LIGHT.fg);
    expect(PALETTE.muted).toBe(LIGHT.muted);
    expect(PALETTE.bg).toBe(LIGHT.bg);
  });
  it.each(MARKS)('charts.css colours %s marks with the custom property', (m) => {
    expect(readFileSync('src/styles/charts.css', 'utf8')).toContain(`.k-${m} { fill: var(--chart-${m}); }`.replace(/^\.k-(accent|context)/, '.k-$1, .chart-swatch .k-$1').replace(/^/, '.plot '));
  });
});

describe('the generated stylesheet', () => {
  const css = paletteCss();
  const block = (re: RegExp) => Object.fromEntries([...re.exec(css)![1]!.matchAll(/--([\w-]+):([^;}]+);/g)].map((m) => [m[1], m[2]]));
  it('has every role in light, dark, the forced themes and print', () => {
    expect(block(/^:root\{([^}]*)\}/m)).toEqual(LIGHT);
    expect(block(/prefers-color-scheme:dark\)\{:root\{([^}]*)\}/)).toEqual(DARK);
    expect(block(/data-theme='light'\]\{([^}]*)\}/)).toEqual(LIGHT);
    expect(block(/data-theme='dark'\]\{([^}]*)\}/)).toEqual(DARK);
    expect(block(/@media print\{[^{]*\{([^}]*)\}/)).toEqual(PRINT);
  });
  it('no stylesheet defines a colour role of its own', () => {
    for (const f of ['global.css', 'charts.css', 'chart-popover.css']) {
      const text = readFileSync(`src/styles/${f}`, 'utf8');
      for (const role of Object.keys(LIGHT)) expect(text, `${f} --${role}`).not.toMatch(new RegExp(`--${role}\\s*:`));
    }
  });
});
