import { contactLink } from '../../src/lib/site';
import { chartsFor } from '../../src/lib/charts';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { DataError } from '../../src/lib/data/problems';
import type { Locale, Reply } from '../../src/lib/data/model';
import { LOCALES } from '../../src/lib/data/model';
import { formatValue } from '../../src/lib/format/figure';
import { derivedFigures } from '../../src/lib/derived';
import { formatDerivedValue } from '../../src/lib/format/derived';
import { anchors } from '../../src/lib/paths';
import {
  fallbackStory,
  inlineText,
  loadProse,
  loadStory,
  parseStory,
  resolveStory,
  storyFile,
  typedDigits,
  type Block,
  type Inline,
  type Story,
} from '../../src/lib/story';
import { housingFigures, housingGraphic, HOUSING_STATES } from '../../src/lib/story-graphics';
import { isLowerBound } from '../../src/lib/format/number';

const root = process.cwd();
const { replies, glossary } = getDataset();
const reply = replies[0]!;
// the chart ids the registry builds for this reply, as the pages pass them
const ids = (locale: Locale, r: Reply) => chartsFor(r, locale).map((c) => c.id);
const ctx = (locale: Locale, r: Reply = reply) => ({ reply: r, glossary, locale, base: '/', chartIds: ids(locale, r), charts: ids(locale, r), contact: contactLink() });

/** Every inline of a story, in order, from title to the last block. */
function allInlines(s: Story): Inline[] {
  const out: Inline[] = [...s.title, ...s.dek];
  const walk = (b: Block) => {
    if (b.kind === 'para' || b.kind === 'heading' || b.kind === 'quote') out.push(...b.inlines);
    if (b.kind === 'list') b.items.forEach((i) => out.push(...i));
    if (b.kind === 'steps') b.steps.forEach((st) => st.paras.forEach((p) => out.push(...p)));
    if (b.kind === 'chart' && b.takeaway) out.push(...b.takeaway);
  };
  s.blocks.forEach(walk);
  return out;
}
const header = '---\ntitle: 标题\ndek: 导语\nbyline: 本站\n---\n\n';

describe.each(LOCALES)('the written story (%s)', (locale) => {
  const file = storyFile(root, locale, reply.id);
  const story = loadStory(root, ctx(locale));

  it('exists, and no digit is typed into its prose', () => {
    expect(fs.existsSync(file)).toBe(true);
    expect(story.file).not.toBeNull();
    expect(typedDigits(fs.readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  it('renders every figure directive as the figure’s own value, linked to its sentence', () => {
    const nums = allInlines(story).filter((x): x is Extract<Inline, { t: 'num' }> => x.t === 'num');
    expect(nums.length).toBeGreaterThan(20);
    const derived = new Map(derivedFigures(reply).map((d) => [d.id, d]));
    for (const n of nums) {
      if (n.kind === 'fig') {
        const f = reply.figures.find((x) => x.id === n.id)!;
        expect([formatValue(f, locale), formatValue(f, locale, { unit: false }), formatValue(f, locale, { style: 'short' })]).toContain(n.text);
        expect(n.href.endsWith(`#${anchors.figure(f.id)}`)).toBe(true);
      }
      if (n.kind === 'der') {
        // :der{#id} or :der{#id bare}
        expect([formatDerivedValue(derived.get(n.id)!, locale), formatDerivedValue(derived.get(n.id)!, locale, { unit: false })]).toContain(n.text);
        expect(n.href.endsWith(`#${anchors.derived(n.id)}`)).toBe(true);
      }
    }
  });

  it('has the four chapters, and says what 4,161, 130,000, 500+ and 2,000+ are not', () => {
    const ids = story.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { id: string }).id);
    expect(ids).toEqual(expect.arrayContaining(['finding', 'done', 'promises', 'numbers', 'numbers-change', 'numbers-scope', 'numbers-cumulative', 'numbers-missing']));
    const cited = new Set(story.cited);
    for (const id of ['migrant-pupils-increase', 'ningbo-rental-target', 'rent-subsidy-recipients', 'pilot-units']) expect(cited).toContain(id);
  });

  it('links each glossary term at its first use only; in English the Chinese term goes with it', () => {
    const terms = allInlines(story).filter((x): x is Extract<Inline, { t: 'term' }> => x.t === 'term');
    const seen = new Set<string>();
    for (const term of terms) {
      expect(Boolean(term.href)).toBe(!seen.has(term.id));
      if (term.href && locale === 'en') expect(term.zh).toBe(glossary.find((g) => g.id === term.id)!.term_zh);
      seen.add(term.id);
    }
    expect(seen.size).toBeGreaterThan(15);
  });

  it('says what the reply says (issue 11): the residence-registration prerequisite, dates as written, no overreach', () => {
    const text = inlineText(story.title) + inlineText(story.dek) + allInlines(story).map((x) => ('text' in x ? x.text : '')).join('');
    expect(new Set(story.cited)).toContain('residence-registration-min');
    if (locale === 'zh-CN') {
      for (const s of ['2022年秋季学期', '2022年底', '连续居住', '申报居住登记半年以上']) expect(text).toContain(s);
      for (const s of ['2022年9月的秋季学期', '2022年12月31日', '决定了他们会不会留下来']) expect(text).not.toContain(s);
    } else {
      for (const s of ['the autumn 2022 term', 'the end of 2022', 'lived in Cixi continuously']) expect(text).toContain(s);
      for (const s of ['over six months', 'much of its workforce', 'will build', 'promises to']) expect(text).not.toContain(s);
    }
  });

  it('gives each chart a one-line takeaway', () => {
    const charts = story.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart');
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) expect(c.takeaway?.length, c.id).toBeGreaterThan(0);
  });

  it('has one step sequence with every step of the housing scale', () => {
    const steps = story.blocks.filter((b): b is Extract<Block, { kind: 'steps' }> => b.kind === 'steps');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.steps.map((s) => s.key)).toEqual([...HOUSING_STATES]);
  });

  it('the about page resolves too, without typed digits', () => {
    const about = loadProse(root, 'about', ctx(locale));
    expect(inlineText(about.title).length).toBeGreaterThan(0);
  });
});

describe('both languages', () => {
  const zh = loadStory(root, ctx('zh-CN'));
  const en = loadStory(root, ctx('en'));
  it('share heading ids in the same order (the language switch keeps the #fragment)', () => {
    const ids = (s: Story) => s.blocks.flatMap((b) => (b.kind === 'heading' ? [b.id] : b.kind === 'steps' ? b.steps.map((x) => x.id) : []));
    expect(ids(en)).toEqual(ids(zh));
  });
  it('cite the same figures and place the same charts', () => {
    expect([...en.cited].sort()).toEqual([...zh.cited].sort());
    const charts = (s: Story) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.id] : []));
    expect(charts(en)).toEqual(charts(zh));
  });
});

describe('directives that do not resolve stop the build with file:line', () => {
  const bad = (body: string) => {
    try {
      resolveStory(parseStory(header + body, 'src/content/story/zh-CN/test.md', 'zh-CN'), ctx('zh-CN'));
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      return (e as Error).message;
    }
    throw new Error('expected a DataError');
  };
  it('a digit typed into a chart takeaway', () => {
    expect(typedDigits('::chart[多了12人]{#migrant-pupils}', 'x.md').map((p) => p.found)).toEqual(['12']);
    expect(typedDigits('::chart{#migrant-pupils}', 'x.md')).toEqual([]);
  });
  it('an unknown event option', () => {
    expect(bad('第一段。\n\n从:event{#schools-public-2022-09 nope}起。')).toContain('unknown event option');
  });
  it('an unknown figure id', () => {
    const msg = bad('第一段。\n\n共有:fig{#no-such-figure}。');
    expect(msg).toContain('src/content/story/zh-CN/test.md:9:');
    expect(msg).toContain('unknown figure id');
    expect(msg).toContain('no-such-figure');
  });
  it('an unknown derived id, glossary term, chart, step key, option', () => {
    expect(bad(':der{#nope}')).toMatch(/test\.md:7:.*unknown derived-figure id/);
    expect(bad(':term{#不存在的术语}')).toMatch(/test\.md:7:.*unknown glossary term/);
    expect(bad('::chart{#no-such-chart}')).toMatch(/test\.md:7:.*unknown chart id/);
    expect(bad(':::steps{#housing}\n::step{#nope}\n文字\n:::')).toMatch(/test\.md:8:.*unknown step key/);
    expect(bad(':fig{#pilot-units wrong}')).toMatch(/unknown figure option/);
  });
  it('a heading without an id, an unclosed sequence', () => {
    expect(() => parseStory(header + '# 没有锚点', 'x.md', 'zh-CN')).toThrow(/x\.md:7: heading without an id/);
    expect(() => parseStory(header + ':::steps{#housing}\n::step{#target}\n文字', 'x.md', 'zh-CN')).toThrow(/x\.md:7: :::steps is never closed/);
  });
});

describe('typed digits', () => {
  it('are found with line and column, outside directives only', () => {
    const text = header + '共有:fig{#studios-total}，其中32家在慈溪，２０家在别处。\n\n:date{#2022-06-20}没问题。';
    const p = typedDigits(text, 'y.md');
    expect(p.map((x) => [x.line, x.column, x.found])).toEqual([
      [7, '26', '32'],
      [7, '33', '２０'],
    ]);
  });
  it('in a story file stop loadStory with file:line', () => {
    const tmp = fs.mkdtempSync('/tmp/story-');
    fs.mkdirSync(`${tmp}/src/content/story/zh-CN`, { recursive: true });
    fs.writeFileSync(`${tmp}/src/content/story/zh-CN/${reply.id}.md`, header + '慈溪有32家工作室。');
    expect(() => loadStory(tmp, ctx('zh-CN'))).toThrow(new RegExp(`src/content/story/zh-CN/${reply.id}.md:7:.*a number typed into the prose`));
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

describe('a reply without story files', () => {
  it('gets a generated story: headline figures, its charts and its commitments', () => {
    const other: Reply = { ...reply, id: 'no-story-yet' };
    for (const locale of LOCALES) {
      const s = loadStory(root, { ...ctx(locale, other), chartIds: ['skill-master-studios'] });
      expect(s.file).toBeNull();
      const head = s.blocks.find((b) => b.kind === 'headline') as Extract<Block, { kind: 'headline' }>;
      expect(head.items.length).toBeGreaterThan(0);
      expect(s.blocks.some((b) => b.kind === 'chart' && b.id === 'skill-master-studios')).toBe(true);
      const promises = s.blocks.find((b) => b.kind === 'promises') as Extract<Block, { kind: 'promises' }>;
      expect(promises.groups.flatMap((g) => g.items)).toHaveLength(other.commitments.length);
      expect(fallbackStory({ ...ctx(locale, other), chartIds: [] }).blocks.some((b) => b.kind === 'chart')).toBe(false);
    }
  });
});

describe('the housing step graphic', () => {
  const target = reply.figures.find((f) => f.id === 'ningbo-rental-target')!;
  const pilot = reply.figures.find((f) => f.id === 'pilot-units')!;
  it('draws target and pilot to one scale, with the charts’ “+” after the last square of each lower bound', () => {
    const g = housingGraphic(reply, 'zh-CN')!;
    const svg = g.svg('pilot', 't');
    const squares = (cls: string) =>
      [...svg.matchAll(new RegExp(`<rect class="${cls}" x="[\\d.]+" y="[\\d.]+" width="([\\d.]+)"`, 'g'))].reduce((s, m) => s + Number(m[1]), 0) / 12;
    expect(squares('hs-ctx')).toBe(Math.ceil(target.value / g.per));
    expect(squares('hs-acc')).toBe(Math.floor(pilot.value / g.per));
    // one lower-bound mark per lower bound, the charts' own (plusMark), never a dashed extra square
    const hf = housingFigures(reply)!;
    const lower = [hf.target, hf.pilot, hf.subsidy].filter((f) => isLowerBound(f.qualifier)).length;
    expect(svg.match(/>\+<\/text>/g)).toHaveLength(lower);
    expect(lower).toBeGreaterThan(0);
    expect(svg).not.toMatch(/stroke-dasharray/);
    expect(svg).toContain('data-state="pilot"');
  });
  it('has a text alternative and a legend for every state, with the reply’s numbers in them', () => {
    for (const locale of LOCALES) {
      const g = housingGraphic(reply, locale)!;
      for (const s of HOUSING_STATES) {
        expect(g.alt[s].length).toBeGreaterThan(10);
        expect(g.legend[s].length).toBeGreaterThan(0);
      }
      expect(g.legend.target.map((l) => l.text).join(' ')).toContain(formatValue(target, locale));
    }
  });
});
