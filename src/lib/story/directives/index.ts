/** The story's inline directives: kind -> handler (one file each). The order is the one an "unknown directive" problem lists. */
import type { DirectiveUse } from '../../data/prose';
import type { Scope } from '../scope';
import type { Inline } from '../types';
import { count } from './count';
import { date } from './date';
import { der } from './der';
import { event } from './event';
import { fig } from './fig';
import { link } from './link';
import { meta } from './meta';
import { period } from './period';
import { quote } from './quote';
import { term } from './term';
import type { DirectiveHandler } from './types';

export type { DirectiveArgs, DirectiveHandler } from './types';

export const DIRECTIVES: Record<string, DirectiveHandler> = { fig, der, period, event, date, count, term, quote, meta, link };

/** Directives whose [text] is their option: the words a term or a link is shown as. */
const LABELLED = new Set(['term', 'link']);

/** Resolve one text directive (:name{#id option} or :name[text]{#id}), or record a problem and return null. */
export function directive(s: Scope, d: DirectiveUse): Inline | null {
  const { name, line, col } = d;
  const handler = Object.hasOwn(DIRECTIVES, name) ? DIRECTIVES[name] : undefined;
  if (!handler) return s.unknown(line, col, 'directive', name, Object.keys(DIRECTIVES));
  const labelled = LABELLED.has(name);
  const extra = [...d.other, ...(labelled ? d.options : d.options.slice(1)), ...(!labelled && d.label !== null ? [`[${d.label}]`] : [])];
  if (extra.length) {
    s.problems.push({ file: s.file, line, column: String(col), message: `:${name} takes ${labelled ? '[text] and {#id}' : '{#id} and at most one option'}`, found: d.source, fix: labelled ? `write :${name}[text]{#id}` : `write :${name}{#id} or :${name}{#id option}` });
    return null;
  }
  const opt = labelled ? (d.label ?? '') : (d.options[0] ?? '');
  return handler(s, { arg: [d.id, opt].filter(Boolean).join(' '), id: d.id, opt, line, col });
}
