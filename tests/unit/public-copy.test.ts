/** Issue 11, framing and labels: what the housing, routes and contest charts claim, and dates as the reply writes them. */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { chartFor } from '../../src/lib/charts';
import { formatWrittenDate, formatPeriod } from '../../src/lib/format/date';
import { derivedFigures } from '../../src/lib/derived';
import { formatDerivedValue, formulaText } from '../../src/lib/format/derived';
import { loadDataset } from '../../src/lib/data/load';
import { copyData, edit, REPLY } from './helpers';

const reply = getDataset().replies[0]!;
const fig = (id: string) => reply.figures.find((f) => f.id === id)!;

describe('housing chart: both numbers with scope and qualifiers, four differences, scale not progress', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const s = chartFor(reply, locale, 'housing-scale')!;
    it(`${locale}: the title states both numbers, their places and times, and argues nothing`, () => {
      const zh = locale === 'zh-CN';
      expect(s.title).toContain(zh ? '500余套（间）' : 'more than 500 units (flats or rooms)');
      expect(s.title).toContain(zh ? '不少于13万套（间）' : 'at least 130,000 new rental units (flats or rooms)');
      expect(s.title).toContain(zh ? '截至2022年6月' : 'as of June 2022');
      expect(s.title).toContain(zh ? '2022年底' : 'the end of 2022');
      expect(s.title).not.toMatch(/只相当于|sliver|0\.4|homes/);
    });
    it(`${locale}: the caveat names place, time, category and possible overlap; the ratio is a sense of scale`, () => {
      const text = [s.description, ...s.notes].join(' ');
      const words = locale === 'zh-CN' ? ['地方', '时间', '类别', '可能计入', '量级', '不表示进度'] : ['place', 'time', 'category', 'may be part of', 'sense of scale', 'not progress'];
      for (const w of words) expect(text).toContain(w);
      expect(JSON.stringify(s)).not.toMatch(/\bhomes?\b/);
    });
  }
});

describe('two routes: may overlap, not all certificates, no "most" title', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(locale, () => {
      const s = chartFor(reply, locale, 'senior-certificate-routes')!;
      expect(s.title).not.toMatch(/大多|Most|most/);
      expect(s.subtitle + s.description).toMatch(locale === 'zh-CN' ? /重叠|重复/ : /overlap/);
      expect(s.notes.join(' ')).toMatch(locale === 'zh-CN' ? /不是当年颁发的全部证书/ : /not all the certificates/);
    });
  }
});

describe('one precision per number', () => {
  it('the contest rate reads 60.8% in the title, the description, the table and the formula', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const s = chartFor(reply, locale, 'skills-contest')!;
      expect(s.title).toContain('60.8%');
      expect(s.title).toMatch(locale === 'zh-CN' ? /全部/ : /all .* who signed up/);
      expect(JSON.stringify(s)).not.toMatch(/(?<![\d.])61%/);
    }
  });
  it('a share reads the same in its formula as everywhere else', () => {
    for (const d of derivedFigures(reply).filter((x) => x.fn === 'share'))
      for (const locale of ['zh-CN', 'en'] as const) expect(formulaText(d, locale).endsWith(formatDerivedValue(d, locale).replace(/^约|^about /, ''))).toBe(true);
  });
  it('English says "obtained through the contest" and "attendances", never "won" or "person-times"', () => {
    const words = (id: string) => { const s = chartFor(reply, 'en', id)!; return [s.title, s.description, ...s.notes, ...s.table.rows.flat()].join(' '); };
    expect(words('skills-contest')).not.toMatch(/\bwon\b|person-time/);
    expect(words('training-bases')).not.toMatch(/person-time/);
    expect(words('training-bases')).toContain('attendances');
  });
});

describe('dates as the reply writes them', () => {
  it('到2022年底 and 2022年秋季学期 are kept; the precise date stays in the data', () => {
    expect(formatWrittenDate('2022-12-31', 'zh-CN', ['到2022年底'])).toBe('2022年底');
    expect(formatWrittenDate('2022-12-31', 'en', ['到2022年底'])).toBe('the end of 2022');
    expect(formatWrittenDate('2022-09', 'zh-CN', ['2022年秋季学期起'])).toBe('2022年秋季学期');
    expect(formatWrittenDate('2022-12-31', 'zh-CN', [])).toBe('2022年12月31日');
    expect(formatPeriod('by 2022-12-31', 'en', 'target', ['到2022年底'])).toBe('by the end of 2022');
    const tl = chartFor(reply, 'zh-CN', 'timeline')!;
    expect(tl.title + tl.description).not.toMatch(/2022年12月31日|2022年9月/);
    expect(fig('ningbo-rental-target').period).toBe('by 2022-12-31');
  });
});

describe('one source for the English proposal title and cc names', () => {
  it('a translation that names the proposal differently from reply.json stops the load', () => {
    const root = copyData();
    edit(root, `${REPLY}/source.en.md`, (s) => s.replace("Deputies' Affairs Committee", "Deputies' Affairs Working Committee"));
    const { problems } = loadDataset(root);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/cc\[0\]\.en/);
  });
});

describe('the "not quantified" bullets say only what the reply says', () => {
  it('no 积分入学 (not the reply’s term); “比较容易达到” is about the residence-permit conditions only', async () => {
    const fs = await import('node:fs');
    const zh = fs.readFileSync('src/content/story/zh-CN/cixi-2022-152.md', 'utf8');
    const en = fs.readFileSync('src/content/story/en/cixi-2022-152.md', 'utf8');
    expect(zh).not.toContain('积分入学');
    const zhLine = zh.split('\n').find((l) => l.includes('比较容易达到') && l.startsWith('- '))!;
    expect(zhLine).toMatch(/^- 办理居住证的条件/);
    const enLine = en.split('\n').find((l) => l.includes('easy to meet') && l.startsWith('- '))!;
    expect(enLine).toMatch(/conditions for a residence permit/);
    expect(enLine).not.toMatch(/points thresholds? really/);
  });
});

describe('代表 is "Deputy"', () => {
  it('no "Delegate" in the data, the translation, the UI strings or the docs (the glossary may say it is sometimes so translated)', async () => {
    const fs = await import('node:fs');
    const files = ['data/replies/cixi-2022-152/source.en.md', 'data/replies/cixi-2022-152/reply.json', 'data/replies/cixi-2022-152/commitments.csv', 'src/i18n/en.ts', 'README.md', 'docs/updating-status.md', 'docs/for-journalists.md'];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8').replace(/delegate_(zh|en)|\{delegate\}|meta:delegate|'delegate'|`delegate`|workers-among-delegates-and-model-workers|'brief\.delegate'/g, '') // field names and ids, not words;
      expect(text, f).not.toMatch(/\bdelegates?\b/i);
    }
    const glossary = fs.readFileSync('data/glossary.csv', 'utf8');
    expect(glossary).toContain("people's congress deputy,");
    expect(glossary).not.toMatch(/Delegate Yu/);
    expect(glossary).not.toMatch(/non-Cixi industrial workers and their families/);
  });
});

describe('degenerate range', () => {
  it('a collapsed interval says the single number, not "1244至1244"', async () => {
    const { intervalText } = await import('../../src/lib/format/derived');
    const d = derivedFigures(reply).find((x) => x.interval)!;
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = intervalText(d, locale);
      const [lo, hi] = d.interval!;
      if (lo === hi) {
        expect(text).not.toMatch(/至|between| to /);
        expect(text).toContain(locale === 'zh-CN' ? String(lo) : lo.toLocaleString('en'));
      }
      expect(intervalText({ ...d, interval: [lo, lo] }, locale)).not.toMatch(/至|to \d/);
      expect(intervalText({ ...d, interval: [lo, lo + 2] }, locale)).toMatch(/至|to/);
    }
  });
});
