/** :link[text]{#target} a page of this reply (commitments, source, charts, data, figures) or of the site (home, about, glossary). */
import { pagePath, routes } from '../../paths';
import type { Scope } from '../scope';
import type { DirectiveHandler } from './types';

const targets = ({ base, locale, reply, source, home, glossaryHref }: Scope): Record<string, string> => ({
  commitments: pagePath(base, locale, routes.commitments(reply.id)),
  source,
  charts: pagePath(base, locale, routes.charts(reply.id)),
  data: pagePath(base, locale, routes.data(reply.id)),
  home,
  figures: `${pagePath(base, locale, routes.data(reply.id))}#figures-${reply.id}`,
  about: pagePath(base, locale, routes.about),
  glossary: glossaryHref,
});

export const link: DirectiveHandler = (s, { id, opt, line, col }) => {
  const LINKS = targets(s);
  const href = LINKS[id];
  if (!href) return s.unknown(line, col, 'link target', id, Object.keys(LINKS));
  return { t: 'link', text: opt || id, href };
};
