/** :quote{#fig:id} / :quote{#com:id} the verbatim sentence a figure or a commitment comes from. */
import { anchors } from '../../paths';
import type { DirectiveHandler } from './types';

export const quote: DirectiveHandler = (s, { id, line, col }) => {
  const [kind, qid = ''] = id.split(':');
  if (kind === 'fig') {
    const f = s.figs.get(qid);
    if (!f) return s.unknown(line, col, 'figure id', qid, [...s.figs.keys()]);
    s.cite(f.id);
    return { t: 'quote', text: f.quote, href: s.figHref(f.id), lang: 'zh-CN' };
  }
  if (kind === 'com') {
    const c = s.coms.get(qid);
    if (!c) return s.unknown(line, col, 'commitment id', qid, [...s.coms.keys()]);
    return { t: 'quote', text: c.quote, href: `${s.source}#${anchors.commitment(c.id)}`, lang: 'zh-CN' };
  }
  return s.unknown(line, col, 'quote kind', id, ['fig:<id>', 'com:<id>']);
};
