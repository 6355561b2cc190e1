/**
 * Candidate statements about future action: every sentence (to 。 or ；) of a
 * part that uses a word of action or intent (将, 下一步, 计划, 力争, 继续,
 * 推动, 加强, 落实, …), with its kind, owner and deadline guessed, for the
 * reviewer to keep, merge or delete. Recall over precision: a missed promise
 * is worse than a candidate deleted. Pure.
 */
import type { z } from 'zod';
import type { commitmentRow } from '../data/schemas';
import type { StatementKind } from '../data/model';
import type { Context, DraftFigure } from './figures';
import { sections, sentences, makeUnique, type Span } from './text';

/** A commitments.csv row as its schema reads it (src/lib/data/schemas.ts), plus the reviewer's note and where the quote sits. */
export type DraftCommitment = z.infer<typeof commitmentRow> & { draft_note: string; at: Span };

const PROMISE = ['将', '下一步', '下步', '计划', '力争', '拟', '争取', '确保'];
const ONGOING = ['继续', '持续', '一直', '不断', '每年', '进一步', '稳步', '一般都能保证'];
/** Work the reply reports as done: a deputy checks these too (kind `done`). */
const DONE = ['基本满足', '推出', '享受到'];
const ACTION = ['推动', '推进', '加强', '加大', '加快', '建立', '完善', '健全', '落实', '支持', '鼓励', '举办', '组织', '深化', '拓展', '提升', '提高', '扩大', '扩充', '优化', '强化', '打造', '推荐', '安排', '采用', '给予', '给与', '开展', '抓好', '搭建', '发挥', '积极', '深入', '努力', '实施', '探索', '引导'];
export const FUTURE_WORDS = [...PROMISE, ...ONGOING, ...DONE, ...ACTION];

/** A deadline the sentence names: 2023年底前 / 到2022年底 -> 2023-12; 2022年6月 -> 2022-06; 2022年秋季学期 -> 2022-09. */
export function guessDeadline(s: string): { deadline: string; why: string } | undefined {
  let m = /(\d{4})年(\d{1,2})月(?:底|末)?(?:前|之前)/.exec(s) ?? /到(\d{4})年(\d{1,2})月/.exec(s);
  if (m) return { deadline: `${m[1]}-${m[2]!.padStart(2, '0')}`, why: m[0] };
  m = /(?:到|至|于)?(\d{4})年(?:底|末)(?:前|之前)?|(?:到|至)(\d{4})年|(\d{4})年(?:前|之前)/.exec(s);
  if (m) return { deadline: `${m[1] ?? m[2] ?? m[3]}-12`, why: m[0] };
  m = /(\d{4})年秋季(?:学期)?/.exec(s);
  if (m) return { deadline: `${m[1]}-09`, why: m[0] };
  return undefined;
}

function guessKind(s: string): { kind: StatementKind; why: string } {
  const has = (ws: string[]) => ws.find((w) => s.includes(w));
  if (/目标|全省|全国|大市/.test(s) && /将|到\d{4}年/.test(s)) return { kind: 'external_target', why: 'a target, possibly another government\'s (目标, 全省, 大市)' };
  const p = has(PROMISE);
  if (p) return { kind: 'promise', why: `says it will (${p})` };
  const o = has(ONGOING);
  if (o) return { kind: 'ongoing', why: `a practice that goes on (${o})` };
  const d = has(DONE);
  if (d) return { kind: 'done', why: `reports work done (${d})` };
  if (/已|已经|建成|共有|共建/.test(s)) return { kind: 'done', why: 'reports work done (已, 建成)' };
  return { kind: 'ongoing', why: `a practice the reply describes (${has(ACTION)}), no word of the future` };
}

export function draftCommitments(ctx: Context & { coHandling: string[]; answeringBody: string }, figures: DraftFigure[]): DraftCommitment[] {
  const { source, paras } = ctx;
  const heads = sections(paras);
  const sents = sentences(source, paras);
  const out: DraftCommitment[] = [];
  const perSection = new Map<number, number>();
  const taken: Span[] = [];
  for (const s of sents) {
    const para = paras.find((p) => s.start >= p.start && s.end <= p.start + p.text.length);
    if (!para || para.section === null) continue;
    // the part's head (一、标题。) is its title, not a statement
    if (heads.some((h) => s.start >= h.start && s.end <= h.end)) continue;
    const text = source.slice(s.start, s.end);
    // the closing, the contact line and the cc list say nothing about action
    if (/^(?:感谢|联系人|联系电话|抄送)/.test(text)) continue;
    const word = FUTURE_WORDS.find((w) => text.includes(w)) ?? (guessDeadline(text) ? 'deadline' : undefined);
    if (!word) continue;
    // a quote never cuts through a figure's quote: grow to cover any it touches
    let span = { start: s.start, end: s.end };
    for (const f of figures) if (f.quoteAt.start < span.end && span.start < f.quoteAt.end) span = { start: Math.min(span.start, f.quoteAt.start), end: Math.max(span.end, f.quoteAt.end) };
    span = makeUnique(source, span, sents);
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    taken.push(span);
    const quote = source.slice(span.start, span.end);
    const section = para.section;
    const k = (perSection.get(section) ?? 0) + 1;
    perSection.set(section, k);
    const kind = guessKind(quote);
    const deadline = guessDeadline(quote);
    const owners = ctx.coHandling.filter((d) => quote.includes(d));
    const hasNumber = figures.some((f) => f.quoteAt.start >= span.start && f.quoteAt.end <= span.end);
    const measurable = hasNumber && deadline ? 'both' : hasNumber ? 'number' : deadline ? 'deadline' : 'neither';
    out.push({
      id: `s${section}-c${k}`,
      section,
      kind: kind.kind,
      text_zh: quote.replace(/^[一二三四五六七八九十]是/, '') + '。',
      text_en: 'TODO: English',
      quote,
      owner: owners.join('、'),
      owner_en: '',
      lead_inferred: owners.length ? '' : ctx.answeringBody,
      lead_inferred_en: '',
      deadline: deadline?.deadline ?? '',
      measurable,
      status: 'not_rated',
      status_date: ctx.date ?? '',
      evidence: '',
      draft_note: [
        `candidate (${word}): keep it if it is a statement about action, else delete the row`,
        /^(?:[一二三四五六七八九十]是|\d+[、.．])/.test(quote) && quote.length <= 24 ? 'a sub-heading (一是…, 1、…): keep it only if the sentences under it do not say it better' : '',
        `kind ${kind.kind}: ${kind.why}`,
        deadline ? `deadline ${deadline.deadline} from "${deadline.why}"` : 'no deadline named',
        owners.length ? `owner named: ${owners.join('、')}` : `no owner named: lead_inferred is the answering body (${ctx.answeringBody}); correct it if another department leads`,
        `measurable ${measurable}`,
        'shorten the quote to the statement; write text_zh/text_en keeping its hedges',
      ]
        .filter(Boolean)
        .join('; '),
      at: span,
    });
  }
  return out;
}
