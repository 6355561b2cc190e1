/**
 * The prose syntax (remark + remark-directive + YAML front matter): what a
 * reader sees of Chinese text that holds Markdown characters, how lines join,
 * the problems the syntax itself raises (with line and column), and the
 * converter from the old {name:id|opt} syntax.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactLink } from '../../src/lib/site';
import { chartsFor } from '../../src/lib/charts';
import { getDataset } from '../../src/lib/data';
import type { Locale } from '../../src/lib/data/model';
import { DataError, type Problem } from '../../src/lib/data/problems';
import { pieces } from '../../src/lib/data/prose';
import { inlineText, parseStory, resolveStory, storyFile, type Block } from '../../src/lib/story';
import { convertInline, convertMarkdown } from '../../scripts/convert-story-syntax.mjs';

const { replies, glossary } = getDataset();
const reply = replies[0]!;
const ids = (locale: Locale) => chartsFor(reply, locale).map((c) => c.id);
const ctx = (locale: Locale) => ({ reply, glossary, locale, base: '/', charts: ids(locale), contact: contactLink() });
const header = '---\ntitle: 标题\ndek: 导语\nbyline: 本站\n---\n\n';

const story = (body: string, locale: Locale = 'zh-CN', head = header) => resolveStory(parseStory(head + body, 't.md', locale), ctx(locale));
const paras = (body: string, locale: Locale = 'zh-CN') =>
  story(body, locale).blocks.flatMap((b: Block) => (b.kind === 'para' ? [inlineText(b.inlines)] : []));
const problems = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e.problems;
    throw e;
  }
  return [];
};

describe('Markdown characters in the prose stay as typed', () => {
  it('asterisks, underscores, brackets, entities, angle brackets and straight quotes', () => {
    const text = '他说*这很重要*，a_b_c 和 _强调_，[方括号]，&amp; 与 <b>标签</b>，"直引号" \'单引号\'，`反引号`。';
    expect(paras(text)).toEqual([text]);
  });
  it('a line of dashes or equals signs under a paragraph is text, not a heading or a rule', () => {
    expect(paras('第一行\n===\n\n第二段\n---')).toEqual(['第一行===', '第二段---']);
  });
  it('lines of a paragraph join with nothing in Chinese and a space in English', () => {
    expect(paras('第一行，\n  第二行。')).toEqual(['第一行，第二行。']);
    expect(paras('First line,\nsecond line.  \nthird.', 'en')).toEqual(['First line, second line. third.']);
  });
  it('a directive at a line end or start keeps its neighbours', () => {
    const s = story('慈溪有\n:fig{#studios-total}\n技能大师工作室。');
    const p = s.blocks[0] as Extract<Block, { kind: 'para' }>;
    expect(p.inlines.map((x) => x.t)).toEqual(['text', 'num', 'text']);
  });
});

describe('the syntax raises problems with line and column', () => {
  it('text in the old syntax, and a brace that belongs to no directive', () => {
    const p = problems(() => story('第一段。\n\n共有{fig:studios-total}。'));
    expect(p.map((x) => [x.line, x.column, x.message, x.found])).toEqual([[9, '3', 'a directive in the old syntax', '{fig:studios-total}']]);
    expect(p[0]!.fix).toMatch(/convert-story-syntax/);
    expect(problems(() => story('共有:fig{#studios-total}}。')).map((x) => [x.line, x.column, x.message])).toEqual([[7, '23', 'a brace that is not part of a directive']]);
  });
  it('an unknown directive, at its column', () => {
    const p = problems(() => story('共有:nope{#x}项。'));
    expect(p.map((x) => [x.line, x.column, x.message, x.found])).toEqual([[7, '3', 'unknown directive', 'nope']]);
  });
  it('a second option, or [text] on a directive that takes none', () => {
    expect(problems(() => story(':fig{#studios-total bare short}'))[0]!.message).toMatch(/at most one option/);
    expect(problems(() => story(':fig[x]{#studios-total}'))[0]!.message).toMatch(/at most one option/);
  });
  it('a directive in the front matter is placed at its line and column', () => {
    const p = problems(() => story('正文。', 'zh-CN', '---\ntitle: 标题\ndek: 导语:fig{#nope}\nbyline: 本站\n---\n\n'));
    expect(p.map((x) => [x.line, x.column, x.message])).toEqual([[3, '8', 'unknown figure id']]);
  });
  it('front matter that is not YAML, or lacks a key', () => {
    const p = problems(() => parseStory('---\ntitle: a: b\n---\n\n正文。', 't.md', 'zh-CN'));
    expect(p[0]!.line).toBe(2);
    expect(p[0]!.message).toMatch(/not YAML/);
    expect(problems(() => story('正文。', 'zh-CN', '---\ntitle: 标题\ndek: 导语\n---\n\n')).map((x) => x.message)).toEqual(['front matter has no "byline"']);
  });
  it('a step outside its sequence, an unknown block, a numbered list', () => {
    expect(problems(() => story('::step{#target}'))[0]!.message).toMatch(/::step outside :::steps/);
    expect(problems(() => story('::nope{#x}'))[0]!.message).toBe('unknown block "::nope"');
    expect(problems(() => parseStory(header + '1. 第一', 't.md', 'zh-CN'))[0]!.message).toBe('a numbered list');
  });
});

describe('chart copy', () => {
  it('is read as text and directives, the text exactly as written', () => {
    const p = pieces('- 共:fig{#a short}人（{n}）');
    expect(p.map((x) => (x.t === 'text' ? x.text : `${x.name}:${x.id}:${x.options.join()}`))).toEqual(['- 共', 'fig:a:short', '人（{n}）']);
  });
});

describe('scripts/convert-story-syntax.mjs', () => {
  it('rewrites every old form', () => {
    expect(convertInline('{fig:a}{fig:a|bare}{term:居住证}{term:人大代表|deputy}{link:source|全文}{quote:fig:a}{count:commitments|deadline}')).toBe(
      ':fig{#a}:fig{#a bare}:term{#居住证}:term[deputy]{#人大代表}:link[全文]{#source}:quote{#fig:a}:count{#commitments deadline}',
    );
    const old = '---\ntitle: {meta:title}\ndek: Note: {fig:a}\n---\n\n::headline fig:a der:b\n::chart x | 要点{fig:a|short}\n::chart y\n::steps housing\n::step target\n文字\n::end\n::promises\n';
    expect(convertMarkdown(old)).toBe(
      '---\ntitle: :meta{#title}\ndek: "Note: :fig{#a}"\n---\n\n::headline[:fig{#a} :der{#b}]\n::chart[要点:fig{#a short}]{#x}\n::chart{#y}\n:::steps{#housing}\n::step{#target}\n文字\n:::\n::promises\n',
    );
  });
  it('leaves converted text as it is', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = fs.readFileSync(storyFile(process.cwd(), locale, reply.id), 'utf8');
      expect(convertMarkdown(text)).toBe(text);
    }
  });
});
