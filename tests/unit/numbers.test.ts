import { describe, expect, it } from 'vitest';
import { digitRuns, parseChineseNumeral, parseNumbers, decimalsOf } from '../../src/lib/data/numbers';

const one = (s: string) => {
  const t = parseNumbers(s);
  expect(t.length, `numbers in ${s}`).toBeGreaterThan(0);
  return t[0]!;
};

describe('parseNumbers: the forms the reply uses', () => {
  it.each([
    ['共吸引10652人报名参赛', 10652, 'exact', false],
    ['占全市发展总数的39.63%', 39.63, 'exact', true],
    ['不少于13万套（间）', 130000, 'at_least', false],
    ['可提供500余套（间）房源', 500, 'more_than', false],
    ['2000余名新市民', 2000, 'more_than', false],
    ['平均每年开展实训5000余人次', 5000, 'more_than', false],
    ['申报居住登记半年以上', 0.5, 'at_least', false],
    ['连续就读满1年及以上', 1, 'at_least', false],
    ['符合下列三个条件之一', 3, 'exact', false],
    ['约1.5万人', 15000, 'approx', false],
    ['近两千人', 2000, 'approx', false],
    ['超过3亿元', 300000000, 'more_than', false],
    ['２０２１年', 2021, 'exact', false],
    ['二十二家', 22, 'exact', false],
    ['一百五十五个', 155, 'exact', false],
    ['累计发放补贴1850余万元', 18500000, 'more_than', false],
    ['覆盖职工28.7万人', 287000, 'exact', false],
    ['培训3.6万人次', 36000, 'exact', false],
    ['约62%的企业', 62, 'approx', true],
    ['不少于200万人', 2000000, 'at_least', false],
    ['2000多万元', 20000000, 'more_than', false],
  ] as const)('%s -> %d (%s)', (text, value, qualifier, percent) => {
    const t = one(text);
    expect(t.value).toBe(value);
    expect(t.qualifier).toBe(qualifier);
    expect(t.percent).toBe(percent);
    expect(text).toContain(t.raw);
  });

  it('reads every number of a sentence in order, with positions', () => {
    const s = '义务段学校2021年比2020年多接纳流动人口4161人就读';
    const t = parseNumbers(s);
    expect(t.map((x) => x.value)).toEqual([2021, 2020, 4161]);
    for (const x of t) expect(s.slice(x.start, x.end)).toBe(x.raw);
    // 多 before a number is a verb here, not a qualifier of 2020
    expect(t[1]!.qualifier).toBe('exact');
  });

  it.each([
    ['1850余万元', 'yuan'],
    ['28.7万人', 'person'],
    ['3.6万人次', 'person-time'],
    ['2000余名', 'person'],
    ['约62%', 'percent'],
    ['500余套（间）', undefined],
    ['三个条件', undefined],
  ] as const)('%s names the unit %s', (text, unit) => {
    expect(one(text).unit).toBe(unit);
  });

  it('does not read words that merely contain numerals', () => {
    expect(parseNumbers('一是落实双向进入、一定比例')).toEqual([]);
  });

  it('multiplies 万 without floating-point error', () => {
    expect(one('13.7万').value).toBe(137000);
    expect(one('0.07万').value).toBe(700);
  });
});

describe('helpers', () => {
  it('parseChineseNumeral', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('十八')).toBe(18);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('半')).toBe(0.5);
    expect(parseChineseNumeral('是')).toBeUndefined();
  });
  it('digitRuns finds ASCII and full-width runs', () => {
    expect(digitRuns('〔2021〕8号，８人').map((r) => r.run)).toEqual(['2021', '8', '８']);
  });
  it('decimalsOf', () => {
    expect(decimalsOf(39.63)).toBe(2);
    expect(decimalsOf(493)).toBe(0);
  });
});
