/** :period{#id} a figure's period in words (2021年 / 2021), linked to its sentence. */
import { figureQuotes, formatPeriod } from '../../format/date';
import type { DirectiveHandler } from './types';

export const period: DirectiveHandler = (s, { id, line, col }) => {
  const f = s.figs.get(id);
  if (!f) return s.unknown(line, col, 'figure id', id, [...s.figs.keys()]);
  s.cite(f.id);
  return { t: 'date', text: formatPeriod(f.period, s.locale, f.measure, figureQuotes(s.reply, f)), href: s.figHref(f.id) };
};
