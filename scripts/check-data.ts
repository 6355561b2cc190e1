/**
 * npm run check:data — validate everything under data/ and print one line per
 * problem (file:line, column, what was found, what is expected, the fix).
 * Exits 1 on any problem. Used by `npm run build` before Astro runs.
 */
import { loadDataset, formatProblems } from '../src/lib/data/index';

const root = process.argv[2] ?? (process.env.DATA_ROOT || process.cwd());
try {
  const { dataset, problems } = loadDataset(root);
  if (!dataset) {
    console.error(formatProblems(problems));
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
