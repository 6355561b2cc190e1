import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data';
import { derivedFigures, impliedTotalInterval, computeDerived } from '../../src/lib/derived';
import { formulaText } from '../../src/lib/format/derived';
import type { DerivedDef, Figure } from '../../src/lib/data/model';

const reply = getDataset().replies[0]!;
const derived = derivedFigures(reply);
const fig = (id: string) => reply.figures.find((f) => f.id === id)!;
const byFn = (fn: string) => derived.filter((d) => d.fn === fn);

describe('derived figures are computed from the rows they name', () => {
  it('every derived.csv row gives a result whose inputs are figures of the reply', () => {
    expect(derived.length).toBe(reply.derivedDefs.length);
    for (const d of derived) {
      expect(d.inputs.length).toBeGreaterThan(0);
      for (const i of d.inputs) expect(reply.figures).toContain(i);
      expect(Number.isFinite(d.value)).toBe(true);
    }
  });

  it('sum adds its inputs, and lower bounds stay lower bounds', () => {
    for (const d of byFn('sum')) {
      expect(d.value).toBe(d.inputs.reduce((s, i) => s + i.value, 0));
      if (d.inputs.every((i) => i.qualifier === 'exact')) expect(d.qualifier).toBe('exact');
    }
    const synthetic = computeDerived(
      { id: 'x', formula: 'sum(a, b)', unit: 'unit', label_zh: '', label_en: '', caveat_zh: '', caveat_en: '', line: 2 } as DerivedDef,
      new Map<string, Figure>([
        ['a', { ...fig('pilot-units'), id: 'a' }],
        ['b', { ...fig('studios-total'), id: 'b' }],
      ]),
    );
    expect(synthetic.qualifier).toBe('more_than');
  });

  it('share is part over whole in percent; a share of a lower bound is approximate', () => {
    for (const d of byFn('share')) {
      const [a, b] = d.inputs as [Figure, Figure];
      expect(d.value).toBeCloseTo((a.value / b.value) * 100, 10);
      expect(d.qualifier).toBe(a.qualifier === 'exact' && b.qualifier === 'exact' ? 'exact' : 'approx');
    }
  });

  it('the levels of studios add up to the stated total', () => {
    const sum = derived.find((d) => d.id === 'studios-levels-sum')!;
    expect(sum.value).toBe(fig('studios-total').value);
  });

  it('implied total: part / share, with the integer interval the rounding allows', () => {
    for (const d of byFn('implied_total')) {
      const [part, share] = d.inputs as [Figure, Figure];
      expect(d.value).toBeCloseTo(part.value / (share.value / 100), 10);
      const [lo, hi] = d.interval!;
      for (let n = lo - 3; n <= hi + 3; n++) {
        const rounded = Math.round((part.value / n) * 10000) / 100;
        expect(rounded === share.value, `total ${n}`).toBe(n >= lo && n <= hi);
      }
      expect(d.qualifier).toBe('approx');
    }
  });

  it('impliedTotalInterval on constructed cases', () => {
    // 1 of 3 is 33.33%: only N = 3 rounds to 33.33
    expect(impliedTotalInterval(1, 33.33)).toEqual([3, 3]);
    // 50% of 10, stated with no decimals: N from 10 (50%) ... 1/N in [49.5, 50.5) -> N in (9.9, 10.1]
    expect(impliedTotalInterval(5, 50)).toEqual([10, 10]);
    // a coarse share allows several totals: 10 is 20% of 48..52 when rounded to whole percent
    expect(impliedTotalInterval(10, 20)).toEqual([49, 51]);
  });

  it('formulas show the numbers they use, in both languages', () => {
    for (const d of derived) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = formulaText(d, locale);
        expect(text).toMatch(/[=≈]/);
        expect(text.length).toBeGreaterThan(4);
      }
    }
    const rate = derived.find((d) => d.id === 'contest-certificate-rate')!;
    const [a, b] = rate.inputs;
    expect(formulaText(rate, 'en')).toContain(`${a!.value.toLocaleString('en')} ÷ ${b!.value.toLocaleString('en')}`);
  });

  it('flags a ratio that mixes Cixi and all-Ningbo figures', () => {
    const mixed = derived.filter((d) => d.scopes.length > 1);
    expect(mixed.length).toBeGreaterThan(0);
    for (const d of mixed) expect(d.def.caveat_en).toMatch(/scope|place/i);
  });
});
