#!/usr/bin/env node
/**
 * node bench/png-renderers.mjs [dist]
 * Times SVG -> PNG (2x) for every chart download SVG of a built site with sharp
 * (librsvg; what the build uses) and, if it is installed
 * (`npm install --no-save @resvg/resvg-js`), with resvg-js loading the system fonts
 * (fonts-noto-cjk for the Chinese text). One pass each, sequential, ms per PNG.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const dist = path.resolve(process.argv[2] || 'dist');
const svgs = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\/charts\/[^/]+\/[^/]+\.svg$/.test(p.split(path.sep).join('/'))) svgs.push(fs.readFileSync(p));
  }
};
walk(dist);
if (!svgs.length) throw new Error(`no chart SVGs under ${dist}: build first`);
const time = async (fn) => {
  await fn(svgs[0]); // warm up (font caches)
  const t = performance.now();
  let bytes = 0;
  for (const s of svgs) bytes += (await fn(s)).length;
  return { msPerPng: Math.round((performance.now() - t) / svgs.length), kbPerPng: Math.round(bytes / svgs.length / 1024) };
};
const out = { pngs: svgs.length };
out['sharp, zlib 9'] = await time((s) => sharp(s, { density: 144 }).png({ compressionLevel: 9 }).toBuffer());
out['sharp, zlib 6 (the build)'] = await time((s) => sharp(s, { density: 144 }).png({ compressionLevel: 6 }).toBuffer());
try {
  const { Resvg } = await import('@resvg/resvg-js');
  const opts = { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } };
  out['resvg-js, system fonts'] = await time(async (s) => new Resvg(s, opts).render().asPng());
} catch (e) {
  out['resvg-js'] = `not measured: ${e.code === 'ERR_MODULE_NOT_FOUND' ? 'not installed' : e.message}`;
}
console.log(JSON.stringify(out, null, 2));
