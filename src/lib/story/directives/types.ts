import type { Scope } from '../scope';
import type { Inline } from '../types';

/** One directive as written: :name{#id option} (or :name[option]{#id} for term and link); arg: "id option"; line and column for problems. */
export interface DirectiveArgs {
  arg: string;
  id: string;
  opt: string;
  line: number;
  col: number;
}
/** A directive kind: the inline it stands for, or null after recording a problem in the scope. */
export type DirectiveHandler = (s: Scope, d: DirectiveArgs) => Inline | null;
