import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh-CN';
import { useT } from '../../src/i18n';

describe('UI dictionaries', () => {
  it('Chinese has exactly the English keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), k).not.toBe('');
  });
  it('placeholders match between the languages (the same set of names, key by key)', () => {
    const vars = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
    const zhByKey = new Map<string, string>(Object.entries(zh));
    const differ = Object.entries(en)
      .filter(([k, v]) => vars(zhByKey.get(k) ?? '').join() !== vars(v).join())
      .map(([k, v]) => `${k}: en ${vars(v).join('') || '(none)'}, zh ${vars(zhByKey.get(k) ?? '').join('') || '(none)'}`);
    expect(differ, 'keys whose zh and en placeholders differ').toEqual([]);
  });
  it('fills placeholders', () => {
    expect(useT('en')('figures.part', { n: 3 })).toBe('Part 3');
    expect(useT('zh-CN')('figures.part', { n: 3 })).toBe('第3部分');
  });
});
