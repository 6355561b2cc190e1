/**
 * The site's colours, written once. Each role is a CSS custom property
 * (`--bg`, `--chart-accent`...) in three schemes: light, dark (the reader's
 * `prefers-color-scheme`, or an embed's forced `data-theme`) and print (black
 * on white whatever the screen uses). `paletteCss()` turns them into the
 * stylesheet that src/integrations/palette.mjs serves as `virtual:palette.css`
 * (imported by Layout and the embed page, before global.css); the charts'
 * light fallbacks written into the SVG (PALETTE), the standalone exports and
 * the legend swatches read the same objects. Contrast of every pair that
 * matters is checked in tests/unit/charts-palette.test.ts.
 *
 * Roles: text --fg, secondary text --muted, lines --rule, panels --surface,
 * the one accent (marks, links) --accent/--link, highlighted statistics
 * --mark, commitments --commit, keyboard focus --focus; the housing steps'
 * context and people --hs-ctx/--hs-ppl; the tracker's bars --bar, --bar-muted,
 * --bar-inferred on --track; chart marks --chart-*: the accent, context
 * (grey) and three Okabe-Ito levels.
 */

const light = {
  bg: '#ffffff',
  fg: '#1a1a1a',
  muted: '#595959',
  rule: '#d0d0d0',
  surface: '#f5f5f2',
  accent: '#0b5cad',
  'accent-fg': '#ffffff',
  link: '#0b5cad',
  mark: '#fff1b8',
  'mark-fg': '#1a1a1a',
  'mark-rule': '#8a6d00',
  commit: '#0b7a5c',
  focus: '#c2410c',
  shadow: 'rgb(0 0 0 / 25%)',
  'hs-ctx': '#808080',
  'hs-ppl': '#c45200',
  track: '#f5f5f2',
  bar: '#0b5cad',
  'bar-muted': '#595959',
  'bar-inferred': '#0b7a5c',
  'chart-accent': '#0b5cad',
  'chart-context': '#8c8c8c',
  'chart-l1': '#0072b2',
  'chart-l2': '#d55e00',
  'chart-l3': '#009e73',
};
export type Role = keyof typeof light;
export type Scheme = Readonly<Record<Role, string>>;

export const LIGHT: Scheme = light;

export const DARK: Scheme = {
  bg: '#141414',
  fg: '#ececec',
  muted: '#b3b3b3',
  rule: '#444444',
  surface: '#1f1f1f',
  accent: '#7cb8f2',
  'accent-fg': '#141414',
  link: '#8cc4ff',
  mark: '#5a4a06',
  'mark-fg': '#fff6cc',
  'mark-rule': '#e0c04d',
  commit: '#5fd1ad',
  focus: '#ffa366',
  shadow: 'rgb(0 0 0 / 25%)',
  'hs-ctx': '#8f8f8f',
  'hs-ppl': '#f0a040',
  track: '#1f1f1f',
  bar: '#7cb8f2',
  'bar-muted': '#b3b3b3',
  'bar-inferred': '#5fd1ad',
  'chart-accent': '#7cb8f2',
  'chart-context': '#8a8a8a',
  'chart-l1': '#56b4e9',
  'chart-l2': '#e69f00',
  'chart-l3': '#009e73',
};

/** Print: the light scheme in black on white, with bars in black and grey. */
export const PRINT: Scheme = {
  ...light,
  bg: '#ffffff',
  fg: '#000000',
  muted: '#333333',
  rule: '#999999',
  surface: '#ffffff',
  link: '#000000',
  'mark-fg': '#000000',
  track: '#eeeeee',
  bar: '#000000',
  'bar-muted': '#666666',
  'bar-inferred': '#000000',
};

/** Light-scheme fallbacks written into chart SVGs, by the class suffix of charts.css (`k-accent`...). */
export const PALETTE = {
  accent: light['chart-accent'],
  context: light['chart-context'],
  l1: light['chart-l1'],
  l2: light['chart-l2'],
  l3: light['chart-l3'],
  text: light.fg,
  muted: light.muted,
  bg: light.bg,
} as const;

const decls = (s: Scheme) =>
  Object.entries(s)
    .map(([k, v]) => `--${k}:${v};`)
    .join('');

/** The stylesheet of custom properties: light by default, dark by preference or forced theme, print. */
export function paletteCss(): string {
  return [
    '/* generated from src/lib/palette.ts by src/integrations/palette.mjs: edit the colours there */',
    `:root{color-scheme:light dark;${decls(LIGHT)}}`,
    `@media (prefers-color-scheme:dark){:root{${decls(DARK)}}}`,
    // forced themes (the embed's ?theme=), over the reader's preference
    `:root[data-theme='light']{color-scheme:light;${decls(LIGHT)}}`,
    `:root[data-theme='dark']{color-scheme:dark;${decls(DARK)}}`,
    `@media print{:root,:root[data-theme]{color-scheme:light;${decls(PRINT)}}}`,
    '',
  ].join('\n');
}
