/**
 * What a screen reader hears inside a Chinese chart is Chinese: no aria-label
 * in a zh chart (as drawn on its page and embed, and in the downloadable SVG)
 * holds a Latin word (Plot names its groups "rect", "text", "waffle", "rule"
 * unless told otherwise). Every named group is a group of data marks or of
 * labels; decoration is hidden. Both the real reply and the synthetic second one.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { getDataset, loadDataset } from '../../src/lib/data';
import type { Reply } from '../../src/lib/data/model';
import { chartsFor } from '../../src/lib/charts';
import { renderPlot } from '../../src/lib/charts/render';
import { chartSvg } from '../../src/lib/export/chart';
import { citeInput } from '../../src/lib/export/build';
import { designTokens } from '../../src/lib/export/files';
import { useT } from '../../src/i18n';

const FIXTURE = path.join(process.cwd(), 'tests', 'fixtures', 'second-reply');
const REPLIES: Reply[] = [getDataset().replies[0]!, ...loadDataset(FIXTURE).dataset!.replies];
const ctx = { site: 'https://example.org', base: '/' };
const t = useT('zh-CN');
/** A Latin word; the verbatim quote a mark's name ends with (“…”) is the reply's own text and may hold one (an acronym). */
const latin = (label: string) => /[A-Za-z]{2,}/.test(label.replace(/“[^”]*”/g, ''));

function labels(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return { all: [...document.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label')!), groups: [...document.querySelectorAll('g[aria-label]')].map((g) => g.getAttribute('aria-label')!) };
}

describe.each(REPLIES.map((r) => [r.id, r] as const))('aria-labels of the zh charts of %s', (_, reply) => {
  for (const spec of chartsFor(reply, 'zh-CN')) {
    it(spec.id, () => {
      const drawings = [...spec.views, ...(spec.after ?? [])].flatMap((v) => [v.wide, v.narrow].filter((o) => o !== undefined));
      const svgs = [
        ...drawings.map((o) => renderPlot(o, { label: spec.title, description: spec.description, locale: 'zh-CN', idPrefix: 't', marks: { reply, locale: 'zh-CN', sourceHref: '/source/' } })),
        chartSvg(spec, citeInput(ctx, reply, spec.id), designTokens(), reply.keep).svg,
      ];
      for (const svg of svgs) {
        const { all, groups } = labels(svg);
        expect(all.filter(latin), spec.id).toEqual([]);
        for (const g of groups) expect([t('charts.aria.marks'), t('charts.aria.labels')]).toContain(g);
      }
    });
  }
});
