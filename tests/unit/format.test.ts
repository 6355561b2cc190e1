import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity } from '../../src/lib/format/number';
import { formatValue } from '../../src/lib/format/figure';
import { formatDate, formatPeriod } from '../../src/lib/format/date';
import { getDataset } from '../../src/lib/data';

describe('formatNumber', () => {
  it('Chinese: 万 for round large numbers, plain digits for exact counts (GB/T 15835)', () => {
    expect(formatNumber(130000, 'zh-CN')).toBe('13万');
    expect(formatNumber(15000, 'zh-CN')).toBe('1.5万');
    expect(formatNumber(10652, 'zh-CN')).toBe('10652');
    expect(formatNumber(39.63, 'zh-CN')).toBe('39.63');
    expect(formatNumber(130000, 'zh-CN', { wan: false })).toBe('130000');
  });
  it('English: thousands separators', () => {
    expect(formatNumber(130000, 'en')).toBe('130,000');
    expect(formatNumber(10652, 'en')).toBe('10,652');
    expect(formatNumber(39.63, 'en')).toBe('39.63');
  });
});

describe('formatQuantity: qualifiers read naturally', () => {
  it.each([
    [500, 'more_than', 'zh-CN', 'text', '500余'],
    [500, 'more_than', 'en', 'text', 'more than 500'],
    [500, 'more_than', 'en', 'short', '500+'],
    [130000, 'at_least', 'zh-CN', 'text', '不少于13万'],
    [130000, 'at_least', 'en', 'text', 'at least 130,000'],
    [130000, 'at_least', 'en', 'short', '130,000+'],
    [1244, 'approx', 'zh-CN', 'text', '约1244'],
    [1244, 'approx', 'en', 'text', 'about 1,244'],
    [4161, 'exact', 'en', 'text', '4,161'],
  ] as const)('%d %s %s %s -> %s', (v, q, l, style, out) => {
    expect(formatQuantity(v, q, l, { style })).toBe(out);
  });
  it('places the unit where each language puts it', () => {
    expect(formatQuantity(500, 'more_than', 'zh-CN', { unit: '套（间）' })).toBe('500余套（间）');
    expect(formatQuantity(500, 'more_than', 'en', { unit: 'homes' })).toBe('more than 500 homes');
  });
});

describe('formatValue on the real figures', () => {
  const reply = getDataset().replies[0]!;
  it('never writes a lower bound as an exact number', () => {
    for (const f of reply.figures.filter((x) => x.qualifier === 'more_than' || x.qualifier === 'at_least')) {
      expect(formatValue(f, 'en')).toMatch(/^(more than|at least) /);
      expect(formatValue(f, 'zh-CN')).toMatch(/余|不少于|以上/);
      expect(formatValue(f, 'en', { style: 'short' })).toMatch(/\+/);
    }
  });
  it('English plurals follow the value', () => {
    const one = reply.figures.find((f) => f.value === 1 && f.unit === 'base')!;
    expect(formatValue(one, 'en')).toBe('1 training base');
  });
});

describe('dates and periods', () => {
  it('formats partial dates', () => {
    expect(formatDate('2022-06-20', 'zh-CN')).toBe('2022年6月20日');
    expect(formatDate('2022-06-20', 'en')).toBe('20 June 2022');
    expect(formatDate('2022-09', 'en')).toBe('September 2022');
    expect(formatDate('2011', 'zh-CN')).toBe('2011年');
  });
  it('reads a change period as a comparison, not a range', () => {
    expect(formatPeriod('2020/2021', 'en', 'change')).toBe('2021 over 2020');
    expect(formatPeriod('2020/2021', 'zh-CN', 'change')).toBe('2021年比2020年');
    expect(formatPeriod('2019/2022-06', 'en')).toBe('2019 to June 2022');
    expect(formatPeriod('by 2022-12-31', 'zh-CN')).toBe('2022年12月31日前');
    expect(formatPeriod('as of 2022-06', 'en')).toBe('as of June 2022');
    expect(formatPeriod('from 2022-09', 'zh-CN')).toBe('2022年9月起');
  });
});
