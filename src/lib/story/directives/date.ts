/** :date{#reply} the reply's date, linked to its event; :date{#2022-06-20} a literal date (YYYY, YYYY-MM or YYYY-MM-DD). */
import { formatDate } from '../../format/date';
import { anchors } from '../../paths';
import type { DirectiveHandler } from './types';

export const date: DirectiveHandler = (s, { id, line, col }) => {
  if (id === 'reply') {
    const e = s.reply.events.find((x) => x.kind === 'reply');
    return { t: 'date', text: formatDate(s.reply.meta.date, s.locale), href: e ? `${s.source}#${anchors.event(e.id)}` : s.source };
  }
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(id)) return s.unknown(line, col, 'date', id, ['reply', 'YYYY', 'YYYY-MM', 'YYYY-MM-DD']);
  return { t: 'date', text: formatDate(id, s.locale) };
};
