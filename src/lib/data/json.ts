/**
 * Reading a JSON file of a reply folder: the line of an offset, a parse
 * that reports a syntax error as one problem with its line and a fix, and
 * the read of a file the folder may leave out (charts.json, copy.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './problems';
import { decodeUtf8 } from './csv';

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

/**
 * An optional JSON file of a folder (`rel` under `root`): its text and parsed value, or undefined
 * when it is not there, is not UTF-8 or is not valid JSON (each of the last two one problem).
 */
export function readOptionalJson(root: string, rel: string, problems: Problem[]): { text: string; json: unknown } | undefined {
  const file = path.join(root, rel);
  if (!fs.existsSync(file)) return undefined;
  // the same decoding as every other file of the folder: a file not in UTF-8 is one clear problem
  const { text, problem } = decodeUtf8(fs.readFileSync(file), rel);
  if (problem) problems.push(problem);
  if (text === undefined) return undefined;
  const json = parseJson(text, rel, problems);
  return json === undefined ? undefined : { text, json };
}
