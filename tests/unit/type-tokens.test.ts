/**
 * The type scale and the colour roles are written once: sizes, scale line
 * heights and custom properties in src/styles/global.css, colours in
 * src/lib/palette.ts. Every other stylesheet and every <style> block of a
 * component or page uses them (var(--step-1), var(--muted)...). A raw
 * font-size, line-height or colour anywhere else fails with its file:line.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const SRC = 'src';
const DEFINITIONS = 'src/styles/global.css';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(css|astro)$/.test(e.name) ? [p] : [];
  });
}

/** The CSS of a file, everything else blanked (newlines kept, so lines count as in the file); comments blanked too. */
export function cssOf(file: string, text: string): string {
  const keep = file.endsWith('.css')
    ? text
    : text.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)|[^\n]/g, (m, open?: string, body?: string, close?: string) =>
        open ? open.replace(/[^\n]/g, ' ') + body + close!.replace(/[^\n]/g, ' ') : m === '\n' ? m : ' ',
      );
  return keep.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

const NAMED = /\b(white|black|red|green|blue|gr[ae]y|silver|yellow|orange|purple|navy|teal|maroon|olive|lime|aqua|fuchsia|pink|brown)\b/i;
const FUNC = /\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#[0-9a-f]{3,8}\b/i;

/** Problems of one file's CSS: `file:line: what`. */
export function problems(file: string, css: string): string[] {
  const out: string[] = [];
  css.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const d of line.matchAll(/(?:^|[;{\s])(--[\w-]+|[a-z-]+)\s*:\s*([^;{}]+)/g)) {
      const prop = d[1]!;
      const value = d[2]!.trim();
      if (prop.startsWith('--')) {
        if (file !== DEFINITIONS) out.push(`${at}: custom property ${prop} defined outside ${DEFINITIONS} (colours: src/lib/palette.ts)`);
        else if (HEX.test(value) || FUNC.test(value)) out.push(`${at}: colour in ${prop}: colours belong in src/lib/palette.ts`);
        continue;
      }
      if (prop === 'font-size' && !/^(var\(--[\w-]+\)|inherit)(\s*!important)?$/.test(value)) out.push(`${at}: raw font-size "${value}": use a --step-* (or --print-*) token`);
      if (prop === 'font' && !/^inherit$/.test(value)) out.push(`${at}: font shorthand "${value}": set font-size with a token`);
      if (prop === 'line-height' && !/^(var\(--[\w-]+\)|0|1|normal|inherit)(\s*!important)?$/.test(value)) out.push(`${at}: raw line-height "${value}": use a --leading-* token`);
      if (/^(-webkit-)?(font|font-family|content|grid-template-areas|counter-reset|quotes)$/.test(prop)) continue;
      const v = value.replace(/var\(--[\w-]+\)/g, '');
      if (HEX.test(v) || FUNC.test(v) || NAMED.test(v)) out.push(`${at}: raw colour in ${prop} "${value}": use a colour role (src/lib/palette.ts)`);
    }
  });
  return out;
}

describe('type scale and colour roles', () => {
  const all = files(SRC);
  it('finds the stylesheets and components', () => {
    expect(all).toContain(DEFINITIONS);
    expect(all.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(10);
  });
  it('no raw font-size, line-height or colour outside the token definitions', () => {
    const found = all.flatMap((f) => problems(f, cssOf(f, fs.readFileSync(f, 'utf8'))));
    expect(found, found.join('\n')).toEqual([]);
  });
  it('catches a raw size, a raw colour and a custom property of its own, with file:line', () => {
    const css = cssOf('x.astro', '---\nconst a = "#fff";\n---\n<p style="color:red">x</p>\n<style>\n  .a { font-size: 0.9rem; color: #333; }\n  .b { --c: 1px; border: 1px solid rgb(0 0 0); }\n  .c { font-size: var(--step-1); color: var(--muted); line-height: 1.45; }\n</style>\n');
    expect(problems('x.astro', css)).toEqual([
      'x.astro:6: raw font-size "0.9rem": use a --step-* (or --print-*) token',
      'x.astro:6: raw colour in color "#333": use a colour role (src/lib/palette.ts)',
      'x.astro:7: custom property --c defined outside src/styles/global.css (colours: src/lib/palette.ts)',
      'x.astro:7: raw colour in border "1px solid rgb(0 0 0)": use a colour role (src/lib/palette.ts)',
      'x.astro:8: raw line-height "1.45": use a --leading-* token',
    ]);
  });
});
