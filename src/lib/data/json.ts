/**
 * Reading a JSON file of a reply folder: the line of an offset, and a parse
 * that reports a syntax error as one problem with its line and a fix.
 */
import type { Problem } from './problems';

/** The 1-based line of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

/** The parsed JSON, or undefined with one problem naming the line of the syntax error. */
export function parseJson(text: string, rel: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    problems.push({
      file: rel,
      line: pos ? lineOf(text, Number(pos[1])) : undefined,
      message: `the file is not valid JSON (${msg.replace(/ in JSON at position \d+.*$/, '')})`,
      fix: 'check for a missing comma, quote or brace near that line',
    });
    return undefined;
  }
}
