import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { paragraphSegments, segmentsText, type Segment } from '../../src/lib/segments';

const reply = getDataset().replies[0]!;

const collect = (segs: Segment[], kind: Segment['kind'], out: string[] = []): string[] => {
  for (const s of segs) {
    if (s.kind === kind && 'id' in s) out.push(s.id);
    if ('children' in s) collect(s.children, kind, out);
  }
  return out;
};

describe('source highlighting', () => {
  it('keeps every paragraph’s text intact', () => {
    for (const p of reply.paragraphs) expect(segmentsText(paragraphSegments(reply, p.n))).toBe(p.text);
  });
  it('highlights every figure and commitment exactly once, and anchors every event', () => {
    const all = reply.paragraphs.map((p) => paragraphSegments(reply, p.n));
    const figs = all.flatMap((s) => collect(s, 'figure'));
    const coms = all.flatMap((s) => collect(s, 'commitment'));
    const evts = all.flatMap((s) => collect(s, 'anchor'));
    expect(figs.sort()).toEqual(reply.figures.map((f) => f.id).sort());
    expect(coms.sort()).toEqual([...reply.commitments, ...reply.statements].map((c) => c.id).sort());
    expect(evts.sort()).toEqual(reply.events.map((e) => e.id).sort());
  });
  it('a highlighted figure holds exactly its quote', () => {
    const find = (segs: Segment[], id: string): Segment | undefined => {
      for (const s of segs) {
        if ('id' in s && s.id === id && s.kind === 'figure') return s;
        if ('children' in s) {
          const f = find(s.children, id);
          if (f) return f;
        }
      }
    };
    for (const f of reply.figures) {
      const seg = find(paragraphSegments(reply, f.span.paragraph), f.id)!;
      expect(segmentsText((seg as { children: Segment[] }).children)).toBe(f.quote);
    }
  });
});
