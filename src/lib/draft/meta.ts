/**
 * reply.json read from the text where the text says it: title, proposal
 * number and title, session, deputy, answering body (the signature), date,
 * co-handling departments, cc list and parts. What the text cannot say
 * (English names, the places' keys) is left as a TODO for the reviewer. Pure.
 */
import type { Cleaning, Para } from './text';
import { sections as partsOf } from './text';

export const TODO = 'TODO';
const todo = (what: string) => `${TODO}: ${what}`;

export interface DraftMeta {
  json: Record<string, unknown>;
  /** The reply's date (YYYY-MM-DD), or undefined if no signature date was found. */
  date?: string;
  /** Offset of the signature date in the source (its digits are "date of the reply"). */
  dateAt?: { start: number; end: number };
  /** The reply's own place: its Chinese name and key. */
  own: { key: string; zh: string };
  coHandling: string[];
}

const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const pad = (s: string) => s.padStart(2, '0');

/** Names separated by 、，,; (a cc or co-handling list). */
const names = (s: string) => s.split(/[、，,；;]/).map((x) => x.trim().replace(/[。.]$/, '')).filter(Boolean);

export function draftMeta(id: string, source: string, paras: Para[], cleaning: Cleaning[], opts: { original: string; accessed: string }): DraftMeta {
  const lines = paras.map((p) => p.text.trim());
  const title = lines[0] ?? '';
  const number = /第(\d+)号(?:建议|提案|议案)/.exec(source)?.[1];
  const session = /([^，。\s对]*?[一二三四五六七八九十\d]+届人大[一二三四五六七八九十\d]+次会议)/.exec(title)?.[1];
  const deputy = lines.map((l) => /^(.+?)(?:代表|委员)(?:们)?[：:]$/.exec(l)?.[1]).find(Boolean);
  const proposalTitle = /《(关于[^》]*?(?:建议|提案|议案))》/.exec(source)?.[1];
  const coHandling = names(/会同(.+?)等(?:部门|单位)/.exec(source)?.[1] ?? '');
  const cc = names(/(?:^|\n)\s*抄送[：:](.+)/.exec(source)?.[1] ?? '');

  // The signature: the last line that is a date alone, and the line before it.
  let dateLine = -1;
  for (let i = paras.length - 1; i >= 0; i--) if (new RegExp(`^${DATE.source}$`).test(lines[i]!)) { dateLine = i; break; }
  const dm = dateLine >= 0 ? DATE.exec(lines[dateLine]!) : null;
  const date = dm ? `${dm[1]}-${pad(dm[2]!)}-${pad(dm[3]!)}` : undefined;
  const p = dateLine >= 0 ? paras[dateLine]! : undefined;
  const dateAt = p && dm ? { start: p.start + p.text.indexOf(dm[0]), end: p.start + p.text.indexOf(dm[0]) + dm[0].length } : undefined;
  const body = dateLine > 0 ? lines[dateLine - 1]! : '';
  // The reply's own place: the answering body's name up to 市/县/区 (慈溪市总工会 -> 慈溪).
  const ownZh = /^(.+?)[市县区]/.exec(body)?.[1] ?? '';
  const ownKey = id.split('-')[0]!.replace(/[^a-z0-9]/g, '') || 'own';

  const bi = (zh: string) => ({ zh, en: todo(`English for ${zh}`) });
  const json = {
    id,
    draft: true,
    title_zh: title,
    title_en: todo('English title'),
    proposal: {
      number: number ? Number(number) : 0,
      session_zh: session ?? todo('the session (届, 次会议)'),
      session_en: todo('English for the session'),
      title_zh: proposalTitle ?? todo('the proposal title (《关于…的建议》)'),
      title_en: todo('English for the proposal title'),
      delegate_zh: deputy ?? todo("the deputy's name"),
      delegate_en: todo("the deputy's name in pinyin"),
    },
    answering_body: bi(body || todo('the answering body (the signature)')),
    co_handling: coHandling.map(bi),
    date: date ?? todo('the date of the reply as YYYY-MM-DD'),
    cc: cc.map(bi),
    sections: partsOf(paras).map((s) => ({ n: s.n, title_zh: s.title_zh, title_en: todo(`English for ${s.title_zh}`) })),
    places: { [ownKey]: { zh: ownZh || todo("the reply's own place"), en: todo(`English for ${ownZh}`) } },
    units: {},
    source: { file: 'source.zh.txt', original: opts.original, language: 'zh-CN', kind_zh: '官方公开答复文件', kind_en: 'official public document', cleaning },
    translation: { file: 'source.en.md', by_zh: '本站译', by_en: 'our translation' },
    accessed: opts.accessed,
    licence: { data: 'CC-BY-4.0', data_url: 'https://creativecommons.org/licenses/by/4.0/', source_zh: '答复原文为官方公开文件', source_en: 'The reply itself is an official public document' },
  };
  return { json, date, dateAt, own: { key: ownKey, zh: ownZh }, coHandling };
}
