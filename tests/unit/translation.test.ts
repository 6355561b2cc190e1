/** The marks of our English translation: the same figures and commitments as the Chinese, each once, in its paragraph. */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { loadDataset } from '../../src/lib/data/load';
import { parseMarks } from '../../src/lib/data/translation';
import { segmentsText, translationSegments } from '../../src/lib/segments';
import { copyData, edit, REPLY } from './helpers';

const reply = getDataset().replies[0]!;

describe('translation marks', () => {
  it('nest, and leave brackets without an id as text', () => {
    const { text, marks } = parseMarks('No. 8 [2021]: [we will build [500 homes]{fig=homes} soon]{com=build}.');
    expect(text).toBe('No. 8 [2021]: we will build 500 homes soon.');
    expect(marks.map((m) => [m.kind, m.id, text.slice(m.start, m.end)])).toEqual([
      ['commitment', 'build', 'we will build 500 homes soon'],
      ['figure', 'homes', '500 homes'],
    ]);
  });
  it('the translation marks every figure and every commitment exactly once, in the paragraph of its quote', () => {
    const marks = reply.paragraphs.flatMap((p) => p.enMarks.map((m) => ({ ...m, n: p.n })));
    expect(marks.filter((m) => m.kind === 'figure').map((m) => m.id).sort()).toEqual(reply.figures.map((f) => f.id).sort());
    expect(marks.filter((m) => m.kind === 'commitment').map((m) => m.id).sort()).toEqual([...reply.commitments, ...reply.statements].map((c) => c.id).sort());
    for (const m of marks) {
      const row = reply.figures.find((f) => f.id === m.id) ?? [...reply.commitments, ...reply.statements].find((c) => c.id === m.id)!;
      expect(row.span.paragraph, m.id).toBe(m.n);
    }
    for (const p of reply.paragraphs) {
      expect(p.en).not.toMatch(/\]\{(fig|com)=/);
      expect(segmentsText(translationSegments(reply, p.n))).toBe(p.en);
    }
  });
  it('a mark naming no row stops the load, naming the file and line', () => {
    const root = copyData();
    edit(root, `${REPLY}/source.en.md`, (s) => s.replace('{fig=contest-entrants}', '{fig=contest-entrant}'));
    const { problems } = loadDataset(root);
    const msgs = problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('\n');
    expect(msgs).toMatch(/source\.en\.md:\d+ the mark names no figure/);
    expect(msgs).toMatch(/the figure "contest-entrants" is not marked/);
  });
});
