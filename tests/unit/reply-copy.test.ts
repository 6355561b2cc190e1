/**
 * Copy about one reply lives in its folder, not in the UI dictionaries: a
 * chart's own words in charts.json `text` (per chart, per locale, only the
 * placeholders the code fills), a wider place's caveat in copy.json. The
 * checker refuses a bad entry with file:line and a fix; a folder without such
 * copy gets generic words that name its places and figures from its data (the
 * synthetic second reply, and this reply with its copy taken out). No place,
 * figure id or reply is typed here: each comes from data/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadDataset } from '../../src/lib/data';
import type { Reply } from '../../src/lib/data/model';
import { CHART_TEXT } from '../../src/lib/data/charts-schema';
import { ownPlace } from '../../src/lib/data/vocabulary';
import { widerPlaces } from '../../src/lib/format/place';
import { figureLabel } from '../../src/lib/format/figure';
import { housingFigures, housingGraphic, HOUSING_STATES } from '../../src/lib/story-graphics';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh-CN';
import { copyData, edit, REPLY, ROOT } from './helpers';

const CHARTS = `${REPLY}/charts.json`;
const COPY = `${REPLY}/copy.json`;
const real = loadDataset(ROOT).dataset!.replies[0]!;
const second = loadDataset(path.join(ROOT, 'tests', 'fixtures', 'second-reply')).dataset!.replies[0]!;

type Json = { charts: { id: string; kind: string; text?: Record<string, Record<string, string>> }[] };
const editJson = <T,>(fn: (j: T) => void) => (s: string) => {
  const j = JSON.parse(s) as T;
  fn(j);
  return JSON.stringify(j, null, 2) + '\n';
};
/** The charts of the real reply that carry words of their own. */
const withText = (j: Json) => j.charts.filter((c) => c.text && Object.keys(c.text).length > 0);

function problemsAfter(...edits: [string, (s: string) => string][]): { messages: string[]; root: string } {
  const root = copyData();
  for (const [rel, fn] of edits) edit(root, rel, fn);
  const { dataset, problems } = loadDataset(root);
  expect(dataset).toBeUndefined();
  return { messages: problems.map(formatProblem), root };
}
const lineOfText = (root: string, rel: string, needle: string) => {
  const text = fs.readFileSync(path.join(root, rel), 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
};

describe('the dictionaries hold no copy about one reply', () => {
  const places = Object.values(real.meta.places).flatMap((p) => [p.zh, p.en]);
  // each place's own name, without "all of", "全市" and the like
  const names = [...new Set(places.flatMap((p) => [p, p.replace(/^(all of |the whole of )/, '').replace(/(全市|全省|大市)$/, '')]))];
  it.each([
    ['zh-CN', zh],
    ['en', en],
  ] as const)('%s names none of the reply\'s places', (_l, dict) => {
    for (const [k, v] of Object.entries(dict)) for (const n of names) expect(v.includes(n), `${k}: ${v}`).toBe(false);
  });
});

describe('charts.json text: the checker names file:line and the fix', () => {
  it('the real reply gives some of its charts words of their own, and loads', () => {
    const j = JSON.parse(fs.readFileSync(path.join(ROOT, CHARTS), 'utf8')) as Json;
    expect(withText(j).length).toBeGreaterThan(0);
    expect(real.charts!.some((c) => c.text && Object.keys(c.text).length)).toBe(true);
  });

  it('a key no chart kind writes', () => {
    const { messages, root } = problemsAfter([CHARTS, editJson<Json>((j) => { withText(j)[0]!.text!['no-such-words'] = { zh: '某', en: 'some' }; })]);
    expect(messages).toHaveLength(1);
    const line = lineOfText(root, CHARTS, '"no-such-words"');
    expect(messages[0]).toMatch(new RegExp(`^${CHARTS}:${line}: column "charts\\.\\d+\\.text\\.no-such-words": no chart kind writes a text "no-such-words".*expected one of .*Fix: correct the key, or remove it`));
  });

  it('a key of another kind', () => {
    const { messages } = problemsAfter([
      CHARTS,
      editJson<Json>((j) => {
        const c = j.charts.find((x) => x.kind !== 'units' && x.kind !== 'parts')!;
        c.text = { 'steps-title': { zh: '标题', en: 'Title' } };
      }),
    ]);
    expect(messages).toEqual([expect.stringMatching(/charts\.json:\d+: column "charts\.\d+\.text\.steps-title": a \w+ chart does not write "steps-title".*expected a chart of kind units.*Fix: move the text/)]);
  });

  it('a placeholder the code does not fill, or a directive', () => {
    const [c] = [withText(JSON.parse(fs.readFileSync(path.join(ROOT, CHARTS), 'utf8')) as Json)[0]!];
    const key = Object.keys(c.text!)[0]! as keyof typeof CHART_TEXT;
    const { messages, root } = problemsAfter([
      CHARTS,
      editJson<Json>((j) => {
        const t = j.charts.find((x) => x.id === c.id)!.text![key]!;
        t.zh = `${t.zh ?? '某'}{nope}`;
        t.en = `${t.en ?? 'some'}{fig:x}`;
      }),
    ]);
    const line = lineOfText(root, CHARTS, `"${key}"`);
    const fills = CHART_TEXT[key].vars.map((v) => `\\{${v}\\}`).join(', ');
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^${CHARTS}:${line}: column "charts\\.\\d+\\.text\\.${key}\\.zh": the text has a placeholder the chart does not fill; found "\\{nope\\}", expected one of ${fills}`)),
      expect.stringMatching(new RegExp(`^${CHARTS}:${line}: column "charts\\.\\d+\\.text\\.${key}\\.en": .*found "\\{fig:x\\}"`)),
    ]);
  });

  it('an entry with no words, and an unknown locale', () => {
    const { messages } = problemsAfter([CHARTS, editJson<Json>((j) => { const t = withText(j)[0]!.text!; t[Object.keys(t)[0]!] = {}; })]);
    expect(messages).toEqual([expect.stringMatching(/charts\.json:\d+: .*the text gives no words.*Fix: give "zh": "…", "en": "…" or both/)]);
    const bad = problemsAfter([CHARTS, editJson<Json>((j) => { const t = withText(j)[0]!.text!; t[Object.keys(t)[0]!]!.fr = 'mots'; })]);
    expect(bad.messages).toEqual([expect.stringMatching(/charts\.json:\d+: column "charts\.\d+\.text\.[a-z-]+": Unrecognized key\(s\) in object: 'fr'/)]);
  });
});

describe('copy.json: the checker names file:line and the fix', () => {
  type Copy = { places: Record<string, Record<string, string>> };
  const own = ownPlace(real.meta.places)!;
  it("the reply's own place", () => {
    const { messages, root } = problemsAfter([COPY, editJson<Copy>((j) => { j.places[own] = { caveat_zh: '某', caveat_en: 'some' }; })]);
    expect(messages).toEqual([`${COPY}:${lineOfText(root, COPY, `"${own}"`)}: column "places.${own}": "${own}" is the reply's own place (the first of places in reply.json): it needs no caveat; found "${own}", expected one of ${Object.keys(real.meta.places).slice(1).join(', ')}. Fix: remove the entry`]);
  });
  it('a place reply.json does not declare, an entry with no words, an unknown key', () => {
    const { messages, root } = problemsAfter([COPY, editJson<Copy>((j) => { j.places['nowhere'] = {}; })]);
    const line = lineOfText(root, COPY, '"nowhere"');
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^${COPY}:${line}: column "places\\.nowhere": the place "nowhere" is not declared.*Fix: correct the key, or add "nowhere"`)),
      expect.stringMatching(new RegExp(`^${COPY}:${line}: column "places\\.nowhere": the entry gives no words`)),
    ]);
    const bad = problemsAfter([COPY, editJson<Copy>((j) => { Object.values(j.places)[0]!.caveat_fr = 'mots'; })]);
    expect(bad.messages).toEqual([expect.stringMatching(new RegExp(`^${COPY}:\\d+: column "places\\.[a-z-]+": Unrecognized key.*'caveat_fr'.*Fix: remove the key, or use caveat_zh, caveat_en`))]);
  });
});

/** The reply's words for a wider place or a chart, or none. */
const placesOf = (r: Reply) => Object.keys(r.meta.places);

describe('a folder without copy of its own gets generic words from its data', () => {
  const bare = (() => {
    const root = copyData();
    fs.rmSync(path.join(root, COPY));
    edit(root, CHARTS, editJson<Json>((j) => { for (const c of j.charts) delete c.text; }));
    const { dataset, problems } = loadDataset(root);
    expect(problems.map(formatProblem)).toEqual([]);
    return dataset!.replies[0]!;
  })();

  it.each([
    ['this reply without its copy', bare],
    ['the synthetic second reply', second],
  ] as const)('%s: each wider place gets a caveat naming it and the reply\'s own place, never a key', (_n, r) => {
    const [own, ...wider] = placesOf(r);
    const used = wider.filter((p) => r.figures.some((f) => f.scope === p));
    expect(used.length).toBeGreaterThan(0);
    for (const locale of ['zh-CN', 'en'] as const) {
      const got = widerPlaces(r, locale);
      expect(got.map((p) => p.key)).toEqual(used);
      const name = (k: string) => (locale === 'zh-CN' ? r.meta.places[k]!.zh : r.meta.places[k]!.en);
      for (const p of got) {
        expect(p.caveat).toContain(name(p.key));
        expect(p.caveat).toContain(name(own!));
        expect(p.caveat).not.toMatch(/\{|[a-z]+-[a-z]+/);
        expect(p.ids).toEqual(r.figures.filter((f) => f.scope === p.key).map((f) => f.id));
      }
    }
  });

  it("this reply's own words come from its copy.json", () => {
    const words = JSON.parse(fs.readFileSync(path.join(ROOT, COPY), 'utf8')) as { places: Record<string, { caveat_zh: string; caveat_en: string }> };
    for (const p of widerPlaces(real, 'zh-CN')) expect(p.caveat).toBe(words.places[p.key]!.caveat_zh);
    for (const p of widerPlaces(real, 'en')) expect(p.caveat).toBe(words.places[p.key]!.caveat_en);
  });

  it('the step sequence says what it draws with the figures\' labels, no placeholder left, and differs from the reply\'s own words', () => {
    const found = housingFigures(bare)!;
    for (const locale of ['zh-CN', 'en'] as const) {
      const g = housingGraphic(bare, locale)!;
      const own = housingGraphic(real, locale)!;
      expect(g.title).not.toBe(own.title);
      expect(g.alt.target).toContain(figureLabel(found.target, locale));
      expect(g.alt.pilot).toContain(figureLabel(found.pilot, locale));
      expect(g.alt.subsidy).toContain(figureLabel(found.subsidy, locale));
      for (const s of HOUSING_STATES) {
        expect(g.alt[s]).not.toMatch(/\{\w+\}/);
        for (const l of g.legend[s]) expect(l.text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
