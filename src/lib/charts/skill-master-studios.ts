import * as Plot from '@observablehq/plot';
import type { ChartBuilder } from './types';
import type { Figure } from '../data/model';
import { formatValue, figureLabel } from '../format/figure';
import { formatNumber } from '../format/number';
import { formatPeriod } from '../format/date';
import { useT } from '../../i18n';

/** Skill-master studios by level: a part-to-whole stacked bar, with the levels' sum checked against the stated total. */
export const skillMasterStudios: ChartBuilder = (reply, locale) => {
  const get = (id: string) => reply.figures.find((f) => f.id === id);
  const levels = ['studios-provincial', 'studios-ningbo', 'studios-cixi'].map(get);
  const total = get('studios-total');
  if (!total || levels.some((l) => !l)) return null;
  const parts = levels as Figure[];
  const t = useT(locale);
  const zh = locale === 'zh-CN';
  const share = (f: Figure) => (f.value / total.value) * 100;
  const biggest = parts.reduce((a, b) => (b.value > a.value ? b : a));
  const rows = parts.map((f) => ({ level: figureLabel(f, locale), value: f.value, share: share(f) }));
  const v = (f: Figure) => formatValue(f, locale);
  const pct = (x: number) => `${formatNumber(x, locale, { maxFractionDigits: 1 })}%`;
  return {
    id: 'skill-master-studios',
    replyId: reply.id,
    locale,
    title: zh
      ? `技能大师工作室以${figureLabel(biggest, locale).replace('技能大师工作室', '')}为主`
      : `Most skill-master studios are ${biggest.id === 'studios-cixi' ? 'Cixi-level' : figureLabel(biggest, locale)}`,
    subtitle: `${figureLabel(total, locale)} · ${t(`scope.${total.scope}`)} · ${formatPeriod(total.period, locale)}`,
    description: zh
      ? `共${v(total)}：${parts.map((f) => `${figureLabel(f, locale)}${v(f)}（${pct(share(f))}）`).join('，')}。`
      : `${v(total)} in all: ${parts.map((f) => `${v(f)} ${figureLabel(f, locale).toLowerCase()} (${pct(share(f))})`).join(', ')}.`,
    notes: [],
    sources: [total.id, ...parts.map((p) => p.id)],
    views: [
      {
        id: 'count',
        label: zh ? '数量' : 'Count',
        wide: {
          width: 640,
          height: 120,
          marginLeft: 10,
          x: { label: null, domain: [0, total.value] },
          marks: [
            Plot.barX(rows, Plot.stackX({ x: 'value', fill: 'level', title: (d: (typeof rows)[number]) => `${d.level} ${d.value}` })),
            Plot.ruleX([0]),
          ],
          color: { legend: false, range: ['#0b5cad', '#7a9cc6', '#c9d6e8'] },
        },
      },
    ],
    table: {
      caption: figureLabel(total, locale),
      columns: [
        { key: 'level', label: zh ? '级别' : 'Level', description: '' },
        { key: 'value', label: zh ? '数量' : 'Studios', description: '', numeric: true },
        { key: 'share', label: zh ? '占比' : 'Share', description: '', numeric: true },
      ],
      rows: [...parts.map((f) => [figureLabel(f, locale), v(f), pct(share(f))]), [figureLabel(total, locale), v(total), pct(100)]],
    },
    data: {
      columns: [
        { key: 'figure_id', label: 'figure_id', description: 'id of the figure in figures.csv' },
        { key: 'label', label: 'label', description: 'what is counted' },
        { key: 'value', label: 'value', description: 'number of studios', numeric: true },
        { key: 'qualifier', label: 'qualifier', description: 'exact | more_than | at_least | approx' },
      ],
      rows: [...parts, total].map((f) => ({ figure_id: f.id, label: figureLabel(f, locale), value: f.value, qualifier: f.qualifier })),
    },
  };
};
