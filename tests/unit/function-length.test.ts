/**
 * Functions stay under about 80 lines (issue 12): a long one is split into
 * named steps. Every function, method and arrow function of src/**\/*.ts is
 * measured from its first line to its last (a function that holds another
 * counts the lines of both).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

export const MAX_LINES = 80;

/**
 * Long functions waiting for a split, each with why it waits. An entry that is
 * no longer long fails the test too, so the list only shrinks.
 */
const WAITING: Record<string, string> = {};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every function of a file longer than `max` lines: "file:line name (n lines)". */
export function longFunctions(file: string, max = MAX_LINES): { where: string; lines: number }[] {
  const text = fs.readFileSync(file, 'utf8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { where: string; lines: number }[] = [];
  const name = (n: ts.Node): string => {
    const named = (n as ts.FunctionDeclaration).name;
    if (named) return named.getText(src);
    const p = n.parent;
    if (p && ts.isVariableDeclaration(p)) return p.name.getText(src);
    if (p && ts.isPropertyAssignment(p)) return p.name.getText(src);
    return '(anonymous)';
  };
  const visit = (n: ts.Node) => {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)) {
      const start = src.getLineAndCharacterOfPosition(n.getStart(src)).line;
      const end = src.getLineAndCharacterOfPosition(n.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) out.push({ where: `${path.relative(ROOT, file)}:${start + 1} ${name(n)}`, lines });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('function length', () => {
  const all = files(path.join(ROOT, 'src')).flatMap((f) => longFunctions(f));
  const waiting = (where: string) => Object.entries(WAITING).some(([file, fn]) => where.startsWith(`${file}:`) && where.endsWith(` ${fn}`));
  it(`no function in src/ is longer than ${MAX_LINES} lines`, () => {
    expect(all.filter((l) => !waiting(l.where)).map((l) => `${l.where} (${l.lines} lines)`)).toEqual([]);
  });
  it('every function on the waiting list is still long (take it off once split)', () => {
    for (const [file, fn] of Object.entries(WAITING)) expect(all.some((l) => l.where.startsWith(`${file}:`) && l.where.endsWith(` ${fn}`)), `${file} ${fn}`).toBe(true);
  });
  it('the measure finds a long function', () => {
    const tmp = path.join(ROOT, 'node_modules', '.function-length-probe.ts');
    fs.writeFileSync(tmp, `export function long() {\n${'  void 0;\n'.repeat(MAX_LINES)}}\nexport const short = () => 1;\n`);
    try {
      expect(longFunctions(tmp).map((l) => l.where)).toEqual([expect.stringMatching(/ long$/)]);
    } finally {
      fs.rmSync(tmp);
    }
  });
});
