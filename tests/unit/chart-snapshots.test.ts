/**
 * One deterministic SVG snapshot per chart, view (and panel drawn below the
 * views), drawing (wide / narrow) and locale, for the declared charts of the
 * real reply (tests/snapshots/<chart>.<view>[-narrow].<locale>.svg) and the
 * automatic charts of the synthetic second reply
 * (tests/snapshots/<reply-id>.<chart>.<view>[-narrow].<locale>.svg). Numbers are
 * rounded to 2 decimals and ids renumbered before comparing. A mismatch writes
 * <name>-changed.svg beside the snapshot (look at both) and fails;
 * UPDATE_SNAPSHOTS=1 rewrites the snapshots. A missing snapshot is written
 * locally, and FAILS under CI=true.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import path from 'node:path';
import { getDataset, loadDataset } from '../../src/lib/data';
import { chartsFor } from '../../src/lib/charts';
import { renderPlot } from '../../src/lib/charts/render';

const DIR = join(process.cwd(), 'tests/snapshots');
const update = process.env.UPDATE_SNAPSHOTS === '1';
/** Under CI=true a missing snapshot fails (outside CI it is written, as a new baseline). */
const ci = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** Round every decimal to 2 places, renumber ids, one element per line for readable diffs. */
export function normalise(svg: string): string {
  const ids = new Map<string, string>();
  let out = svg.replace(/\d+\.\d+/g, (m) => String(Math.round(Number(m) * 100) / 100));
  out.replace(/\sid="([^"]+)"/g, (_, id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
    return '';
  });
  // and the references to them (a waffle's url(#pattern)), so a snapshot still draws
  for (const [from, to] of ids) out = out.split(`"${from}"`).join(`"${to}"`).split(`url(#${from})`).join(`url(#${to})`);
  return out.replace(/></g, '>\n<') + '\n';
}

mkdirSync(DIR, { recursive: true });
const main = getDataset().replies[0]!;
const second = loadDataset(path.join(process.cwd(), 'tests', 'fixtures', 'second-reply')).dataset!.replies[0]!;

describe.each([
  ['zh-CN', main, ''],
  ['en', main, ''],
  ['zh-CN', second, `${second.id}.`],
  ['en', second, `${second.id}.`],
] as const)('chart snapshots (%s) %#', (locale, reply, prefix) => {
  for (const spec of chartsFor(reply, locale)) {
    for (const view of [...spec.views, ...(spec.after ?? [])]) {
      for (const frame of ['wide', 'narrow'] as const) {
        const options = view[frame];
        if (!options) continue;
        const name = `${prefix}${spec.id}.${view.id}${frame === 'narrow' ? '-narrow' : ''}.${locale}`;
        it(name, () => {
          const svg = normalise(renderPlot(options, { label: spec.title, description: spec.description, locale: spec.locale, idPrefix: `${spec.id}-${view.id}` }));
          const file = join(DIR, `${name}.svg`);
          const changed = join(DIR, `${name}-changed.svg`);
          if (!update && !existsSync(file) && ci) {
            // In CI a missing snapshot is a failure, not a new baseline: nothing would be compared.
            writeFileSync(changed, svg);
            expect.fail(`${name}.svg is missing: run the snapshot test locally (it writes new snapshots) and commit tests/snapshots/${name}.svg`);
          }
          if (update || !existsSync(file)) {
            writeFileSync(file, svg);
            rmSync(changed, { force: true });
            return;
          }
          const want = readFileSync(file, 'utf8');
          if (want !== svg) writeFileSync(changed, svg);
          else rmSync(changed, { force: true });
          expect(svg === want, `${name}.svg changed: compare it with ${name}-changed.svg (UPDATE_SNAPSHOTS=1 to accept)`).toBe(true);
        });
      }
    }
  }
});
