/**
 * The layers run one way (.dependency-cruiser.cjs names them: data -> derive ->
 * present -> story/charts -> site -> components/pages). dependency-cruiser reads
 * TypeScript but not .astro files, so the check runs on a shadow copy of src/
 * where each .astro file becomes <name>.astro.ts holding its front matter and
 * its <script> blocks (the only places it imports from); `./X.astro` then
 * resolves to `./X.astro.ts`, and names are mapped back in the results.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

interface Violation { rule: string; from: string; to: string }

/** The script parts of an .astro file: front matter and <script> bodies. */
function astroScripts(text: string): string {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

function shadow(src: string, dir: string): void {
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, e.name);
    if (e.isDirectory()) {
      fs.mkdirSync(path.join(dir, e.name), { recursive: true });
      shadow(from, path.join(dir, e.name));
    } else if (e.name.endsWith('.astro')) fs.writeFileSync(path.join(dir, `${e.name}.ts`), astroScripts(fs.readFileSync(from, 'utf8')));
    else fs.copyFileSync(from, path.join(dir, e.name));
  }
}

/** Run the layer rule on a project root holding src/ (and site.config.mjs). */
export function cruiseLayers(root: string): Violation[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  try {
    fs.mkdirSync(path.join(tmp, 'src'));
    shadow(path.join(root, 'src'), path.join(tmp, 'src'));
    fs.copyFileSync(path.join(root, 'site.config.mjs'), path.join(tmp, 'site.config.mjs'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'));
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', 'src'],
      { cwd: tmp, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    if (!r.stdout) throw new Error(`dependency-cruiser failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    const name = (f: string) => f.replace(/\.astro\.ts$/, '.astro');
    return out.summary.violations.map((v) => ({ rule: v.rule.name, from: name(v.from), to: name(v.to) }));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('the layers', () => {
  it('src/ imports only downward (and only the site layer reads the store)', { timeout: 60_000 }, () => {
    expect(cruiseLayers(ROOT)).toEqual([]);
  });

  it('a wrong-way import is named, both files', { timeout: 60_000 }, () => {
    // a small project of four files (the rule reads paths, not contents): the whole src/ is cruised above
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-wrong-'));
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    };
    try {
      fs.copyFileSync(path.join(ROOT, 'site.config.mjs'), path.join(tmp, 'site.config.mjs'));
      put('src/lib/format/number.ts', 'export const formatNumber = (n: number): string => String(n);\n');
      put('src/lib/data/index.ts', 'export const getDataset = (): null => null;\n');
      // The data layer reaching up for a way of writing numbers.
      put('src/lib/data/formula.ts', `import { formatNumber } from '../format/number';\nexport const wrongWay = formatNumber;\n`);
      // A component reading the store itself.
      put('src/components/Segments.astro', `---\nimport { getDataset } from '../lib/data';\nconst unused = getDataset;\n---\n<p>x</p>\n`);
      const v = cruiseLayers(tmp);
      expect(v).toContainEqual({ rule: 'data-imports-upward', from: 'src/lib/data/formula.ts', to: 'src/lib/format/number.ts' });
      expect(v).toContainEqual({ rule: 'store-outside-site', from: 'src/components/Segments.astro', to: 'src/lib/data/index.ts' });
      expect(v).toHaveLength(2);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
