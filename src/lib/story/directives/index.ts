/** The story's inline directives: kind -> handler (one file each). The order is the one an "unknown directive" problem lists. */
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

/** Resolve {name:arg} at line:col, or record a problem and return null. */
export function directive(s: Scope, name: string, arg: string, line: number, col: number): Inline | null {
  const [id = '', opt = ''] = arg.split('|').map((x) => x.trim());
  const handler = Object.hasOwn(DIRECTIVES, name) ? DIRECTIVES[name] : undefined;
  if (!handler) return s.unknown(line, col, 'directive', name, Object.keys(DIRECTIVES));
  return handler(s, { arg, id, opt, line, col });
}
