/** A line of prose as inlines: text between directives, each directive resolved by its handler. */
import { directive } from './directives';
import type { Scope } from './scope';
import { DIRECTIVE, type Inline } from './types';

export function inlines(s: Scope, text: string, line: number): Inline[] {
  const out: Inline[] = [];
  let pos = 0;
  for (const m of text.matchAll(DIRECTIVE)) {
    if (m.index! > pos) out.push({ t: 'text', text: text.slice(pos, m.index) });
    const r = directive(s, m[1]!, m[2]!, line, m.index! + 1);
    if (r) out.push(r);
    pos = m.index! + m[0].length;
  }
  if (pos < text.length) out.push({ t: 'text', text: text.slice(pos) });
  const stray = /[{}]/.exec(text.replace(DIRECTIVE, ''));
  if (stray) s.problems.push({ file: s.file, line, message: 'a brace that is not part of a directive', found: text.slice(0, 60), fix: 'write directives as {name:id}' });
  return out;
}
