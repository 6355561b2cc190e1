/**
 * :meta{#field} the reply's metadata: delegate, proposal-title, proposal-title-zh,
 * proposal-number, session, body, title, title-zh, licence, source-kind,
 * translation, contact (the error-report contact).
 */
import { formatNumber } from '../../format/number';
import { pick } from '../../format/pick';
import { anchors } from '../../paths';
import type { Scope } from '../scope';
import type { Inline } from '../types';
import type { DirectiveHandler } from './types';

const FIELDS: Record<string, (s: Scope) => Inline> = {
  delegate: ({ reply, locale }) => ({ t: 'meta', text: pick(locale, reply.meta.proposal.delegate_zh, reply.meta.proposal.delegate_en) }),
  'proposal-title': ({ reply, locale }) => ({ t: 'meta', text: pick(locale, reply.meta.proposal.title_zh, reply.meta.proposal.title_en) }),
  'proposal-title-zh': ({ reply, locale }) => ({ t: 'meta', text: reply.meta.proposal.title_zh, lang: pick(locale, undefined, 'zh-CN') }),
  // the number is in the reply's title, its first paragraph
  'proposal-number': ({ reply, locale, source }) => ({ t: 'meta', text: formatNumber(reply.meta.proposal.number, locale, { wan: false }), href: `${source}#${anchors.paragraph(1)}` }),
  session: ({ reply, locale, source }) => ({ t: 'meta', text: pick(locale, reply.meta.proposal.session_zh, reply.meta.proposal.session_en), href: `${source}#${anchors.paragraph(1)}` }),
  body: ({ reply, locale }) => ({ t: 'meta', text: pick(locale, reply.meta.answering_body.zh, reply.meta.answering_body.en) }),
  title: ({ reply, locale }) => ({ t: 'meta', text: pick(locale, reply.meta.title_zh, reply.meta.title_en) }),
  'title-zh': ({ reply, locale }) => ({ t: 'meta', text: reply.meta.title_zh, lang: pick(locale, undefined, 'zh-CN') }),
  licence: ({ reply }) => ({ t: 'meta', text: reply.meta.licence.data.replace(/-/g, ' ') }),
  'source-kind': ({ reply, locale }) => ({ t: 'meta', text: pick(locale, reply.meta.source.kind_zh, reply.meta.source.kind_en) }),
  translation: ({ reply, locale }) => ({ t: 'meta', text: pick(locale, reply.meta.translation.by_zh, reply.meta.translation.by_en) }),
  // where to report an error: site.config.mjs (ERROR_CONTACT)
  contact: ({ ctx }) => {
    if (!ctx.contact) throw new Error(':meta{#contact} needs the contact: pass contact (contactLink() of src/lib/site.ts) in the story context');
    return { t: 'meta', text: ctx.contact.text, href: ctx.contact.href };
  },
};

export const meta: DirectiveHandler = (s, { id, line, col }) => {
  const m = FIELDS[id];
  if (!m) return s.unknown(line, col, 'meta field', id, Object.keys(FIELDS));
  return m(s);
};
