/** One thing wrong with the data, said so that a person can fix it. */
export interface Problem {
  /** Path relative to the project root, e.g. data/replies/cixi-2022-152/figures.csv */
  file: string;
  /** 1-based line in the file, where there is one. */
  line?: number;
  column?: string;
  message: string;
  found?: string;
  expected?: string;
  fix?: string;
}

/** The thrown form of a list of problems: caught by the CLI and printed, never a stack trace. */
export class DataError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'DataError';
  }
}

function clip(s: string, n = 80): string {
  const one = s.replace(/\r?\n/g, '⏎');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** `file:line: column "x": message; found "…", expected …. Fix: …` */
export function formatProblem(p: Problem): string {
  // One line per problem, whatever text from the data the parts quote.
  const one = (s: string) => s.replace(/\r?\n/g, '⏎');
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const col = p.column ? ` column "${one(p.column)}":` : '';
  const found = p.found !== undefined ? `; found "${clip(p.found)}"` : '';
  const expected = p.expected ? `, expected ${one(p.expected)}` : '';
  const fix = p.fix ? `. Fix: ${one(p.fix)}` : '';
  return `${where}:${col} ${one(p.message)}${found}${expected}${fix}`;
}

export function formatProblems(problems: Problem[]): string {
  const n = problems.length;
  return [`${n} problem${n === 1 ? '' : 's'} in the data:`, ...problems.map((p) => '  ' + formatProblem(p))].join('\n');
}
