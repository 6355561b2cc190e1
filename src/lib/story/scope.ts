/**
 * What resolving one story needs besides its text: the reply's ids looked up
 * once, the hrefs every directive links to, the figures cited and the terms
 * used so far, and the list of problems found.
 */
import type { Figure, GlossaryTerm, Locale, Reply, ReplyEvent } from '../data/model';
import type { Problem } from '../data/problems';
import { derivedFigures, type Derived } from '../derived';
import { anchors, pagePath, routes } from '../paths';
import { storyRoutes } from './anchors';
import type { ResolveContext } from './types';

export interface Scope {
  ctx: ResolveContext;
  reply: Reply;
  glossary: GlossaryTerm[];
  locale: Locale;
  base: string;
  file: string;
  problems: Problem[];
  figs: Map<string, Figure>;
  coms: Map<string, Reply['commitments'][number] | Reply['statements'][number]>;
  events: Map<string, ReplyEvent>;
  derived: Map<string, Derived>;
  charts: Set<string>;
  /** The reply's source page, its home and the glossary, in this locale. */
  source: string;
  home: string;
  glossaryHref: string;
  usedTerms: Set<string>;
  /** Figure ids cited, in order of first mention. */
  cited: string[];
  cite: (id: string) => void;
  figHref: (id: string) => string;
  derHref: (id: string) => string;
  /** Records "unknown <what>" at line:col; returns null so a handler can `return s.unknown(...)`. */
  unknown: (line: number, col: number, what: string, found: string, known: string[]) => null;
}

export function makeScope(file: string, ctx: ResolveContext): Scope {
  const { reply, glossary, locale, base } = ctx;
  const problems: Problem[] = [];
  const source = pagePath(base, locale, routes.source(reply.id));
  const cited: string[] = [];
  return {
    ctx,
    reply,
    glossary,
    locale,
    base,
    file,
    problems,
    figs: new Map(reply.figures.map((f) => [f.id, f])),
    coms: new Map([...reply.commitments, ...reply.statements].map((c) => [c.id, c])),
    events: new Map(reply.events.map((e) => [e.id, e])),
    derived: new Map(derivedFigures(reply).map((d) => [d.id, d])),
    charts: new Set<string>(ctx.charts ?? []),
    source,
    home: pagePath(base, locale, routes.home),
    glossaryHref: pagePath(base, locale, storyRoutes.glossary),
    usedTerms: new Set<string>(),
    cited,
    cite: (id) => {
      if (!cited.includes(id)) cited.push(id);
    },
    figHref: (id) => `${source}#${anchors.figure(id)}`,
    // derived figures are listed, with formulas, in the table on the reply's data page
    derHref: (id) => `${pagePath(base, locale, routes.data(reply.id))}#${anchors.derived(id)}`,
    unknown: (line, col, what, found, known) => {
      problems.push({
        file,
        line,
        column: String(col),
        message: `unknown ${what}`,
        found,
        expected: known.length > 12 ? `one of ${known.slice(0, 12).join(', ')}, …` : `one of ${known.join(', ')}`,
        fix: `use an id from the data, or add the ${what.split(' ')[0]} to data/`,
      });
      return null;
    },
  };
}
