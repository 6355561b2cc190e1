/** :fig{#id} a figure: value, qualifier and unit, linked to its sentence; :fig{#id bare} without the unit, :fig{#id short} the chart form (500+). */
import { formatValue, figureLabel } from '../../format/figure';
import type { DirectiveHandler } from './types';

export const fig: DirectiveHandler = (s, { id, opt, line, col }) => {
  const f = s.figs.get(id);
  if (!f) return s.unknown(line, col, 'figure id', id, [...s.figs.keys()]);
  if (!['', 'bare', 'short'].includes(opt)) return s.unknown(line, col, 'figure option', opt, ['bare', 'short']);
  s.cite(f.id);
  const text =
    opt === 'bare'
      ? formatValue(f, s.locale, { unit: false })
      : opt === 'short'
        ? formatValue(f, s.locale, { style: 'short' })
        : formatValue(f, s.locale);
  return { t: 'num', kind: 'fig', id: f.id, text, href: s.figHref(f.id), title: figureLabel(f, s.locale) };
};
