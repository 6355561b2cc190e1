/**
 * :count{#commitments} how many commitments (options deadline, number, neither, with-target:
 * :count{#commitments deadline}); :count{#figures} (derived, not-figures, glossary, paragraphs) how many of those.
 */
import type { Commitment } from '../../data/model';
import { formatNumber } from '../../format/number';
import { pagePath, routes } from '../../paths';
import type { Scope } from '../scope';
import type { DirectiveHandler } from './types';

const COUNTS: Record<string, (c: Commitment) => boolean> = {
  '': () => true,
  deadline: (c) => c.deadline !== '',
  number: (c) => c.measurable === 'number' || c.measurable === 'both',
  neither: (c) => c.measurable === 'neither',
  'with-target': (c) => c.measurable !== 'neither',
};

/** The other counts: how many, and where they are listed. */
const others = ({ reply, glossary, base, locale, glossaryHref, source }: Scope): Record<string, [number, string]> => ({
  figures: [reply.figures.length, `${pagePath(base, locale, routes.data(reply.id))}#figures-${reply.id}`],
  derived: [reply.derivedDefs.length, `${pagePath(base, locale, routes.data(reply.id))}#derived-${reply.id}`],
  'not-figures': [reply.notFigures.length, `${pagePath(base, locale, routes.about)}#method`],
  glossary: [glossary.length, glossaryHref],
  paragraphs: [reply.paragraphs.length, source],
});

export const count: DirectiveHandler = (s, { arg, id, opt, line, col }) => {
  const OTHER = others(s);
  const o = OTHER[id];
  if (o) return { t: 'num', kind: 'count', id, text: formatNumber(o[0], s.locale), href: o[1], title: '' };
  const test = COUNTS[id === 'commitments' ? opt : '\u0000'];
  if (!test) return s.unknown(line, col, 'count', arg, [...Object.keys(OTHER), 'commitments', ...Object.keys(COUNTS).filter(Boolean).map((k) => `commitments ${k}`)]);
  const n = s.reply.commitments.filter(test).length;
  return { t: 'num', kind: 'count', id: `commitments${opt ? '-' + opt : ''}`, text: formatNumber(n, s.locale), href: `${s.source}#commitments-key`, title: '' };
};
