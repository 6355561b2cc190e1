/**
 * npm run check:data — validate everything under data/ and print one line per
 * problem (file:line, column, what was found, what is expected, the fix).
 * Exits 1 on any problem. Used by `npm run build` before Astro runs.
 */
import { loadDataset, formatProblems, DataError, LOCALES } from '../src/lib/data/index';
import type { Problem } from '../src/lib/data/index';
import { loadProse, loadStory } from '../src/lib/story';
import { chartsFor } from '../src/lib/charts';
import { contactLink } from '../src/lib/site';

const root = process.argv[2] ?? (process.env.DATA_ROOT || process.cwd());
try {
  const { dataset, problems } = loadDataset(root);
  if (!dataset) {
    console.error(formatProblems(problems));
    process.exit(1);
  }
  // the prose too: unknown ids and typed digits in src/content/ stop the build here, before Astro runs
  // Prose belongs to the project, not to the data root (DATA_ROOT may point at synthetic data).
  const project = process.cwd();
  const prose: Problem[] = [];
  for (const locale of LOCALES) {
    const glossary = dataset.glossary;
    const tasks = [
      ...dataset.replies.map((reply) => () => loadStory(project, { reply, glossary, locale, base: '/', chartIds: chartsFor(reply, locale).map((c) => c.id) })),
      ...dataset.replies.slice(0, 1).map((reply) => () => loadProse(project, 'about', { reply, glossary, locale, base: '/', contact: contactLink() })),
    ];
    for (const task of tasks) {
      try {
        task();
      } catch (e) {
        if (e instanceof DataError) prose.push(...e.problems);
        else throw e;
      }
    }
  }
  if (prose.length) {
    console.error(formatProblems(prose).replace('in the data:', 'in the prose:'));
    process.exit(1);
  }
  const figures = dataset.replies.reduce((n, r) => n + r.figures.length, 0);
  const commitments = dataset.replies.reduce((n, r) => n + r.commitments.length, 0);
  console.log(`data ok: ${dataset.replies.length} repl${dataset.replies.length === 1 ? 'y' : 'ies'}, ${figures} figures, ${commitments} commitments, ${dataset.glossary.length} glossary terms`);
} catch (e) {
  // A bug in the checker itself: still one line, never a stack trace.
  console.error(`check:data failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
