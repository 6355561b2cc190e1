/**
 * Charts without a declaration: every statistic no declared chart shows is
 * drawn, grouped by part of the reply, place, unit and kind of measure (a
 * change never beside a total, a target never beside a count, another
 * place's figure never beside the reply's own). One figure: a number card;
 * several in one unit: bars on one baseline. Titles are made from the data,
 * in words: the figure's label, its value with qualifier and unit words, and
 * its place when it is not the reply's own.
 */
import { formatWrittenDate } from '../format/date';
import type { Figure, Locale, Reply } from '../data/model';
import { pick } from '../format/pick';
import type { ChartDecl } from '../data/charts-schema';
import { ownPlace } from '../data/vocabulary';
import { template, useT, type Key } from '../../i18n';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function base(id: string, kind: ChartDecl['kind'], figures: string[], title_zh: string, title_en: string, subtitle_zh = '', subtitle_en = ''): ChartDecl {
  return { id, kind, figures, derived: [], cards: [], notes_zh: [], notes_en: [], title_zh, title_en, ...(subtitle_zh ? { subtitle_zh, subtitle_en } : {}) };
}

/** Automatic declarations for the figures not in `covered`, in the order of the reply's parts. */
export function autoDecls(reply: Reply, covered: ReadonlySet<string>): ChartDecl[] {
  const zhT = useT('zh-CN');
  const enT = useT('en');
  const own = ownPlace(reply.meta.places);
  const groups = new Map<string, Figure[]>();
  for (const f of reply.figures) {
    if (covered.has(f.id)) continue;
    const key = [f.section, f.scope, f.unit, f.measure].join('|');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  const out: ChartDecl[] = [];
  const used = new Set<string>();
  for (const figs of [...groups.values()].sort((a, b) => a[0]!.section - b[0]!.section || reply.figures.indexOf(a[0]!) - reply.figures.indexOf(b[0]!))) {
    const f0 = figs[0]!;
    const part = reply.meta.sections.find((s) => s.n === f0.section);
    const place = reply.meta.places[f0.scope];
    const other = f0.scope !== own && place;
    // part-<n>-<k>: the k-th automatic chart of part n (no unit id or place key, which pages never show as text)
    let k = 1;
    while (used.has(`part-${f0.section}-${k}`)) k++;
    const id = `part-${f0.section}-${k}`;
    used.add(id);
    const list = (l: Locale) => figs.map((f) => pick(l, `${f.label_zh}:fig{#${f.id}}`, `${cap(f.label_en)}: :fig{#${f.id}}`)).join(pick(l, '；', '; '));
    const one = (l: Locale) => pick(l, zhT, enT)('charts.auto.one', { label: pick(l, f0.label_zh, cap(f0.label_en)), value: `:fig{#${f0.id}}` });
    const text = (l: Locale) => (figs.length === 1 ? one(l) : list(l));
    const placed = (l: Locale) => (other ? pick(l, zhT, enT)('charts.auto.place', { place: pick(l, place.zh, cap(place.en)), text: pick(l, text(l), text(l).charAt(0).toLowerCase() + text(l).slice(1)) }) : text(l));
    const sub = (l: Locale) => {
      const t = pick(l, zhT, enT);
      return [t('figures.part', { n: f0.section }) + (part ? pick(l, `“${part.title_zh}”`, `, ${part.title_en}`) : ''), t(`measure.${f0.measure}`)].join(' · ');
    };
    const bars = figs.length > 1 && f0.measure !== 'change';
    out.push(base(id, bars ? 'bars' : 'number', figs.map((f) => f.id), placed('zh-CN'), placed('en'), sub('zh-CN'), sub('en')));
  }
  return out;
}

/** The dates and the overview, for a reply that declares no charts: titles from the interface strings. */
export function autoFrame(reply: Reply): ChartDecl[] {
  const zhT = useT('zh-CN');
  const enT = useT('en');
  // several dates written the same way ("2025年") read as one time, not "from 2025 to 2025"
  const sameWhen = new Set(reply.events.map((e) => formatWrittenDate(e.date, 'zh-CN', [e.quote]))).size === 1;
  const timeline: Key = reply.events.length === 1 ? 'charts.timeline.title-one' : sameWhen ? 'charts.timeline.title-same' : 'charts.timeline.title';
  // "Part 3 holds the most" only when one part does
  const counts = reply.meta.sections.map((s) => reply.figures.filter((f) => f.section === s.n).length);
  const most = Math.max(...counts);
  const glance: Key = counts.filter((n) => n === most).length > 1 ? 'charts.glance.title-even' : 'charts.glance.title';
  return [
    base('timeline', 'timeline', [], template('zh-CN', timeline), template('en', timeline)),
    base('reply-at-a-glance', 'overview', [], template('zh-CN', glance), template('en', glance)),
  ].filter((d) => d.kind !== 'timeline' || reply.events.length > 0);
}
