/** Dates as the data writes them: YYYY, YYYY-MM or YYYY-MM-DD, all real calendar dates. */
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return Number(y) >= 1900 && Number(y) <= 2100;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isPartialDate(s);
}

/** The last day a partial date can mean: 2022-09 -> 2022-09-30; 2022 -> 2022-12-31. */
export function endOf(s: string): string {
  const [y, m, d] = s.split('-');
  if (d) return s;
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}

export type Period =
  | { kind: 'point'; date: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'by'; date: string }
  | { kind: 'from'; date: string }
  | { kind: 'as_of'; date: string };

export const PERIOD_FORMS = '"2021", "2019/2022-06", "by 2022-12-31", "from 2022-09" or "as of 2022-06"';

/** Parse a period; undefined if it is not one of the forms above or a date in it is not real. */
export function parsePeriod(s: string): Period | undefined {
  const t = s.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(by|from|as of) (\S+)$/.exec(t))) {
    const date = m[2]!;
    if (!isPartialDate(date)) return undefined;
    return { kind: m[1] === 'by' ? 'by' : m[1] === 'from' ? 'from' : 'as_of', date };
  }
  if ((m = /^(\S+)\/(\S+)$/.exec(t))) {
    const [from, to] = [m[1]!, m[2]!];
    if (!isPartialDate(from) || !isPartialDate(to) || endOf(from) > endOf(to)) return undefined;
    return { kind: 'range', from, to };
  }
  return isPartialDate(t) ? { kind: 'point', date: t } : undefined;
}
