/** :der{#id} a derived figure, linked to its formula; :der{#id bare} without the unit. */
import { formatDerivedValue } from '../../format/derived';
import { figureLabel } from '../../format/figure';
import type { DirectiveHandler } from './types';

export const der: DirectiveHandler = (s, { id, opt, line, col }) => {
  const d = s.derived.get(id);
  if (!d) return s.unknown(line, col, 'derived-figure id', id, [...s.derived.keys()]);
  if (!['', 'bare'].includes(opt)) return s.unknown(line, col, 'derived-figure option', opt, ['bare']);
  return {
    t: 'num',
    kind: 'der',
    id: d.id,
    text: formatDerivedValue(d, s.locale, { unit: opt !== 'bare' }),
    href: s.derHref(d.id),
    title: figureLabel(d.def, s.locale),
  };
};
