/** The story's blocks, resolved: prose blocks through inlines(), and the headline, chart, promises and steps blocks. */
import { formatDerivedValue } from '../format/derived';
import { formatValue, figureLabel } from '../format/figure';
import { formatWrittenDate } from '../format/date';
import { pick } from '../format/pick';
import type { DirectiveUse } from '../data/prose';
import { anchors } from '../paths';
import { SEQUENCES, stepAnchor } from './anchors';
import { inlines } from './inlines';
import type { Scope } from './scope';
import type { Block, HeadlineItem, RawBlock } from './types';

/** One item of a ::headline: :fig{#id} or :der{#id}. */
export function headlineItem(s: Scope, d: DirectiveUse): HeadlineItem | null {
  const { locale } = s;
  const { name: kind, id, line, col } = d;
  if (kind === 'fig') {
    const f = s.figs.get(id);
    if (!f) return s.unknown(line, col, 'figure id', id, [...s.figs.keys()]);
    s.cite(f.id);
    return {
      kind: 'fig',
      id,
      // in words, never the chart shorthand: 不少于13万 / at least 130,000
      value: formatValue(f, locale, { unit: f.unit === 'percent' }),
      label: figureLabel(f, locale),
      note: pick(locale, f.note_zh, f.note_en),
      href: s.figHref(id),
    };
  }
  if (kind === 'der') {
    const v = s.derived.get(id);
    if (!v) return s.unknown(line, col, 'derived-figure id', id, [...s.derived.keys()]);
    return { kind: 'der', id, value: formatDerivedValue(v, locale), label: figureLabel(v.def, locale), note: pick(locale, v.def.caveat_zh, v.def.caveat_en), href: s.derHref(id) };
  }
  return s.unknown(line, col, 'headline item', d.source, [':fig{#id}', ':der{#id}']);
}

/** ::promises — the reply's commitments, grouped by section. */
export function promises({ reply, locale, source }: Scope): Extract<Block, { kind: 'promises' }> {
  return {
    kind: 'promises',
    groups: reply.meta.sections.map((sec) => ({
      section: sec.n,
      title: pick(locale, sec.title_zh, sec.title_en),
      items: reply.commitments
        .filter((c) => c.section === sec.n)
        .map((c) => ({
          id: c.id,
          section: c.section,
          text: pick(locale, c.text_zh, c.text_en),
          href: `${source}#${anchors.commitment(c.id)}`,
          deadline: c.deadline ? formatWrittenDate(c.deadline, locale, [c.quote]) : '',
          measurable: c.measurable,
        })),
    })),
  };
}

/** :::steps{#name} — a known sequence whose ::step{#key} keys are its own. */
function steps(s: Scope, b: Extract<RawBlock, { kind: 'steps' }>): Block | null {
  const keys = SEQUENCES[b.name];
  if (!keys) return s.unknown(b.line, b.col, 'step sequence', b.name, Object.keys(SEQUENCES));
  for (const st of b.steps) if (!keys.includes(st.key)) s.unknown(st.line, st.col, 'step key', st.key, [...keys]);
  return {
    kind: 'steps',
    name: b.name,
    steps: b.steps.map((st) => ({ key: st.key, id: stepAnchor(b.name, st.key), paras: st.paras.map((p) => inlines(s, p.nodes)) })),
  };
}

/** One parsed block, resolved; null (with a problem recorded) when it names something unknown. */
export function resolveBlock(s: Scope, b: RawBlock): Block | null {
  switch (b.kind) {
    case 'para':
      return { kind: 'para', inlines: inlines(s, b.nodes) };
    case 'heading':
      return { kind: 'heading', level: b.level, id: b.id, inlines: inlines(s, b.nodes) };
    case 'quote':
      return { kind: 'quote', inlines: inlines(s, b.nodes) };
    case 'list':
      return { kind: 'list', items: b.items.map((it) => inlines(s, it.nodes)) };
    case 'headline':
      return { kind: 'headline', items: b.items.map((d) => headlineItem(s, d)).filter((x): x is HeadlineItem => x !== null) };
    case 'chart':
      if (!s.charts.has(b.id)) return s.unknown(b.line, b.col, 'chart id', b.id, [...s.charts]);
      return { kind: 'chart', id: b.id, ...(b.takeaway ? { takeaway: inlines(s, b.takeaway) } : {}) };
    case 'promises':
      return promises(s);
    case 'steps':
      return steps(s, b);
  }
}
