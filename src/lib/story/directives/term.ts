/** :term{#居住证} a glossary term (by its Chinese or its id), linked to the glossary at first use; :term[other words]{#居住证}. */
import { pick } from '../../format/pick';
import { termAnchor } from '../anchors';
import type { DirectiveHandler } from './types';

export const term: DirectiveHandler = (s, { id, opt, line, col }) => {
  const { glossary, locale } = s;
  const g = glossary.find((x) => x.term_zh === id || x.id === id);
  if (!g) return s.unknown(line, col, 'glossary term', id, glossary.map((x) => x.term_zh));
  const first = !s.usedTerms.has(g.id);
  s.usedTerms.add(g.id);
  const title = pick(locale, g.term_zh, g.term_en);
  if (!first) return { t: 'term', id: g.id, text: opt || pick(locale, g.term_zh, g.term_en), title };
  return { t: 'term', id: g.id, text: opt || pick(locale, g.term_zh, g.term_en), zh: pick(locale, undefined, g.term_zh), href: `${s.glossaryHref}#${termAnchor(g.id)}`, title };
};
