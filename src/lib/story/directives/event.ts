/** :event{#id} an event's date, linked to its sentence; `as-written` (the default) as the reply writes it. */
import { formatWrittenDate } from '../../format/date';
import { anchors } from '../../paths';
import type { DirectiveHandler } from './types';

export const event: DirectiveHandler = (s, { id, opt, line, col }) => {
  const e = s.events.get(id);
  if (!e) return s.unknown(line, col, 'event id', id, [...s.events.keys()]);
  if (!['', 'as-written'].includes(opt)) return s.unknown(line, col, 'event option', opt, ['as-written']);
  // the date as the reply writes it (2022年秋季学期, 2022年底), read from the event's own sentence
  return { t: 'date', text: formatWrittenDate(e.date, s.locale, [e.quote]), href: `${s.source}#${anchors.event(e.id)}` };
};
