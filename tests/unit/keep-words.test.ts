/**
 * Words no line breaks inside (src/lib/data/words.ts), taken from the data,
 * and the three places that honour them: headline phrases (HTML headings),
 * `segments` and the one SVG wrapper `wrap` (chart labels, exported SVGs).
 * Property-style: any text made of protected words and filler, cut at any
 * width, is never broken inside a protected word nor inside a number and
 * its unit (13万套（间）).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { namedItems } from '../../src/lib/data/charts-schema';
import { unitName } from '../../src/lib/data/vocabulary';
import { keepWords } from '../../src/lib/data/words';
import { headlinePhrases, keepRanges, phraseHeadings, segments, textWidth, wrap } from '../../src/lib/linebreak';

const { replies, glossary } = getDataset();
const reply = replies[0]!;
const keep = reply.keep ?? [];

/** Offsets (UTF-16) where pieces meet. */
const cuts = (pieces: string[]): number[] => {
  const out: number[] = [];
  let at = 0;
  for (const p of pieces.slice(0, -1)) out.push((at += p.length));
  return out;
};
/** Cuts that fall inside a protected word of `text`. */
const inside = (text: string, pieces: string[], words: readonly string[]): number[] => {
  const held = keepRanges(text, words);
  return cuts(pieces).filter((i) => held[i]);
};

describe('the protected words', () => {
  it('come from the data: glossary terms, places, units, named items, qualifiers and the declared words', () => {
    for (const g of glossary) for (const t of g.term_zh.split('、')) expect(keep, t).toContain(t);
    for (const p of Object.values(reply.meta.places)) if ([...p.zh].length > 1) expect(keep).toContain(p.zh);
    for (const f of reply.figures) {
      const zh = unitName(f.unit)?.zh ?? '';
      if ([...zh].length > 1) expect(keep, f.unit).toContain(zh);
    }
    for (const c of reply.charts ?? []) {
      const fig = c.named && reply.figures.find((f) => f.id === c.named!.figure);
      for (const n of fig ? namedItems(fig.quote) : []) if ([...n].length > 1) expect(keep).toContain(n);
    }
    for (const w of reply.meta.words_zh) expect(keep).toContain(w);
    for (const w of keep) {
      expect([...w].length, w).toBeGreaterThan(1);
      expect(w).toMatch(/[\u3400-\u9fff]/);
    }
    // longest first, each once
    expect(new Set(keep).size).toBe(keep.length);
    for (let i = 1; i < keep.length; i++) expect(keep[i - 1]!.length).toBeGreaterThanOrEqual(keep[i]!.length);
  });
  it('a reply alone (no glossary) still protects its own words', () => {
    const own = keepWords(reply);
    for (const w of reply.meta.words_zh) expect(own).toContain(w);
    expect(own.length).toBeLessThan(keep.length);
  });
});

describe('headlines and drawn text keep them whole', () => {
  it('headline phrases: the segmenter’s 保租房试|点 becomes 保租房|试点; a number keeps its unit 套（间）', () => {
    const t = reply.figures.map((f) => f.quote).find((q) => keep.some((w) => q.includes(w)))!;
    const p = headlinePhrases(t, keep);
    expect(p.join('')).toBe(t);
    expect(inside(t, p, keep)).toEqual([]);
    // every protected word in a text of the data's own headlines
    for (const c of reply.charts ?? []) {
      const p2 = headlinePhrases(c.title_zh, keep);
      expect(p2.join('')).toBe(c.title_zh);
      expect(inside(c.title_zh, p2, keep), c.title_zh).toEqual([]);
    }
    // a count in a protected unit is one phrase: the quote of a figure counted in one
    const unitWord = keep.find((w) => /（/.test(w) && reply.figures.some((f) => unitName(f.unit)?.zh === w))!;
    const fig = reply.figures.find((f) => unitName(f.unit)?.zh === unitWord)!;
    const withNumber = fig.quote.match(new RegExp(`[0-9][0-9万余多.,]*${unitWord.replace(/[（）]/g, (m) => `\\${m}`)}`))![0];
    const p3 = headlinePhrases(fig.quote, keep);
    expect(p3.some((x) => x.includes(withNumber)), p3.join('|')).toBe(true);
  });
  it('phraseHeadings holds each protected word in one no-break span', () => {
    const w = keep.find((x) => /^[\u3400-\u9fff]{3,}$/.test(x))!;
    const html = phraseHeadings(`<h1>关于${w}的答复</h1>`, keep);
    expect(html).toContain(w);
    expect(html.replace(/<[^>]+>/g, '')).toBe(`关于${w}的答复`);
  });
  it('property: segments, headline phrases and wrap never cut inside a protected word or a number and its unit', () => {
    const filler = fc.string({ unit: fc.constantFrom(...'的和在了是为中，。、：；年新增各类'.split('')), maxLength: 4 });
    const number = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('', '余', '万')).map(([n, q]) => `${n}${q}`);
    const units = [...new Set(reply.figures.map((f) => unitName(f.unit)?.zh ?? ''))].filter(Boolean);
    const piece = fc.oneof(fc.constantFrom(...keep), filler, fc.tuple(number, fc.constantFrom(...units)).map(([n, u]) => n + u));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.integer({ min: 40, max: 400 }), (parts, width) => {
        const text = parts.join('');
        const segs = segments(text, keep);
        expect(segs.join('')).toBe(text);
        expect(inside(text, segs, keep)).toEqual([]);
        const phr = headlinePhrases(text, keep);
        expect(phr.join('')).toBe(text);
        expect(inside(text, phr, keep)).toEqual([]);
        const lines = wrap(text, width, 14, keep);
        expect(lines.join('')).toBe(text.replace(/\s+/g, ''));
        // a protected word is split only when it alone is wider than a line (then at its own brackets first)
        const held = keepRanges(text, keep);
        const bad = cuts(lines).filter((i) => held[i]);
        for (const i of bad) {
          const w = keep.find((x) => text.lastIndexOf(x, i) >= 0 && text.lastIndexOf(x, i) + x.length > i && text.lastIndexOf(x, i) < i)!;
          expect(textWidth(w, 14)).toBeGreaterThan(width * 0.96);
        }
        // a number never leaves its unit
        for (const i of cuts(lines)) expect(/[0-9]/.test(text[i - 1]!) && /[0-9\u3400-\u9fff%]/.test(text[i]!), `${text} @${i}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
  it('without protected words nothing changes (the other rules alone)', () => {
    const t = '慈溪3个保租房试点项目可提供500余套（间）';
    expect(segments(t, [])).toEqual(segments(t));
    expect(wrap(t, 120, 14, [])).toEqual(wrap(t, 120, 14));
    expect(headlinePhrases(t, [])).toEqual(headlinePhrases(t));
  });
});
