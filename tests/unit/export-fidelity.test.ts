/** Downloads look like the web chart: the key is in the file, the chart's own colours are kept, numbers are never split across lines. */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { chartsFor } from '../../src/lib/charts';
import { chartSvg } from '../../src/lib/export/chart';
import { citeInput } from '../../src/lib/export/build';
import { designTokens } from '../../src/lib/export/files';
import { renderPlot } from '../../src/lib/charts/render';
import { wrapText } from '../../src/lib/export/svg';
import { escapeXml } from '../../src/lib/format/escape';
import { wrap } from '../../src/lib/charts/scene';
import { heldTogether as gluesNumber } from '../../src/lib/linebreak';
import { LOCALES } from '../../src/lib/data/model';

const reply = getDataset().replies[0]!;
const ctx = { site: 'https://example.org', base: '/' };
const all = LOCALES.flatMap((l) => chartsFor(reply, l));

/** Consecutive lines of every <text> with <tspan>s (the chart's own wrapping) and of the file's own text blocks. */
function breaks(lines: string[]): [string, string][] {
  return lines.slice(1).map((l, i) => [lines[i]!, l]);
}

describe('standalone SVG', () => {
  for (const spec of all) {
    const { svg } = chartSvg(spec, citeInput(ctx, reply, spec.id), designTokens(), reply.keep);
    it(`${spec.locale} ${spec.id}: no style rule recolours the chart's text`, () => {
      const style = /<style>([\s\S]*?)<\/style>/.exec(svg)![1]!;
      expect(style).not.toMatch(/(^|[}\s,])text\s*\{[^}]*fill/);
      // a label drawn in the background colour on a bar keeps it
      const web = renderPlot(spec.views[0]!.wide, { label: spec.title, locale: spec.locale, idPrefix: 'x' });
      const whiteOnWeb = (web.match(/fill="#ffffff"/g) ?? []).length;
      expect((svg.match(/fill="#ffffff"/g) ?? []).length).toBeGreaterThanOrEqual(whiteOnWeb);
    });
    it(`${spec.locale} ${spec.id}: keeps the key`, () => {
      for (const k of spec.key ?? []) {
        const words = escapeXml(k.label).split(/\s+/).slice(0, 3).join(' ');
        expect(svg.replace(/<\/text><text[^>]*>/g, ' '), k.label).toContain(words.slice(0, 12));
      }
    });
  }
});

describe('labels never split a number from its qualifier or unit', () => {
  it('the rule', () => {
    expect(gluesNumber('仅供感受量级：约', '0.4%')).toBe(true);
    expect(gluesNumber('4161', '人')).toBe(true);
    expect(gluesNumber('慈溪', '市')).toBe(false);
  });
  it('in the files and in the charts, at any width', () => {
    const texts = all.flatMap((s) => [s.title, s.subtitle, ...s.notes, ...(s.key ?? []).map((k) => k.label)]);
    for (const t of texts)
      for (const w of [8, 12, 20, 30, 45])
        for (const [a, b] of [...breaks(wrapText(t, w)), ...breaks(wrap(t, w * 14, 14))]) {
          // a break at a space in the text keeps that space on the line before it (a line may break there unless the rules hold the two sides together)
          const sep = t.includes(`${a.slice(-3)} ${b.slice(0, 3)}`) ? ' ' : '';
          expect(gluesNumber(a + sep, b), `${a} | ${b}`).toBe(false);
        }
  });
});
