import { loadDataset } from './load';
import { DataError } from './problems';
import type { Dataset, Reply } from './model';

let cached: Dataset | undefined;

/** Where `data/` lives: the working directory, or DATA_ROOT (the benchmark's synthetic data). */
export const dataRoot = (): string => process.env.DATA_ROOT || process.cwd();

/**
 * The validated dataset, loaded once per process from `data/` under the
 * working directory (or DATA_ROOT). Throws DataError (whose message lists every problem)
 * if anything is wrong; `npm run build` runs the same check first.
 */
export function getDataset(root: string = dataRoot()): Dataset {
  if (cached) return cached;
  const { dataset, problems } = loadDataset(root);
  if (!dataset) throw new DataError(problems);
  cached = dataset;
  return dataset;
}

export function getReply(id: string): Reply {
  const r = getDataset().replies.find((x) => x.id === id);
  if (!r) throw new Error(`no reply with id ${id}`);
  return r;
}

export * from './model';
export type { Problem } from './problems';
export { formatProblems, formatProblem, DataError } from './problems';
export { loadDataset, loadReply } from './load';

