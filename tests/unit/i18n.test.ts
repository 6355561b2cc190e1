import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh-CN';
import { useT } from '../../src/i18n';

describe('UI dictionaries', () => {
  it('Chinese has exactly the English keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), k).not.toBe('');
  });
  it('placeholders match between the languages', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(vars(zh[k]), k).toEqual(vars(en[k]));
  });
  it('fills placeholders', () => {
    expect(useT('en')('figures.part', { n: 3 })).toBe('Part 3');
    expect(useT('zh-CN')('figures.part', { n: 3 })).toBe('第3部分');
  });
});
