/**
 * Property-based tests (fast-check) of the Chinese number parser: a number
 * written any way an official reply writes it is read back as exactly that
 * value with exactly that qualifier, wherever it stands in a sentence; and no
 * text, however odd, makes the parser throw or invent a number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumbers, parseChineseNumeral, toAsciiDigits, type Qualifier } from '../../src/lib/data/numbers';

/** Text around a number that holds no digit, numeral, multiplier, qualifier or measure word. */
const SAFE = '工会企业慈溪建设服务住房学校政策落实推进完善，。、：；（）'.split('');
const filler = fc.string({ unit: fc.constantFrom(...SAFE), maxLength: 8 });

/** Full-width digits, as some documents type them. */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');

/** n as Chinese numerals, the way they are written (十二, 一百零五, 三千二百); n in 1..9999. */
function chinese(n: number): string {
  const D = '零一二三四五六七八九';
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    const unit = units[i] ?? '';
    out += (d === 1 && unit === '十' && !out ? '' : D[d]!) + unit;
  });
  return out;
}

interface Form {
  text: string;
  value: number;
  qualifier: Qualifier;
  percent: boolean;
  /** The unit its counter names (人 person, 人次 person-time, 元 yuan), where it has one. */
  unit?: string;
}

/** A counter after the number and the unit it names. */
const counter = fc.constantFrom(['人', 'person'], ['名', 'person'], ['人次', 'person-time'], ['元', 'yuan']);

const integer = fc.integer({ min: 0, max: 10 ** 12 });
/** A decimal string with at most `places` decimals, and its value in units of 10^-places as a bigint. */
const decimal = (places: number) =>
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: places })).map(([i, f]) => ({
    text: `${i}.${f}`,
    i,
    f,
  }));

/** 1850, 28.7, 3.6: a number of 万 with up to four decimals, and its value as a whole number (no floating point). */
const wan = decimal(4).map(({ text, i, f }) => ({ text, value: Number(BigInt(i) * 10_000n + BigInt(f.padEnd(4, '0'))) }));

/** Every form in which a reply states a number, with the value and qualifier it means. */
const form: fc.Arbitrary<Form> = fc.oneof(
  integer.map((n) => ({ text: String(n), value: n, qualifier: 'exact', percent: false })),
  integer.map((n) => ({ text: fullWidth(String(n)), value: n, qualifier: 'exact', percent: false })),
  fc.integer({ min: 0, max: 10 ** 8 }).map((n) => ({ text: `${n}万`, value: n * 10_000, qualifier: 'exact', percent: false })),
  fc.integer({ min: 0, max: 10 ** 7 }).map((n) => ({ text: `${n}亿`, value: n * 10 ** 8, qualifier: 'exact', percent: false })),
  // 1.5万 = 15000: with up to four decimals the value is a whole number, computed here without floating point.
  decimal(4).map(({ text, i, f }) => ({ text: `${text}万`, value: Number(BigInt(i) * 10_000n + BigInt(f.padEnd(4, '0'))), qualifier: 'exact', percent: false })),
  decimal(2).map(({ text }) => ({ text: `${text}%`, value: Number(text), qualifier: 'exact', percent: true })),
  decimal(2).map(({ text }) => ({ text: `${fullWidth(text)}％`, value: Number(text), qualifier: 'exact', percent: true })),
  integer.map((n) => ({ text: `${n}余`, value: n, qualifier: 'more_than', percent: false })),
  integer.map((n) => ({ text: `${n}多`, value: n, qualifier: 'more_than', percent: false })),
  fc.integer({ min: 1, max: 10 ** 8 }).map((n) => ({ text: `${n}万余`, value: n * 10_000, qualifier: 'more_than', percent: false })),
  integer.map((n) => ({ text: `超过${n}`, value: n, qualifier: 'more_than', percent: false })),
  integer.map((n) => ({ text: `不少于${n}`, value: n, qualifier: 'at_least', percent: false })),
  fc.integer({ min: 1, max: 10 ** 8 }).map((n) => ({ text: `不少于${n}万`, value: n * 10_000, qualifier: 'at_least', percent: false })),
  integer.map((n) => ({ text: `不低于${n}`, value: n, qualifier: 'at_least', percent: false })),
  integer.map((n) => ({ text: `至少${n}`, value: n, qualifier: 'at_least', percent: false })),
  integer.map((n) => ({ text: `${n}以上`, value: n, qualifier: 'at_least', percent: false })),
  integer.map((n) => ({ text: `满${n}年及以上`, value: n, qualifier: 'at_least', percent: false })),
  integer.map((n) => ({ text: `约${n}`, value: n, qualifier: 'approx', percent: false })),
  integer.map((n) => ({ text: `近${n}`, value: n, qualifier: 'approx', percent: false })),
  integer.map((n) => ({ text: `大约${n}`, value: n, qualifier: 'approx', percent: false })),
  fc.integer({ min: 1, max: 9999 }).map((n) => ({ text: `${chinese(n)}个`, value: n, qualifier: 'exact', percent: false })),
  fc.integer({ min: 1, max: 9999 }).map((n) => ({ text: `${chinese(n)}所以上`, value: n, qualifier: 'at_least', percent: false })),
  // The forms of larger sums and head-counts: 1850余万元, 28.7万人, 3.6万人次, 约62%, 不少于200万人.
  fc.tuple(fc.integer({ min: 1, max: 10 ** 6 }), fc.constantFrom('余', '多'), counter).map(([n, q, [c, unit]]) => ({ text: `${n}${q}万${c}`, value: n * 10_000, qualifier: 'more_than', percent: false, unit })),
  fc.tuple(fc.integer({ min: 1, max: 10 ** 4 }), fc.constantFrom('余', '多')).map(([n, q]) => ({ text: `${n}${q}亿元`, value: n * 10 ** 8, qualifier: 'more_than', percent: false, unit: 'yuan' })),
  fc.tuple(wan, counter).map(([w, [c, unit]]) => ({ text: `${w.text}万${c}`, value: w.value, qualifier: 'exact', percent: false, unit })),
  fc.tuple(integer, counter).map(([n, [c, unit]]) => ({ text: `${n}余${c}`, value: n, qualifier: 'more_than', percent: false, unit })),
  fc.tuple(fc.integer({ min: 1, max: 10 ** 6 }), counter).map(([n, [c, unit]]) => ({ text: `不少于${n}万${c}`, value: n * 10_000, qualifier: 'at_least', percent: false, unit })),
  decimal(2).map(({ text }) => ({ text: `约${text}%`, value: Number(text), qualifier: 'approx', percent: true })),
  fc.integer({ min: 0, max: 100 }).map((n) => ({ text: `约${n}%`, value: n, qualifier: 'approx', percent: true })),
) as fc.Arbitrary<Form>;

describe('parseNumbers, property-based', () => {
  it('reads every form of a number back as exactly its value and qualifier, anywhere in a sentence', () => {
    fc.assert(
      fc.property(filler, form, filler, (before, f, after) => {
        const text = before + f.text + after;
        const tokens = parseNumbers(text);
        expect(tokens, text).toHaveLength(1);
        const t = tokens[0]!;
        expect(t.value, text).toBe(f.value);
        expect(t.qualifier, text).toBe(f.qualifier);
        expect(t.percent, text).toBe(f.percent);
        expect(t.unit, text).toBe(f.unit ?? (f.percent ? 'percent' : undefined));
        // The span covers the number and its qualifier words (a measure word after a numeral is not part of it).
        expect(text.slice(t.start, t.end)).toBe(t.raw);
        expect(f.text.startsWith(t.raw) || f.text.includes(t.raw)).toBe(true);
        expect(t.start).toBe(before.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads several numbers in one sentence, in order, each with its own value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(form, filler.filter((s) => s.length > 0)), { minLength: 2, maxLength: 5 }), (parts) => {
        const text = parts.map(([f, sep]) => f.text + sep).join('');
        const tokens = parseNumbers(text);
        expect(tokens.map((t) => [t.value, t.qualifier, t.percent, t.unit]), text).toEqual(parts.map(([f]) => [f.value, f.qualifier, f.percent, f.unit ?? (f.percent ? 'percent' : undefined)]));
      }),
      { numRuns: 1000 },
    );
  });

  it('Chinese numerals 1 to 9999 read back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
      expect(parseChineseNumeral(chinese(n))).toBe(n);
    }), { numRuns: 2000 });
  });

  it('full-width digits are read as the same number', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
      expect(toAsciiDigits(fullWidth(String(n)))).toBe(String(n));
    }));
  });

  it('never throws on any text, and every number it reports is a finite, non-negative value at a real span', () => {
    const unit = fc.constantFrom(...'0123456789０５.．%％万亿余多以上不少于至约近满超过一二两三十百千零半个所年人及，。工a '.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const tokens = parseNumbers(text);
        let last = 0;
        for (const t of tokens) {
          expect(Number.isFinite(t.value)).toBe(true);
          expect(t.value).toBeGreaterThanOrEqual(0);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start, t.end)).toBe(t.raw);
          // The digits it read are digits of the text.
          expect(/[0-9０-９零〇一二两三四五六七八九十百千半]/.test(t.raw)).toBe(true);
          last = t.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('text without any digit or numeral yields no number', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...SAFE, '余', '多', '以上', '约', '万', '个', 'a', ' '), maxLength: 30 }), (text) => {
      expect(parseNumbers(text)).toEqual([]);
    }));
  });
});
