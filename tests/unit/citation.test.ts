import bibtexParse from 'bibtex-parse';
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { chartsFor } from '../../src/lib/charts';
import { bibEscape, bibtex, citationTemplates, citeDate, citeKey, citeSlots, citations, csl, cslJson, fillCitation, fullCitation, isoToday, licenceName, shortCitation, type CiteInput } from '../../src/lib/citation';
import { citeInput } from '../../src/lib/export/build';
import { useT } from '../../src/i18n';

const reply = getDataset().replies[0]!;
const ctx = { site: 'https://example.org/sub/', base: '/sub/' };
const dataCite = citeInput(ctx, reply);
const chart = chartsFor(reply, 'en')[0]!;
const chartCite = citeInput(ctx, reply, chart.id);
const m = reply.meta;

describe('citeDate', () => {
  it('writes dates the Chinese and the English way', () => {
    const [y, mo, d] = m.date.split('-').map(Number);
    expect(citeDate(m.date, 'zh-CN')).toBe(`${y}年${mo}月${d}日`);
    expect(citeDate(m.date, 'en')).toMatch(new RegExp(`^${d} [A-Z][a-z]+ ${y}$`));
    expect(citeDate('2026-01-05', 'en')).toBe('5 January 2026');
  });
  it('rejects what is not YYYY-MM-DD, naming it', () => {
    expect(() => citeDate('2022-6-20', 'en')).toThrow(/invalid date: 2022-6-20/);
  });
  it('isoToday pads month and day', () => {
    expect(isoToday(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
  it('names the licence', () => {
    expect(licenceName('CC-BY-4.0')).toBe('CC BY 4.0');
  });
});

describe('citation input from the site and reply.json', () => {
  it('uses absolute permalinks under the configured site and base, per locale', () => {
    expect(dataCite.url.zh).toBe(`https://example.org/sub/replies/${reply.id}/data/`);
    expect(dataCite.url.en).toBe(`https://example.org/sub/en/replies/${reply.id}/data/`);
    expect(chartCite.url.en).toBe(`https://example.org/sub/en/replies/${reply.id}/charts/${chart.id}/`);
  });
  it('takes the chart title in both languages from the chart specs', () => {
    expect(chartCite.chart?.title.en).toBe(chart.title);
    expect(chartCite.chart?.title.zh).toBe(chartsFor(reply, 'zh-CN')[0]!.title);
  });
  it('defaults the access date to the build date', () => {
    expect(dataCite.accessed).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('short and full citations', () => {
  const fixed: CiteInput = { ...dataCite, accessed: '2030-02-03' };
  const fixedChart: CiteInput = { ...chartCite, accessed: '2030-02-03' };
  it('the Chinese credit line names the answering body, the reply and its date', () => {
    const s = shortCitation(fixed, 'zh-CN');
    expect(s).toContain(m.answering_body.zh);
    expect(s).toContain(`《${m.title_zh}》`);
    expect(s).toContain(citeDate(m.date, 'zh-CN'));
    expect(s).toContain(useT('zh-CN')('site.name'));
  });
  it('the English credit line names the body, the proposal number and the date', () => {
    const s = shortCitation(fixedChart, 'en');
    expect(s).toContain(m.answering_body.en);
    expect(s).toContain(`No. ${m.proposal.number}`);
    expect(s).toContain(citeDate(m.date, 'en'));
    expect(s).toContain(`chart: ${useT('en')('site.name')}`);
  });
  it('full references carry the permalink and the access date', () => {
    const zh = fullCitation(fixed, 'zh-CN');
    expect(zh).toContain(`(${m.date})[2030-02-03]`);
    expect(zh).toContain(fixed.url.zh);
    expect(zh).toContain('[EB/OL]');
    const en = fullCitation(fixedChart, 'en');
    expect(en).toContain(`“${chart.title}” [chart]`);
    expect(en).toContain(`${fixedChart.url.en} (accessed 3 February 2030).`);
    expect(en).toContain(m.title_en);
  });
  it('a chart citation names the chart; a data citation the proposal and delegate', () => {
    expect(fullCitation(fixedChart, 'zh-CN')).toContain(chartCite.chart!.title.zh);
    expect(fullCitation(fixed, 'en')).toContain(m.proposal.delegate_en);
    expect(fullCitation(fixed, 'zh-CN')).toContain(m.proposal.title_zh);
  });
  it('citations() gives every format in both languages', () => {
    const c = citations(fixed);
    expect(Object.keys(c)).toEqual(['short', 'full', 'bibtex', 'csl']);
    expect(c.short.en).toBe(shortCitation(fixed, 'en'));
  });
});

describe('BibTeX', () => {
  it('escapes TeX specials', () => {
    expect(bibEscape('50% & #1 {x} a_b ~^ \\')).toBe('50\\% \\& \\#1 \\{x\\} a\\_b \\textasciitilde{}\\textasciicircum{} \\textbackslash{}');
  });
  it('is one @misc entry with balanced braces, key, url, urldate and year from reply.json', () => {
    const b = bibtex({ ...chartCite, accessed: '2030-02-03' }, 'en');
    expect(b.startsWith(`@misc{${reply.id}-${chart.id},\n`)).toBe(true);
    let depth = 0;
    for (const ch of b.replace(/\\[{}]/g, '')) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(b).toMatch(new RegExp(`year\\s+= \\{${m.date.slice(0, 4)}\\},`));
    expect(b).toMatch(new RegExp(`url\\s+= \\{${chartCite.url.en.replace(/[.?]/g, '\\$&')}\\},`));
    expect(b).toMatch(/urldate\s+= \{2030-02-03\},/);
    expect(b).toMatch(/langid\s+= \{english\}\n\}\n$/);
  });
  it('uses the Chinese title and langid in Chinese', () => {
    const b = bibtex(dataCite, 'zh-CN');
    expect(b).toMatch(new RegExp(`title\\s+= \\{${m.title_zh}\\},`));
    expect(b).toMatch(new RegExp(`author\\s+= \\{\\{${m.answering_body.zh}\\}\\},`));
    expect(b).toMatch(/langid\s+= \{chinese\}/);
  });
  it('parses with a real BibTeX parser, every field braced, in both languages, for the data and a chart', () => {
    for (const cite of [dataCite, { ...chartCite, accessed: '2030-02-03' }])
      for (const locale of ['zh-CN', 'en'] as const) {
        const src = bibtex(cite, locale);
        const parsed = bibtexParse.parse(src) as { itemtype: string; key?: string; fields?: { name: string; value: string; datatype: string }[] }[];
        const entries = parsed.filter((x) => x.itemtype === 'entry');
        expect(entries).toHaveLength(1);
        const fields = entries[0]!.fields!;
        expect(fields.map((f) => f.name).sort()).toEqual(['author', 'date', 'langid', 'month', 'note', 'publisher', 'title', 'url', 'urldate', 'year']);
        for (const f of fields) expect(f.datatype, `${locale} ${f.name}`).toBe('braced');
        const byName = Object.fromEntries(fields.map((f) => [f.name, f.value]));
        expect(byName.date).toBe(m.date);
        expect(byName.langid).toBe(locale === 'zh-CN' ? 'chinese' : 'english');
      }
  });
  it('keys differ between the data and each chart', () => {
    expect(citeKey(dataCite)).toBe(reply.id);
    expect(citeKey(chartCite)).not.toBe(citeKey(dataCite));
  });
});

describe('CSL-JSON', () => {
  it('parses, with issued and accessed as date-parts and the licence', () => {
    const items = JSON.parse(cslJson({ ...dataCite, accessed: '2030-02-03' }, 'en'));
    expect(items).toHaveLength(1);
    const [y, mo, d] = m.date.split('-').map(Number);
    expect(items[0]).toMatchObject({
      id: reply.id,
      type: 'dataset',
      title: m.title_en,
      author: [{ literal: m.answering_body.en }],
      issued: { 'date-parts': [[y, mo, d]] },
      accessed: { 'date-parts': [[2030, 2, 3]] },
      URL: dataCite.url.en,
      license: m.licence.data_url,
    });
  });
  it('a chart is a figure by our site', () => {
    const [item] = csl(chartCite, 'zh-CN');
    expect(item!.type).toBe('figure');
    expect(item!.author[0]!.literal).toBe(useT('zh-CN')('site.name'));
    expect(item!.title).toBe(chartCite.chart!.title.zh);
  });
});

describe('citation templates (the build writes the formats, the browser only fills in the date and address)', () => {
  it('filled with another access date and address, every template gives back what the formats write for them', () => {
    for (const c of [dataCite, chartCite]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const tpl = citationTemplates(c, locale);
        // a date whose year, month and day differ from the reply's and from one another
        const other: CiteInput = { ...c, accessed: '2031-11-07', url: { zh: 'http://127.0.0.1:9/zh/', en: 'http://127.0.0.1:9/en/' } };
        const v = citeSlots(other.accessed, other.url);
        const cs = citations(other);
        expect(fillCitation(tpl['short.zh'], v)).toBe(cs.short.zh);
        expect(fillCitation(tpl['full.zh'], v)).toBe(cs.full.zh);
        expect(fillCitation(tpl['full.en'], v)).toBe(cs.full.en);
        expect(fillCitation(tpl.bibtex, v)).toBe(bibtex(other, locale));
        expect(fillCitation(tpl.csl, v)).toBe(cslJson(other, locale));
        expect(JSON.parse(fillCitation(tpl.csl, v))[0].accessed['date-parts'][0]).toEqual([2031, 11, 7]);
        // the reply's own date is text, never a slot
        expect(tpl['full.zh'].filter((p) => typeof p === 'string').join('')).toContain(m.date);
      }
    }
  });
});
