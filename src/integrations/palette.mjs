/**
 * `virtual:palette.css`: the colour custom properties, generated at build (and in
 * dev) from src/lib/palette.ts, so the palette is written once, in TypeScript,
 * and feeds the CSS, the chart SVGs' fallbacks and the exports alike. Vite's CSS
 * pipeline bundles it like any stylesheet (no inline <style>, so the CSP holds).
 */
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ID = 'virtual:palette.css';
// a path-like id ending in .css, so Vite treats it as a stylesheet
const RESOLVED = '\0virtual:palette.css';
const source = fileURLToPath(new URL('../lib/palette.ts', import.meta.url));

/** @returns {import('vite').Plugin} */
export function palettePlugin() {
  return {
    name: 'palette-css',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(source);
      // a fresh import each time, so an edit in dev shows without a restart
      const mod = await tsImport(`${source}?t=${Date.now()}`, import.meta.url);
      return mod.paletteCss();
    },
  };
}

/** @returns {import('astro').AstroIntegration} */
export default function palette() {
  return {
    name: 'palette',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => updateConfig({ vite: { plugins: [palettePlugin()] } }),
    },
  };
}
