import type { Scope } from '../scope';
import type { Inline } from '../types';

/** One directive as written: {name:arg}, arg split at | into id and option; line and column for problems. */
export interface DirectiveArgs {
  arg: string;
  id: string;
  opt: string;
  line: number;
  col: number;
}
/** A directive kind: the inline it stands for, or null after recording a problem in the scope. */
export type DirectiveHandler = (s: Scope, d: DirectiveArgs) => Inline | null;
