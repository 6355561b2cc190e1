/**
 * Statistics and other digit runs, found with the site's own number reader
 * (src/lib/data/numbers.ts). A number with a counter after it (人, 人次, 家,
 * 所, 套（间）, 元, %) is a candidate statistic; every other run of digits is a
 * candidate not-figure with the reason guessed (year, date of the reply, list
 * numbering, document number, telephone number, proposal number, a name in
 * quotation marks). Every guess is said in draft_note for the reviewer. Pure.
 */
import { digitRuns, parseNumbers, type NumberToken } from '../data/numbers';
import { COMMON_UNITS } from '../data/vocabulary';
import { clauses, insideMarks, makeUnique, type Para, type Span } from './text';

export interface DraftFigure {
  id: string;
  section: number;
  value: number;
  unit: string;
  qualifier: string;
  measure: string;
  period: string;
  scope: string;
  label_zh: string;
  label_en: string;
  quote: string;
  note_zh: string;
  note_en: string;
  draft_note: string;
  /** Where the number itself is (not written to the CSV). */
  at: Span;
  quoteAt: Span;
}

export interface DraftNotFigure {
  token: string;
  quote: string;
  reason: string;
  draft_note: string;
  at: Span;
}

export interface Context {
  source: string;
  paras: Para[];
  /** The reply's date, YYYY-MM-DD, if found. */
  date?: string;
  dateAt?: Span;
  own: { key: string; zh: string };
}

/** Counters after a number, longest first, and the unit each names. 个/家 name no one thing: the guess is said in the note. */
const COUNTERS: [string, string][] = [
  ['人次', 'person-time'],
  ['套（间）', 'unit'],
  ['人', 'person'],
  ['名', 'person'],
  ['位', 'person'],
  ['元', 'yuan'],
  ['所', 'school'],
  ['套', 'unit'],
  ['间', 'unit'],
  ['家', 'studio'],
  ['个', 'project'],
  ['年', 'year'],
  ['条', 'line'],
  ['项', 'item'],
  ['户', 'household'],
  ['种', 'kind'],
  ['批', 'batch'],
  ['场', 'event'],
  ['期', 'session'],
  ['次', 'time'],
  ['辆', 'vehicle'],
  ['台', 'machine'],
  ['座', 'building'],
  ['处', 'site'],
  ['亩', 'mu'],
  ['天', 'day'],
];

/** The counter right after a token (年 after a four-digit year is no counter). */
export function counterAfter(source: string, t: NumberToken): { zh: string; unit: string } | undefined {
  if (t.percent) return { zh: '%', unit: 'percent' };
  const rest = source.slice(t.end, t.end + 4);
  const c = COUNTERS.find(([zh]) => rest.startsWith(zh));
  if (c) return { zh: c[0], unit: c[1] };
  // 半年以上, 满1年及以上: the reader took the counter with 以上 into the token
  const inside = /([^\d])及?以上$/.exec(source.slice(t.start, t.end));
  const own = inside && COUNTERS.find(([zh]) => zh === inside[1]);
  return own ? { zh: '', unit: own[1] } : undefined;
}

type Kind = { figure: true; counter: { zh: string; unit: string } } | { figure: false; reason: string; sure: boolean };

/** Is the token a statistic, and if not, why not. */
export function classify(t: NumberToken, ctx: Context): Kind {
  const { source } = ctx;
  const raw = source.slice(t.start, t.end);
  const after = source.slice(t.end, t.end + 4);
  const before = source.slice(Math.max(0, t.start - 8), t.start);
  const lineStart = source.lastIndexOf('\n', t.start) + 1;
  const digits = /^[0-9０-９]+$/.test(raw);
  if (ctx.dateAt && t.start >= ctx.dateAt.start && t.end <= ctx.dateAt.end) return { figure: false, reason: 'date of the reply', sure: true };
  if (/^第$/.test(source[t.start - 1] ?? '') && /^号(?:建议|提案|议案)/.test(after)) return { figure: false, reason: 'proposal number', sure: true };
  if (/[〔［\[]$/.test(before) && /^[〕］\]]/.test(after)) return { figure: false, reason: 'year in a document number', sure: true };
  if (/[〕］\]]$/.test(before) && after.startsWith('号')) return { figure: false, reason: 'document number', sure: true };
  if (/(?:电话|手机|传真|Tel)[：:]?\s*$/i.test(before) || (digits && raw.length >= 7 && !counterAfter(source, t))) return { figure: false, reason: 'telephone number', sure: /电话|手机|传真/.test(before) };
  if (/^(?:19|20)\d\d$/.test(raw) && after.startsWith('年')) {
    const date = /^年\d{1,2}月(?:\d{1,2}日)?/.test(after);
    return { figure: false, reason: date ? 'date' : 'year', sure: true };
  }
  if (digits && (/^月/.test(after) && /年$/.test(before) || /^日/.test(after) && /月$/.test(before))) return { figure: false, reason: 'date', sure: true };
  if (digits && /^[.．、)）]/.test(after) && (t.start === lineStart || /[：:；;。，\s]$/.test(before))) return { figure: false, reason: 'list numbering', sure: true };
  const marks = insideMarks(source, t.start);
  if (marks === '《》') return { figure: false, reason: 'inside a document title (《》)', sure: true };
  if (marks === '“”') return { figure: false, reason: 'part of a name in quotation marks', sure: false };
  if (!digits && /^(?:届|次会议)/.test(after)) return { figure: false, reason: 'session', sure: true };
  const counter = counterAfter(source, t);
  if (counter) return { figure: true, counter };
  return { figure: false, reason: 'a number with no counter after it', sure: false };
}

const BY = /到(\d{4})年(底|末)?|(\d{4})年(?:底|末)?前/;

function guessMeasure(ctxText: string, quote: string, unit: string): { measure: string; why: string } {
  const m = (measure: string, why: string) => ({ measure, why });
  if (BY.test(ctxText) || /目标|力争|计划/.test(quote)) return m('target', 'a target (到…年 / 目标)');
  if (/比(?:上年|去年|\d{4}年)|增长|增加|多接纳|减少/.test(quote)) return m('change', 'a change (比…, 增长, 多)');
  if (/累计|以来/.test(ctxText)) return m('cumulative', 'a running total (累计, 以来)');
  if (/平均每年|年均|每年平均/.test(ctxText)) return m('annual_average', 'a yearly average (平均每年)');
  if (unit === 'percent' || /占/.test(quote)) return m('share', 'a share (%, 占)');
  if (/以上|满|不少于|至少|条件/.test(quote) && (unit === 'year' || /条件/.test(quote))) return m('threshold', 'a condition (以上, 满, 条件)');
  if (/去年|今年|上年|\d{4}年|新开通|发放|举办|发展|认定|吸引|获得/.test(ctxText)) return m('flow', 'what happened in a period (a year named, or 发展/认定/发放)');
  return m('count', 'a stock at the time of the reply (已, 共, 建有)');
}

function guessPeriod(ctxText: string, measure: string, date: string | undefined): { period: string; why: string } {
  const y = date ? Number(date.slice(0, 4)) : undefined;
  const ym = date ? date.slice(0, 7) : undefined;
  const p = (period: string, why: string) => ({ period, why });
  const by = BY.exec(ctxText);
  if (measure === 'target' && by) return p(`by ${by[1] ?? by[3]}-12-31`, `到${by[1] ?? by[3]}年: the end of that year`);
  const range = /(\d{4})年比(\d{4})年/.exec(ctxText);
  if (range) return p(`${range[2]}/${range[1]}`, `${range[1]}年比${range[2]}年: the two years compared`);
  const since = /(\d{4})年以来/.exec(ctxText);
  if (since && ym) return p(`${since[1]}/${ym}`, `${since[1]}年以来: from then to the reply's date`);
  const from = /(\d{4})年(?:秋季学期|秋季)起/.exec(ctxText);
  if (from) return p(`from ${from[1]}-09`, `${from[1]}年秋季学期起: from September`);
  if (/去年|上年度|上年/.test(ctxText) && y) return p(String(y - 1), `去年/上年 in a reply dated ${date}: ${y - 1}`);
  if (/今年|本年度/.test(ctxText) && y) return p(String(y), `今年 in a reply dated ${date}`);
  const year = [...ctxText.matchAll(/(\d{4})年(?![\d月])/g)].map((x) => x[1]!);
  if (year.length === 1) return p(year[0]!, `${year[0]}年 named in the sentence`);
  if (ym) return p(`as of ${ym}`, `no period named: as of the reply's date`);
  return p('TODO', 'no period named and no reply date found');
}

/** Wider places a figure may cover; the key is a placeholder for the reviewer to rename and declare. */
const WIDER: { re: RegExp; key: string }[] = [
  { re: /全国/, key: 'country' },
  { re: /全省|全[\u4e00-\u9fff]{1,3}省/, key: 'province' },
  { re: /全?[\u4e00-\u9fff]{2}大市/, key: 'city' },
  { re: /全[\u4e00-\u9fff]{2}市(?!级)/, key: 'city' },
  { re: /省里/, key: 'province' },
];

function guessScope(ctxText: string, own: Context['own']): { scope: string; zh?: string; why: string } {
  for (const w of WIDER) {
    const m = w.re.exec(ctxText);
    if (m && !(own.zh && m[0].includes(own.zh))) return { scope: w.key, zh: m[0], why: `"${m[0]}": a place wider than the reply's own, to declare in places` };
  }
  return { scope: own.key, why: `the reply's own place (${own.zh || own.key})` };
}

/** The quote of each statistic: its clause, cut between statistics that share one, grown until unique. */
function quoteSpans(source: string, paras: Para[], stats: NumberToken[]): Span[] {
  const cls = clauses(source, paras);
  return stats.map((t) => {
    const c = cls.find((x) => x.start <= t.start && t.end <= x.end) ?? { start: t.start, end: t.end };
    const inClause = stats.filter((s) => s.start >= c.start && s.end <= c.end);
    const k = inClause.indexOf(t);
    const endOf = (s: NumberToken) => s.end + (counterAfter(source, s)?.zh.length ?? 0) + (/^[余多]/.test(source.slice(s.end + (counterAfter(source, s)?.zh.length ?? 0))) ? 1 : 0);
    let start = k === 0 ? c.start : endOf(inClause[k - 1]!);
    if (source[start] === '、') start++;
    const end = k === inClause.length - 1 ? c.end : endOf(t);
    let span = { start, end };
    // 2022年秋季学期起，原来6所…: the time phrase before it belongs to the statement
    const prev = cls[cls.indexOf(c) - 1];
    if (k === 0 && prev && /起$|以来$/.test(source.slice(prev.start, prev.end)) && !stats.some((s) => s.start >= prev.start && s.end <= prev.end) && source.lastIndexOf('\n', prev.start) === source.lastIndexOf('\n', c.start))
      span = { start: prev.start, end: span.end };
    return makeUnique(source, span, cls);
  });
}

/** The sentence up to the figure's quote end: where period and measure words are looked for. */
function sentenceBefore(source: string, at: Span, quote: Span): string {
  const lineStart = source.lastIndexOf('\n', at.start) + 1;
  const s = Math.max(lineStart, ...['。', '；'].map((c) => source.lastIndexOf(c, at.start - 1) + 1));
  return source.slice(s, Math.max(quote.end, at.end));
}

/** What the reviewer must decide: one line per guess. */
const note = (parts: string[]) => parts.filter(Boolean).join('; ');

export function draftFigures(ctx: Context): { figures: DraftFigure[]; notFigures: DraftNotFigure[]; places: Record<string, string>; units: Record<string, string> } {
  const { source, paras } = ctx;
  const tokens = parseNumbers(source);
  const kinds = tokens.map((t) => classify(t, ctx));
  const stats = tokens.filter((_, i) => kinds[i]!.figure);
  const quotes = quoteSpans(source, paras, stats);
  const places: Record<string, string> = {};
  const units: Record<string, string> = {};
  const perSection = new Map<number, number>();
  const figures = stats.map((t, i): DraftFigure => {
    const kind = kinds[tokens.indexOf(t)] as Extract<Kind, { figure: true }>;
    const q = quotes[i]!;
    const quote = source.slice(q.start, q.end);
    const para = paras.find((p) => t.start >= p.start && t.start < p.start + p.text.length);
    const section = para?.section ?? 1;
    const k = (perSection.get(section) ?? 0) + 1;
    perSection.set(section, k);
    const context = sentenceBefore(source, t, q);
    const unit = kind.counter.unit;
    if (!(unit in COMMON_UNITS)) units[unit] = kind.counter.zh;
    const measure = guessMeasure(context, quote, unit);
    const period = guessPeriod(context, measure.measure, ctx.date);
    const scope = guessScope(context, ctx.own);
    if (scope.zh) places[scope.scope] = scope.zh;
    const unitWhy =
      ['个', '家', '条', '项', '种', '次', '批', '场', '期', '处', '座', '台', '辆', '户'].includes(kind.counter.zh)
        ? `unit ${unit} guessed from the counter ${kind.counter.zh}: name what is counted (declare it in units of reply.json if the site lacks it)`
        : '';
    return {
      id: `s${section}-f${k}`,
      section,
      value: t.value,
      unit,
      qualifier: t.qualifier,
      measure: measure.measure,
      period: period.period,
      scope: scope.scope,
      label_zh: quote,
      label_en: 'TODO: English label',
      quote,
      note_zh: '',
      note_en: '',
      draft_note: note([
        para?.section == null ? 'stated before the first numbered part: section 1 is a placeholder' : '',
        `value ${t.value} ${t.qualifier} read from "${t.raw}${kind.counter.zh === '%' ? '' : kind.counter.zh}"`,
        unitWhy,
        `measure ${measure.measure}: ${measure.why}`,
        `period ${period.period}: ${period.why}`,
        `scope ${scope.scope}: ${scope.why}`,
        'write a short label_zh/label_en; choose a stable id',
      ]),
      at: { start: t.start, end: t.end },
      quoteAt: q,
    };
  });

  const notFigures = draftNotFigures(source, paras, tokens, kinds, stats);
  return { figures, notFigures, places, units };
}

/** Every run of digits that is not the number of a statistic: listed with a reason. */
function draftNotFigures(source: string, paras: Para[], tokens: NumberToken[], kinds: Kind[], stats: NumberToken[]): DraftNotFigure[] {
  const inFigure = (s: number, e: number) => stats.some((t) => t.start <= s && e <= t.end);
  const cls = clauses(source, paras);
  const notFigures: DraftNotFigure[] = [];
  for (const run of digitRuns(source)) {
    if (inFigure(run.start, run.end)) continue;
    const t = tokens.find((x) => x.start <= run.start && run.end <= x.end);
    const kind = t ? kinds[tokens.indexOf(t)]! : undefined;
    const reason = kind && !kind.figure ? kind.reason : 'a run of digits the number reader does not read as a number';
    const sure = kind && !kind.figure ? kind.sure : false;
    const c = cls.find((x) => x.start <= run.start && run.end <= x.end) ?? { start: run.start, end: run.end };
    let q = makeUnique(source, c, cls);
    // a quote that is the digits alone (联系电话：89591882) says nothing: take the clause before it too
    const k = cls.findIndex((x) => x.start === q.start);
    if (q.end - q.start === run.run.length && k > 0 && source.lastIndexOf('\n', cls[k - 1]!.start) === source.lastIndexOf('\n', q.start)) q = { start: cls[k - 1]!.start, end: q.end };
    notFigures.push({
      token: run.run,
      quote: source.slice(q.start, q.end),
      reason,
      draft_note: sure ? '' : `reason guessed (${reason}): say why it is not a statistic, or move it to figures.csv`,
      at: { start: run.start, end: run.end },
    });
  }
  return notFigures;
}
