/**
 * A small parser for the number forms that official Chinese replies use:
 * Arabic digits (4161, 39.63%), the multipliers 万 and 亿 (13万 = 130000),
 * Chinese numerals before a measure word (三个 = 3, 半年 = 0.5), and the
 * qualifiers around them: 余/多 after a number or between it and its 万/亿
 * (500余, 1850余万元: "more than"), 不少于/至少/满 before or 以上 after
 * ("at least"), 约/近/大约 before ("approximately"); and the unit a counter
 * right after it names (人, 名, 人次, 元, %), where it names one.
 */

export const QUALIFIERS = ['exact', 'more_than', 'at_least', 'approx'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface NumberToken {
  /** The span of text the number was read from, qualifier words included. */
  raw: string;
  value: number;
  qualifier: Qualifier;
  /** True for a percentage (39.63%): value is then the number of percent. */
  percent: boolean;
  /** The site unit the counter after the number names (人/名 person, 人次 person-time, 元 yuan, % percent); undefined for any other. */
  unit?: string;
  start: number;
  end: number;
}

const DIGITS = '0-9０-９';
const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Measure words after which a Chinese numeral is a quantity, not part of a word (一是, 一定). */
const MEASURE = '个所家名人年套间项种次条位户批届月天';

const AT_LEAST_BEFORE = ['不少于', '不低于', '至少', '满'];
const APPROX_BEFORE = ['大约', '约', '近'];
const MORE_THAN_BEFORE = ['超过'];
/** The qualifier words read before a number, as words no line breaks inside (src/lib/data/words.ts). */
export const QUALIFIER_WORDS: readonly string[] = [...AT_LEAST_BEFORE, ...APPROX_BEFORE, ...MORE_THAN_BEFORE];

/** Full-width digits to ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Multiply a decimal string by 10^k without floating-point error. */
function scaleDecimal(num: string, k: number): number {
  const [int = '0', frac = ''] = num.split('.');
  const digits = int + frac.padEnd(k, '0');
  const point = int.length + k;
  const s = digits.slice(0, point) + (digits.length > point ? '.' + digits.slice(point) : '');
  return Number(s);
}

/** Parse a run of Chinese numerals (三, 十二, 二十二, 一百五十五). Returns undefined if not a number. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s === '半') return 0.5;
  if (!s || /[^零〇一二两三四五六七八九十百千]/.test(s)) return undefined;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      current = CN_DIGIT[ch]!;
    } else {
      const unit = CN_UNIT[ch]!;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    }
  }
  return total + current;
}

function qualifierBefore(text: string, start: number): { qualifier: Qualifier; len: number } | undefined {
  const before = text.slice(Math.max(0, start - 3), start);
  for (const w of AT_LEAST_BEFORE) if (before.endsWith(w)) return { qualifier: 'at_least', len: w.length };
  for (const w of MORE_THAN_BEFORE) if (before.endsWith(w)) return { qualifier: 'more_than', len: w.length };
  for (const w of APPROX_BEFORE) if (before.endsWith(w)) return { qualifier: 'approx', len: w.length };
  return undefined;
}

/** 余/多 right after the number (500余, 2000多); 以上 after an optional measure word and 及 (1年及以上). */
function qualifierAfter(text: string, end: number): { qualifier: Qualifier; len: number } | undefined {
  const next = text[end];
  if (next === '余' || next === '多') return { qualifier: 'more_than', len: 1 };
  const m = new RegExp(`^[${MEASURE}]?及?以上`).exec(text.slice(end, end + 4));
  if (m) return { qualifier: 'at_least', len: m[0].length };
  return undefined;
}

/** Counters after a number that name a unit of the site's own list (longest first). */
const COUNTER_UNITS: [string, string][] = [
  ['人次', 'person-time'],
  ['人', 'person'],
  ['名', 'person'],
  ['元', 'yuan'],
];

function unitAfter(text: string, end: number, percent: boolean): string | undefined {
  if (percent) return 'percent';
  const rest = text.slice(end, end + 2);
  return COUNTER_UNITS.find(([w]) => rest.startsWith(w))?.[1];
}

function token(text: string, start: number, end: number, value: number, percent: boolean, moreThan = false): NumberToken {
  let qualifier: Qualifier = moreThan ? 'more_than' : 'exact';
  let s = start;
  let e = end;
  const before = qualifierBefore(text, start);
  const after = qualifierAfter(text, end);
  if (before) {
    qualifier = before.qualifier;
    s -= before.len;
  }
  if (after) {
    // 满1年及以上: both words say "at least"; 余 after a number wins over a word before it.
    if (qualifier === 'exact' || after.qualifier === 'more_than') qualifier = after.qualifier;
    e += after.len;
  }
  // 1850余万元: 余 between the number and 万 says "more than", whatever comes before.
  if (moreThan) qualifier = 'more_than';
  const unit = unitAfter(text, e, percent);
  return { raw: text.slice(s, e), value, qualifier, percent, start: s, end: e, ...(unit ? { unit } : {}) };
}

/** Every number stated in `text`, in order. */
export function parseNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  // 1850余万: 余/多 is taken with the number only when 万 or 亿 follows it (500余套 leaves it to qualifierAfter).
  const re = new RegExp(`([${DIGITS}]+(?:[.．][${DIGITS}]+)?)(?:([余多])(?=[万亿]))?(%|％|万|亿)?|([零〇一二两三四五六七八九十百千]+|半)(?=[${MEASURE}])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const num = toAsciiDigits(m[1]);
      const mult = m[3];
      const value = mult === '万' ? scaleDecimal(num, 4) : mult === '亿' ? scaleDecimal(num, 8) : Number(num);
      out.push(token(text, start, end, value, mult === '%' || mult === '％', m[2] !== undefined));
    } else if (m[4] !== undefined) {
      const value = parseChineseNumeral(m[4]);
      if (value !== undefined) out.push(token(text, start, end, value, false));
    }
  }
  return out;
}

/** Runs of digits (ASCII or full-width) with their positions: what the coverage check accounts for. */
export function digitRuns(text: string): { run: string; start: number; end: number }[] {
  const out: { run: string; start: number; end: number }[] = [];
  const re = new RegExp(`[${DIGITS}]+`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ run: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Decimal places a value was written with (39.63 -> 2): how precise a stated percentage is. */
export function decimalsOf(value: number): number {
  const s = String(value);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}
