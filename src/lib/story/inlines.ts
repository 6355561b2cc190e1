/** A run of prose as inlines: its text, and each text directive resolved by its handler. */
import { at, directiveUse, type PhrasingContent } from '../data/prose';
import { directive } from './directives';
import type { Scope } from './scope';
import type { Inline } from './types';

export function inlines(s: Scope, nodes: PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const stray = /[{}]/.exec(n.value);
      if (stray) {
        const { line, col } = at(n);
        s.problems.push({ file: s.file, line, column: String(col), message: 'a brace that is not part of a directive', found: n.value.slice(0, 60), fix: 'write directives as :name{#id} (node scripts/convert-story-syntax.mjs rewrites the old {name:id})' });
      }
      if (n.value) out.push({ t: 'text', text: n.value });
    } else if (n.type === 'textDirective') {
      const r = directive(s, directiveUse(n));
      if (r) out.push(r);
    } else {
      const { line, col } = at(n);
      s.problems.push({ file: s.file, line, column: String(col), message: `Markdown the story does not use (${n.type})` });
    }
  }
  // text next to text (a heading's id taken off, a line end joined) is one run, as it is written
  return out.reduce<Inline[]>((acc, x) => {
    const last = acc[acc.length - 1];
    if (x.t === 'text' && last?.t === 'text') acc[acc.length - 1] = { t: 'text', text: last.text + x.text };
    else acc.push(x);
    return acc;
  }, []);
}
