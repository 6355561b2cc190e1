/**
 * npm run draft (src/lib/draft/): drafting a folder from source.zh.txt alone,
 * for the real reply and the synthetic one, recovers what was made by hand:
 * every statistic of figures.csv (same value and qualifier, and the same quote
 * or one containing it or contained in it), every digit run of not-figures.csv,
 * every commitment of commitments.csv among its candidates (the quotes
 * overlap). Precision and recall are printed. Then property tests over
 * official-style sentences, and the end to end path draft -> review -> check -> build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import { formatProblem, loadDataset } from '../../src/lib/data';
import { digitRuns } from '../../src/lib/data/numbers';
import { cleanSource, draftReply } from '../../src/lib/draft';
import { guessDeadline } from '../../src/lib/draft/commitments';
import { ROOT } from './helpers';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'second-reply');
const CASES = [
  { name: 'the real reply', root: ROOT, id: 'cixi-2022-152' },
  { name: 'the synthetic second reply', root: FIXTURE, id: 'test-2023-007' },
];

const rows = (file: string) => parseCsv(fs.readFileSync(file, 'utf8'), file, []).table.rows.map((r) => r.values);
const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

describe.each(CASES)('drafting $name from source.zh.txt alone', ({ name, root, id }) => {
  const dir = path.join(root, 'data', 'replies', id);
  const source = fs.readFileSync(path.join(dir, 'source.zh.txt'), 'utf8');
  const draft = draftReply(source, id);
  const at = (quote: string) => ({ start: source.indexOf(quote), end: source.indexOf(quote) + quote.length });
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

  it('keeps the text as it is (nothing to clean in an already clean text)', () => {
    expect(draft.source).toBe(source.replace(/\r\n?/g, '\n'));
  });

  it('recovers every statistic with the same value, qualifier and quote (or one containing it)', () => {
    const hand = rows(path.join(dir, 'figures.csv'));
    const missed: string[] = [];
    let exactQuote = 0;
    let drafWider = 0;
    const matched = new Set<number>();
    for (const h of hand) {
      const span = at(h.quote!);
      const i = draft.figures.findIndex(
        (d) => d.value === Number(h.value) && d.qualifier === h.qualifier && (d.quote.includes(h.quote!) || h.quote!.includes(d.quote)) && overlap(d.quoteAt, span),
      );
      if (i < 0) missed.push(`${h.id} (${h.value} ${h.qualifier}: ${h.quote})`);
      else {
        matched.add(i);
        if (draft.figures[i]!.quote === h.quote) exactQuote++;
        else if (draft.figures[i]!.quote.includes(h.quote!)) drafWider++;
      }
    }
    console.log(
      `[draft] ${name}: figures recall ${pct(hand.length - missed.length, hand.length)} (${hand.length - missed.length}/${hand.length}), precision ${pct(matched.size, draft.figures.length)} (${matched.size}/${draft.figures.length}); quotes: ${exactQuote} the same, ${drafWider} containing the hand-made one, ${matched.size - exactQuote - drafWider} inside it`,
    );
    expect(missed).toEqual([]);
  });

  it('proposes every other digit run of not-figures.csv', () => {
    const hand = rows(path.join(dir, 'not-figures.csv'));
    const proposed = new Set(draft.notFigures.map((n) => n.at.start));
    const missed = hand.filter((h) => {
      const q = at(h.quote!);
      const run = digitRuns(h.quote!).find((r) => r.run === h.token)!;
      return !proposed.has(q.start + run.start);
    });
    // A proposal is wrong only where it is the number of a hand-made statistic.
    const figureNumbers = rows(path.join(dir, 'figures.csv')).map((f) => ({ q: at(f.quote!), v: Number(f.value) }));
    const wrong = draft.notFigures.filter((n) =>
      figureNumbers.some((f) => n.at.start >= f.q.start && n.at.end <= f.q.end && draft.figures.every((d) => !(d.at.start <= n.at.start && n.at.end <= d.at.end)) && String(f.v).startsWith(n.token)),
    );
    console.log(
      `[draft] ${name}: not-figures recall ${pct(hand.length - missed.length, hand.length)} (${hand.length - missed.length}/${hand.length}), precision ${pct(draft.notFigures.length - wrong.length, draft.notFigures.length)} (${draft.notFigures.length - wrong.length}/${draft.notFigures.length}); ${draft.notFigures.filter((n) => n.draft_note).length} with a reason to confirm`,
    );
    expect(missed.map((m) => `${m.token} in ${m.quote}`)).toEqual([]);
    expect(wrong.map((w) => w.quote)).toEqual([]);
  });

  it('finds every hand-made commitment among its candidates', () => {
    const hand = rows(path.join(dir, 'commitments.csv'));
    const missed = hand.filter((h) => !draft.commitments.some((c) => overlap(c.at, at(h.quote!))));
    const useful = draft.commitments.filter((c) => hand.some((h) => overlap(c.at, at(h.quote!))));
    console.log(
      `[draft] ${name}: commitments recall ${pct(hand.length - missed.length, hand.length)} (${hand.length - missed.length}/${hand.length}), precision ${pct(useful.length, draft.commitments.length)} (${useful.length}/${draft.commitments.length})`,
    );
    expect(missed.map((m) => m.id)).toEqual([]);
    // a deadline the hand-made row gives is the one drafted (to the month)
    for (const h of hand.filter((x) => x.deadline)) {
      const c = draft.commitments.find((x) => overlap(x.at, at(h.quote!)))!;
      expect([h.id, c.deadline]).toEqual([h.id, h.deadline!.slice(0, 7)]);
    }
  });

  it('reads reply.json from the text: number, deputy, answering body, date, parts, co-handling, cc', () => {
    const hand = JSON.parse(fs.readFileSync(path.join(dir, 'reply.json'), 'utf8'));
    const r = draft.reply as typeof hand;
    expect(r.draft).toBe(true);
    expect(r.proposal.number).toBe(hand.proposal.number);
    expect(r.proposal.title_zh).toBe(hand.proposal.title_zh);
    expect(r.proposal.delegate_zh).toBe(hand.proposal.delegate_zh);
    expect(r.answering_body.zh).toBe(hand.answering_body.zh);
    expect(r.date).toBe(hand.date);
    expect(r.sections.map((s: { n: number; title_zh: string }) => [s.n, s.title_zh])).toEqual(hand.sections.map((s: { n: number; title_zh: string }) => [s.n, s.title_zh]));
    expect(r.co_handling.map((c: { zh: string }) => c.zh)).toEqual(hand.co_handling.map((c: { zh: string }) => c.zh));
    expect(r.cc.map((c: { zh: string }) => c.zh)).toEqual(hand.cc.map((c: { zh: string }) => c.zh));
  });

  it("never drafts a wider place's figure as the reply's own: it gets a place to declare", () => {
    const hand = JSON.parse(fs.readFileSync(path.join(dir, 'reply.json'), 'utf8'));
    const own = Object.keys(hand.places)[0];
    const wider = rows(path.join(dir, 'figures.csv')).filter((f) => f.scope !== own);
    expect(wider.length).toBeGreaterThan(0);
    const places = (draft.reply as { places: Record<string, { zh: string }> }).places;
    for (const h of wider) {
      const d = draft.figures.find((x) => x.quote.includes(h.quote!) || h.quote!.includes(x.quote))!;
      expect(d.scope).not.toBe(Object.keys(places)[0]);
      expect(places[d.scope]!.zh).toMatch(/全/);
      expect(d.draft_note).toMatch(/a place wider than the reply's own/);
    }
  });

  it('writes one empty translation block per paragraph', () => {
    const n = source.split('\n').filter((l) => l.trim()).length;
    expect(draft.files['source.en.md']!.match(/<!-- p\d+ -->/g)).toHaveLength(n);
  });
});

describe('cleaning the text', () => {
  it('removes a Word bookmark and records it with its line', () => {
    const { text, cleaning } = cleanSource('\uFEFF标题\r\n[bookmark: _GoBack]一、正文。\r\n');
    expect(text).toBe('标题\n一、正文。\n');
    expect(cleaning).toMatchObject([{ removed: '[bookmark: _GoBack]', occurrences: 1, line: 2 }]);
  });
});

describe('guessing a deadline', () => {
  it.each([
    ['力争2023年底前完成', '2023-12'],
    ['到2022年底，全市将新增', '2022-12'],
    ['2024年6月前建成', '2024-06'],
    ['2022年秋季学期起', '2022-09'],
  ])('%s -> %s', (s, d) => expect(guessDeadline(s)?.deadline).toBe(d));
});

/** Properties: a statistic written as an official writes it is drafted with exactly its value and qualifier. */
describe('drafting official-style sentences (property)', () => {
  const SAFE = '工会企业慈溪建设服务住房学校政策落实推进完善'.split('');
  const filler = fc.string({ unit: fc.constantFrom(...SAFE), minLength: 1, maxLength: 6 });
  const wrap = (s: string) => `对第一号建议的答复\n一、测试。${s}。\n测试市总工会\n2023年5月10日\n`;
  type Case = { text: string; value: number; qualifier: string };
  const amount = fc.oneof(
    fc.integer({ min: 1, max: 99999 }).map((n) => ({ text: String(n), value: n })),
    fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => ({ text: `${a}.${b}万`, value: Number(`${a}${b}000`) })),
    fc.integer({ min: 1, max: 9999 }).map((n) => ({ text: `${n}万`, value: n * 10000 })),
    fc.integer({ min: 1, max: 99 }).map((n) => ({ text: `${n}亿`, value: n * 100000000 })),
  );
  const counter = fc.constantFrom('人', '名', '人次', '家', '所', '个', '套（间）', '元');
  const statistic: fc.Arbitrary<Case> = fc
    .tuple(amount, counter, fc.constantFrom('exact', 'more_than', 'at_least', 'at_least_after', 'approx', 'more_than_mid'))
    .map(([a, c, q]) => {
      const measureWord = ['人', '名', '家', '所', '个'].includes(c);
      if (q === 'more_than') return { text: `${a.text}余${c}`, value: a.value, qualifier: 'more_than' };
      if (q === 'more_than_mid' && /万$/.test(a.text) && !a.text.includes('.')) return { text: `${a.text.replace('万', '余万')}${c}`, value: a.value, qualifier: 'more_than' };
      if (q === 'at_least') return { text: `不少于${a.text}${c}`, value: a.value, qualifier: 'at_least' };
      if (q === 'at_least_after' && measureWord) return { text: `${a.text}${c}以上`, value: a.value, qualifier: 'at_least' };
      if (q === 'approx') return { text: `约${a.text}${c}`, value: a.value, qualifier: 'approx' };
      return { text: `${a.text}${c}`, value: a.value, qualifier: 'exact' };
    });
  const percent: fc.Arbitrary<Case> = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('', '约', '近'))
    .map(([a, b, q]) => ({ text: `${q}${a}.${String(b).padStart(2, '0')}%`, value: Number(`${a}.${String(b).padStart(2, '0')}`), qualifier: q ? 'approx' : 'exact' }));

  it('reads the value and qualifier of each statistic, in any filler', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(filler, fc.oneof(statistic, percent), filler, (a, s, b) => {
        const d = draftReply(wrap(`${a}${s.text}${b}`), 'test-1');
        expect(d.figures.map((f) => [f.value, f.qualifier])).toEqual([[s.value, s.qualifier]]);
      }),
      { numRuns: 200 },
    );
  });

  it('takes no date or year for a statistic, and lists its digits as not-figures', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(filler, fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (a, y, m, day) => {
        const d = draftReply(wrap(`${a}${y}年${m}月${day}日${a}`), 'test-1');
        expect(d.figures).toEqual([]);
        expect(d.notFigures.filter((n) => n.reason === 'date').map((n) => n.token)).toEqual([String(y), String(m), String(day)]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('draft -> review -> check, with the synthetic reply', () => {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const id = 'test-2023-007';
  const hand = path.join(FIXTURE, 'data', 'replies', id);

  it('drafts a folder the checker lists open items for, then accepts and builds it once the review is applied', { timeout: 300_000 }, () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-'));
    fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURE, 'data', 'glossary.csv'), path.join(tmp, 'data', 'glossary.csv'));
    const txt = path.join(tmp, 'reply.txt');
    fs.writeFileSync(txt, '[bookmark: _GoBack]' + fs.readFileSync(path.join(hand, 'source.zh.txt'), 'utf8'));

    const r = spawnSync(tsx, ['scripts/draft.ts', txt, id], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_ROOT: tmp } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = path.join(tmp, 'data', 'replies', id);
    // the text as the hand-made folder has it, the bookmark recorded
    expect(fs.readFileSync(path.join(out, 'source.zh.txt'), 'utf8')).toBe(fs.readFileSync(path.join(hand, 'source.zh.txt'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(path.join(out, 'reply.json'), 'utf8')).source.cleaning).toMatchObject([{ removed: '[bookmark: _GoBack]', occurrences: 1, line: 1 }]);

    // a second run never touches the folder
    const again = spawnSync(tsx, ['scripts/draft.ts', txt, id], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_ROOT: tmp } });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    // check:data lists what is left to decide, each with file:line and a fix
    const before = loadDataset(tmp);
    expect(before.dataset).toBeUndefined();
    const lines = before.problems.map(formatProblem);
    expect(lines.some((l) => /reply\.json:\d+: column "draft": the folder is still a draft/.test(l))).toBe(true);
    expect(lines.filter((l) => /figures\.csv:\d+: column "draft_note": to decide: .*Fix: /.test(l))).toHaveLength(8);
    expect(lines.some((l) => /commitments\.csv:\d+: column "draft_note"/.test(l))).toBe(true);
    // the build refuses it with that one list, before Astro runs, and leaves the output alone
    const b = spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_ROOT: tmp, OUT_DIR: path.join(tmp, 'dist') } });
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/problems in the data:\n {2}data\/replies\/test-2023-007\/reply\.json:\d+: column "draft": the folder is still a draft/);
    expect(b.stderr).toMatch(/Build stopped/);
    expect(fs.existsSync(path.join(tmp, 'dist'))).toBe(false);

    // the review: the hand-made decisions (figures, commitments, names, translation) replace the guesses;
    // the drafted text and not-figures are kept as drafted
    for (const f of ['figures.csv', 'commitments.csv', 'reply.json', 'source.en.md', 'events.csv', 'derived.csv', 'status-log.csv']) fs.copyFileSync(path.join(hand, f), path.join(out, f));
    const nf = fs.readFileSync(path.join(out, 'not-figures.csv'), 'utf8');
    expect(nf).not.toMatch(/reason guessed/);
    const c = spawnSync(tsx, ['scripts/check-data.ts', tmp], { cwd: ROOT, encoding: 'utf8' });
    expect(c.stderr).toBe('');
    expect(c.stdout).toMatch(/^data ok: 1 reply, 8 figures/);

    // and the reviewed folder builds into the reply's pages
    const site = path.join(tmp, 'dist');
    const built = spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_ROOT: tmp, OUT_DIR: site } });
    expect(built.status, built.stderr + built.stdout).toBe(0);
    for (const page of [`replies/${id}/index.html`, `replies/${id}/commitments/index.html`, `en/replies/${id}/index.html`]) expect(fs.existsSync(path.join(site, page)), page).toBe(true);
  });
});
