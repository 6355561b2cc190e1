/**
 * Every string the site generates from the data, rendered with the real data in
 * both languages: chart titles, subtitles, descriptions, notes, keys, table
 * cells and the text drawn in the SVGs; every story directive (with the words
 * around it) and the housing step graphic; the tracker's summary lines and
 * commitments. Fails on what a reader would trip over:
 *  - a repeated noun ("130,000 homes new rental homes", "（推算）（推算）");
 *  - a bare unit id ("person-time", "unit") or a number followed by a unit of
 *    the other language ("5000余 人次", "6,479 people of them");
 *  - a level before its count ("provincial 1 training base");
 *  - ASCII punctuation : ( ) , beside Chinese text, and English words in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { chartsFor } from '../../src/lib/charts';
import { renderPlot } from '../../src/lib/charts/render';
import type { Locale, Reply } from '../../src/lib/data/model';
import { LOCALES } from '../../src/lib/data/model';
import { inlineText, loadStory, type Block, type Inline, type Story } from '../../src/lib/story';
import { housingGraphic, HOUSING_STATES } from '../../src/lib/story-graphics';
import { summarise } from '../../src/lib/tracker';
import { COMMON_UNITS } from '../../src/lib/data/vocabulary';
import { useT } from '../../src/i18n';

const { replies, glossary } = getDataset();

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
/** The nouns that count things (every English unit word, and the word we replaced): a count's noun said twice in one clause is a seam. */
const NOUNS = new Set(
  [
    ...[COMMON_UNITS, ...replies.map((r) => r.meta.units ?? {})].flatMap((units) => Object.values(units).flatMap((u) => u.en.flatMap((w) => w.split(/[ ()]+/)))),
    'home',
    'homes',
  ]
    .map((w) => w.toLowerCase().replace(/s$/, ''))
    .filter((w) => w.length >= 4),
);

/** What is wrong with one string, or [] if nothing. */
export function lint(text: string, locale: Locale): string[] {
  const bad: string[] = [];
  // verbatim quotes of the reply (“…” with Chinese in them) are the reply's words, not ours
  const s = text.replace(/\s+/g, ' ').replace(/(Source|原文)([:：]) ?“.*$/, '$1$2“…”').replace(new RegExp(`“[^”]*${CJK}[^”]*”`, 'g'), '“…”');
  if (locale === 'zh-CN') {
    const ascii = new RegExp(`${CJK} ?[:(),]|[:(),] ?${CJK}`).exec(s);
    if (ascii) bad.push(`ASCII punctuation in Chinese: “${ascii[0]}”`);
    const word = /(?<![A-Za-z0-9-])(?!(?:CPC|CPPCC|SVG|PNG|CSV|JSON|BibTeX|CC|BY)\b)[A-Za-z]{3,}/.exec(s);
    if (word) bad.push(`English word in Chinese text: “${word[0]}”`);
    const spaced = /\d[\d.]*[余+]? +(?:人次|人|家|所|套|间|个|名|年|万|项)/.exec(s);
    if (spaced) bad.push(`number and unit apart: “${spaced[0]}”`);
    const twice = /(（[^（）]+）)\1|([\u4e00-\u9fff]{2,})\2/.exec(s);
    if (twice) bad.push(`repeated: “${twice[0]}”`);
    for (const clause of s.split(/[，。；：！？\n]/)) {
      const q = /(约|不少于)[^约]*\1/.exec(clause);
      if (q && !/÷/.test(clause)) bad.push(`qualifier twice: “${q[0]}”`);
    }
  } else {
    const unitId = /\bperson-times?\b|\d[\d,.]*\+? (?:units?|homes?)\b(?! \()/.exec(s);
    if (unitId) bad.push(`bare unit id: “${unitId[0]}”`);
    const zhUnit = /\d[\d,.]*\+?%? ?(?:人次|人|家|所|套|间|个|名|万)/.exec(s);
    if (zhUnit) bad.push(`Chinese unit in English: “${zhUnit[0]}”`);
    const ofThem = /\d[\d,]* (?:people|persons?) of (?:them|whom)/.exec(s);
    if (ofThem) bad.push(`unit before “of them”: “${ofThem[0]}”`);
    const level = /\b(?:provincial|Ningbo|Cixi|city|county) \d/.exec(s);
    if (level) bad.push(`level before its count: “${level[0]}”`);
    for (const clause of s.split(/[.;:!?·()\n—]|, /)) {
      const words = clause.toLowerCase().match(/[a-z’'-]+/g) ?? [];
      const stem = (w: string) => w.replace(/[’']s$/, '').replace(/s$/, '');
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (!NOUNS.has(stem(w))) continue;
        for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
          // "school places": a singular noun used as a modifier is not a repeat
          if (!words[j]!.endsWith('s') && j + 1 < words.length) continue;
          if (stem(words[j]!) === stem(w)) bad.push(`repeated noun “${w}” in “${clause.trim()}”`);
        }
      }
    }
  }
  return bad;
}

/** The texts an SVG shows: each <text> (its wrapped lines joined as the language joins them), and each <title>/<desc> on its own. */
function svgTexts(svg: string, locale: Locale): string[] {
  const titles = [...svg.matchAll(/<(title|desc)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
  const texts = [...svg.replace(/<(title|desc)[^>]*>[\s\S]*?<\/\1>/g, '').matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!.split(/<\/tspan>/).map((x) => x.replace(/<[^>]+>/g, '')).filter(Boolean).join(locale === 'zh-CN' ? '' : ' '),
  );
  return [...titles, ...texts].map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
}

function chartStrings(reply: Reply, locale: Locale): [string, string][] {
  const out: [string, string][] = [];
  for (const s of chartsFor(reply, locale)) {
    const at = (what: string, t: string | number | null) => t !== null && out.push([`${s.id} ${what}`, String(t)]);
    at('title', s.title);
    at('subtitle', s.subtitle);
    at('description', s.description);
    s.notes.forEach((n) => at('note', n));
    (s.key ?? []).forEach((k) => at('key', k.label));
    at('table caption', s.table.caption);
    s.table.rows.forEach((r) => r.forEach((cell, i) => i !== 4 || s.id !== 'timeline' ? at('table', cell) : null));
    for (const v of s.views)
      for (const p of [v.wide, v.narrow]) if (p) svgTexts(renderPlot(p, { label: s.title, locale, idPrefix: 'x' }), locale).forEach((t) => at(`svg ${v.id}`, t));
  }
  return out;
}

function storyStrings(reply: Reply, locale: Locale): [string, string][] {
  const ids = chartsFor(reply, locale).map((c) => c.id);
  const story: Story = loadStory(process.cwd(), { reply, glossary, locale, base: '/', chartIds: ids, charts: ids });
  const out: [string, string][] = [];
  const add = (inl: Inline[]) => {
    // each directive with the words either side of it: the seam is where "homes new rental homes" happens
    inl.forEach((x, i) => {
      if (x.t === 'text' || x.t === 'quote') return;
      const before = inl[i - 1]?.t === 'text' ? inlineText([inl[i - 1]!]).slice(-30) : '';
      const after = inl[i + 1]?.t === 'text' ? inlineText([inl[i + 1]!]).slice(0, 30) : '';
      out.push([`story {${x.t}}`, before + x.text + after]);
    });
  };
  add(story.title);
  add(story.dek);
  const walk = (b: Block) => {
    if (b.kind === 'para' || b.kind === 'heading' || b.kind === 'quote') add(b.inlines);
    if (b.kind === 'list') b.items.forEach(add);
    if (b.kind === 'steps') b.steps.forEach((st) => st.paras.forEach(add));
  };
  story.blocks.forEach(walk);
  const g = housingGraphic(reply, locale);
  if (g) for (const st of HOUSING_STATES) {
    out.push([`story steps alt ${st}`, g.alt[st]]);
    g.legend[st].forEach((l) => out.push([`story steps legend ${st}`, l.text]));
  }
  return out;
}

function trackerStrings(reply: Reply, locale: Locale): [string, string][] {
  const t = useT(locale);
  const s = summarise(reply, reply.meta.date);
  const lines = [
    t('tracker.summary.total', { n: s.total }),
    t('tracker.summary.number', { n: s.withNumber }),
    t('tracker.summary.deadline', { n: s.withDeadline }),
    t('tracker.summary.neither', { n: s.byMeasurable.neither }),
    ...reply.commitments.map((c) => (locale === 'zh-CN' ? c.text_zh : c.text_en)),
  ];
  return lines.map((l) => ['tracker', l]);
}

describe('generated strings read as written text', () => {
  it('the linter catches the mistakes it is for', () => {
    expect(lint('at least 130,000 homes new rental homes', 'en')).not.toEqual([]);
    expect(lint('Cixi: 3 projects pilot projects', 'en')).not.toEqual([]);
    expect(lint('6,479 people of them won', 'en')).not.toEqual([]);
    expect(lint('provincial 1 training base', 'en')).not.toEqual([]);
    expect(lint('more than 5,000 person-times', 'en')).not.toEqual([]);
    expect(lint('全市发展党员总数（推算）（推算）', 'zh-CN')).not.toEqual([]);
    expect(lint('5000余 人次', 'zh-CN')).not.toEqual([]);
    expect(lint('第1部分 (党建): 2个', 'zh-CN')).not.toEqual([]);
    expect(lint('more than 500 units (flats or rooms)', 'en')).toEqual([]);
    expect(lint('截至2022年6月，慈溪可提供500余套（间）', 'zh-CN')).toEqual([]);
  });
  for (const reply of replies)
    for (const locale of LOCALES) {
      for (const [kind, get] of [['charts', chartStrings], ['story', storyStrings], ['tracker', trackerStrings]] as const) {
        it(`${reply.id} ${locale}: ${kind}`, () => {
          const problems = [...new Set(get(reply, locale).flatMap(([where, text]) => lint(text, locale).map((p) => `${where}: ${p}\n    ${text}`)))];
          expect(problems).toEqual([]);
        });
      }
    }
});
