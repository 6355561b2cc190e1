/**
 * The whole dataset of one reply as flat tables (figures, derived figures,
 * commitments, events), their column descriptions (one table, below: the CSV
 * headers, the JSON "columns" block, the data page and the README all come
 * from it), the README and the zip. Pure apart from fflate.
 */
import { strToU8, zipSync } from 'fflate';
import type { Commitment, Locale, Reply } from '../data/model';
import { derivedFigures } from '../derived';
import { formulaText } from '../format/derived';
import { toCsv, toJson, type Cell, type Column } from './csv';
import { citations, citeDate, licenceName, type CiteInput } from '../citation';
import { ownPlace } from '../data/vocabulary';
import { pick } from '../format/pick';
import type { z } from 'zod';
import { commitmentRow, derivedRow, eventRow, figureRow, statusLogRow } from '../data/schemas';
import { described } from '../data/describe';
import { STATEMENT_KINDS, STATUSES } from '../data/model';

export interface ColumnDoc {
  key: string;
  numeric?: boolean;
  en: string;
  zh: string;
}

export type TableName = 'figures' | 'derived' | 'commitments' | 'statements' | 'status-log' | 'events';
export const TABLES: readonly TableName[] = ['figures', 'derived', 'commitments', 'statements', 'status-log', 'events'];

export const TABLE_DOCS: Record<TableName, { en: string; zh: string }> = {
  figures: { en: 'Every statistic the reply states, one row each.', zh: '答复中陈述的每一个统计数字，一行一个。' },
  derived: { en: 'Figures the reply does not state but implies, computed from the figures; formula and inputs given.', zh: '答复未直接给出、由其数字推算的数字，附公式与所用数字。' },
  commitments: { en: 'Every promise the reply makes (kind promise), one row each, with its status in force and its history.', zh: '答复作出的每一项承诺（kind 为 promise），一行一项，附现行状态及全部变更记录。' },
  statements: { en: 'Statements that are not promises, shown apart and never counted as commitments: continuing practice (ongoing), work reported as done (done), another government\'s target (external_target).', zh: '不属于承诺的表述，单独列出，不计入承诺：持续性工作（ongoing）、答复称已完成的工作（done）、其他政府的目标（external_target）。' },
  'status-log': { en: 'Every recorded change of status since the reply, oldest first, as in status-log.csv (also in the zip as that file).', zh: '答复之后录入的每一次状态变更，按时间先后，与 status-log.csv 一致（压缩包内另附该文件原件）。' },
  events: { en: 'Dated events the reply mentions, past and promised (the timeline).', zh: '答复提及的有日期的事件，包括已发生和承诺的（时间线）。' },
};

const SPAN: ColumnDoc[] = [
  { key: 'paragraph', numeric: true, en: 'paragraph of source.zh.txt (non-empty lines, from 1) that holds the quote', zh: '引文所在的原文段落（source.zh.txt 非空行，从1起）' },
  { key: 'quote_start', numeric: true, en: 'offset of the quote in source.zh.txt, in UTF-16 code units from 0', zh: '引文在 source.zh.txt 中的起始位置（UTF-16 码元，从0起）' },
  { key: 'quote_end', numeric: true, en: 'offset just after the quote', zh: '引文结束位置（不含）' },
];

/**
 * The columns of a table, in order: a column the reply folder has takes its
 * description from its schema (src/lib/data/schemas.ts, the one place it is
 * written); the export's own columns (computed, or read from the status log)
 * are described here.
 */
function columns(schema: z.AnyZodObject, keys: readonly (string | ColumnDoc)[], numeric: readonly string[] = []): ColumnDoc[] {
  const shape = schema.shape as Record<string, z.ZodTypeAny>;
  return keys.map((k) => {
    if (typeof k !== 'string') return k;
    const d = described(shape[k]);
    if (!d.en || !d.zh) throw new Error(`column ${k} has no description in both languages in its schema`);
    return { key: k, ...(numeric.includes(k) ? { numeric: true } : {}), en: d.en, zh: d.zh };
  });
}
const own = (schema: z.AnyZodObject) => Object.keys(schema.shape);

/** Columns of the commitments and statements tables: the row of commitments.csv, its status in force and its history. */
const STATEMENT_COLUMNS: ColumnDoc[] = columns(
  commitmentRow,
  [
    ...own(commitmentRow).filter((k) => !['status', 'status_date', 'evidence'].includes(k)),
    { key: 'status', en: `status in force: the latest row of status-log.csv, else the reply's own (${STATUSES.join(', ')})`, zh: `现行状态：status-log.csv 中最新一行，没有则为答复时的状态（${STATUSES.join('、')}）` },
    { key: 'status_date', en: 'date of the status in force', zh: '现行状态的日期' },
    { key: 'evidence', en: 'what the status in force rests on', zh: '现行状态所依据的材料' },
    { key: 'recorded_by', en: 'who recorded the status in force (empty: as stated in the reply)', zh: '现行状态的录入人（为空即以答复所述为准）' },
    { key: 'history_count', numeric: true, en: 'how many status changes have been recorded', zh: '已录入的状态变更条数' },
    { key: 'history', en: 'every recorded change, oldest first: "date status: evidence (recorded_by)", separated by " | " (the status-log table has them one per row)', zh: '全部变更记录，按时间先后：“日期 状态：依据（录入人）”，以“ | ”分隔（status-log 表中一行一条）' },
    ...SPAN,
  ],
  ['section'],
);

/** What each column means. The one table every description of the downloads comes from. */
export const COLUMN_DOCS: Record<TableName, ColumnDoc[]> = {
  figures: columns(figureRow, [...own(figureRow), ...SPAN], ['section', 'value']),
  derived: columns(derivedRow, [
    'id',
    'formula',
    { key: 'formula_text_en', en: 'the formula with the actual numbers, English', zh: '代入数值的公式（英文）' },
    { key: 'formula_text_zh', en: 'the formula with the actual numbers, Chinese', zh: '代入数值的公式（中文）' },
    { key: 'value', numeric: true, en: 'the computed value, unrounded', zh: '计算结果（未取整）' },
    { key: 'value_low', numeric: true, en: 'for implied totals: the lowest whole number the rounding of the stated share allows', zh: '推算总数时：所给百分比的四舍五入所允许的最小整数' },
    { key: 'value_high', numeric: true, en: 'for implied totals: the highest whole number the rounding allows', zh: '推算总数时：四舍五入所允许的最大整数' },
    { key: 'qualifier', en: 'as for figures: a sum of lower bounds is a lower bound; an implied total is approximate', zh: '同 figures：下限之和仍是下限；推算总数为约数' },
    'unit',
    { key: 'inputs', en: 'ids of the figures used, separated by spaces', zh: '所用数字的编号，以空格分隔' },
    { key: 'scopes', en: 'the places (scope keys) the inputs cover, separated by spaces; more than one means the result mixes places', zh: '所用数字的覆盖范围（scope 键），以空格分隔；不止一个表示混合了不同地方的数字' },
    'label_zh',
    'label_en',
    'caveat_zh',
    'caveat_en',
  ]),
  commitments: STATEMENT_COLUMNS,
  statements: STATEMENT_COLUMNS,
  'status-log': columns(statusLogRow, [
    'commitment_id',
    { key: 'kind', en: `kind of that row: ${STATEMENT_KINDS.join(', ')}`, zh: `该行的类型：${STATEMENT_KINDS.join('、')}` },
    ...own(statusLogRow).filter((k) => k !== 'commitment_id'),
    { key: 'line', numeric: true, en: 'line of status-log.csv the entry is on', zh: '该记录在 status-log.csv 中的行号' },
  ]),
  events: columns(eventRow, [...own(eventRow), ...SPAN], ['section']),
};

export const columnsOf = (table: TableName, locale: Locale): Column[] =>
  COLUMN_DOCS[table].map((d) => ({ key: d.key, description: pick(locale, d.zh, d.en), numeric: d.numeric }));

const span = (s: { span: { paragraph: number; start: number; end: number } }) => ({
  paragraph: s.span.paragraph,
  quote_start: s.span.start,
  quote_end: s.span.end,
});

const statementRow = (c: Commitment): Record<string, Cell> => ({
  id: c.id, section: c.section, kind: c.kind, text_zh: c.text_zh, text_en: c.text_en, quote: c.quote, owner: c.owner,
  owner_en: c.owner_en, lead_inferred: c.lead_inferred, lead_inferred_en: c.lead_inferred_en, deadline: c.deadline,
  measurable: c.measurable, status: c.current.status, status_date: c.current.date, evidence: c.current.evidence,
  recorded_by: c.current.recorded_by, history_count: c.history.length,
  history: c.history.map((e) => `${e.date} ${e.status}${e.evidence ? ': ' + e.evidence : ''} (${e.recorded_by})`).join(' | '),
  ...span(c),
});

/** The rows of each table, plain values (no formatting). */
export function datasetRows(reply: Reply): Record<TableName, Record<string, Cell>[]> {
  return {
    figures: reply.figures.map((f) => ({
      id: f.id, section: f.section, value: f.value, unit: f.unit, qualifier: f.qualifier, measure: f.measure,
      period: f.period, scope: f.scope, label_zh: f.label_zh, label_en: f.label_en, quote: f.quote,
      note_zh: f.note_zh, note_en: f.note_en, ...span(f),
    })),
    derived: derivedFigures(reply).map((d) => ({
      id: d.id, formula: d.def.formula, formula_text_en: formulaText(d, 'en'), formula_text_zh: formulaText(d, 'zh-CN'),
      value: d.value, value_low: d.interval?.[0] ?? null, value_high: d.interval?.[1] ?? null, qualifier: d.qualifier,
      unit: d.unit, inputs: d.inputs.map((i) => i.id).join(' '), scopes: d.scopes.join(' '),
      label_zh: d.def.label_zh, label_en: d.def.label_en, caveat_zh: d.def.caveat_zh, caveat_en: d.def.caveat_en,
    })),
    commitments: reply.commitments.map(statementRow),
    statements: reply.statements.map(statementRow),
    'status-log': [...reply.commitments, ...reply.statements]
      .flatMap((c) => c.history.map((e) => ({ commitment_id: c.id, kind: c.kind, date: e.date, status: e.status, evidence: e.evidence, recorded_by: e.recorded_by, line: e.line })))
      .sort((a, b) => a.line - b.line),
    events: reply.events.map((e) => ({
      id: e.id, date: e.date, section: e.section, kind: e.kind, figure: e.figure, label_zh: e.label_zh,
      label_en: e.label_en, quote: e.quote, ...span(e),
    })),
  };
}

/** File names inside the data folder and the zip. */
export const fileNames = (replyId: string) => ({
  csv: (t: TableName) => `${replyId}-${t}.csv`,
  json: `${replyId}.json`,
  zip: `${replyId}.zip`,
  readme: 'README.md',
});

export function datasetCsv(reply: Reply, table: TableName): string {
  return toCsv(columnsOf(table, 'en'), datasetRows(reply)[table]);
}

/** The whole dataset as one JSON document: metadata, citation, column descriptions and rows. */
export function datasetJson(reply: Reply, cite: CiteInput): string {
  const rows = datasetRows(reply);
  const c = citations(cite);
  return toJson({
    reply: reply.meta,
    licence: { name: licenceName(reply.meta.licence.data), url: reply.meta.licence.data_url },
    citation: { short: c.short, full: c.full },
    url: cite.url,
    tables: Object.fromEntries(
      TABLES.map((t) => [t, { description: TABLE_DOCS[t], columns: COLUMN_DOCS[t], rows: rows[t] }]),
    ),
  });
}

/** Facts for the caveats, read from the data (never typed). */
export function caveatFacts(reply: Reply) {
  const by = (m: string) => reply.figures.filter((f) => f.measure === m).map((f) => f.id);
  return {
    bounds: reply.figures.filter((f) => f.qualifier !== 'exact').map((f) => `${f.id} (${f.qualifier})`),
    changes: by('change'),
    cumulative: reply.figures.filter((f) => f.measure === 'cumulative').map((f) => `${f.id} (${f.period})`),
    // figures covering a place other than the reply's own (the first of its places)
    wider: reply.figures.filter((f) => f.scope !== ownPlace(reply.meta.places)).map((f) => f.id),
    targets: by('target'),
  };
}

const list = (xs: string[], none: string) => (xs.length ? xs.map((x) => `\`${x}\``).join(', ') : none);

/** README.md of the zip, in English or Chinese, generated from the metadata and COLUMN_DOCS. */
export function readme(reply: Reply, cite: CiteInput, locale: Locale, sourceFiles: { zh: string; en: string }): string {
  const m = reply.meta;
  const f = fileNames(reply.id);
  const c = citations(cite);
  const k = caveatFacts(reply);
  const zh = locale === 'zh-CN';
  // the reply's own place (the first of its places) and the wider ones its figures also cover
  const ownKey = ownPlace(m.places) ?? '';
  const own = m.places[ownKey] ?? { zh: ownKey, en: ownKey };
  const others = Object.keys(m.places).filter((p) => p !== ownKey && reply.figures.some((f) => f.scope === p));
  const wider = { keys: others.join(', '), zh: others.map((p) => m.places[p]!.zh).join('、'), en: others.map((p) => m.places[p]!.en).join(', ') };
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const lic = licenceName(m.licence.data);
  const rows = datasetRows(reply);
  const colTable = (t: TableName) =>
    [pick(locale, '| 列 | 含义 |', '| column | meaning |'), '| --- | --- |', ...COLUMN_DOCS[t].map((d) => `| \`${d.key}\` | ${pick(locale, d.zh, d.en).replace(/\|/g, '\\|')} |`)].join('\n');
  const files = [
    ...TABLES.map((t) => `- \`${f.csv(t)}\`: ${pick(locale, TABLE_DOCS[t].zh, TABLE_DOCS[t].en)} (${rows[t].length} ${pick(locale, '行', 'rows')})`),
    `- \`${f.json}\`: ${pick(locale, '以上全部表格，附元数据、引用格式和列说明', 'all of the above, with metadata, citation and column descriptions')}`,
    `- \`${sourceFiles.zh}\`: ${pick(locale, '答复原文（UTF-8），仅去除了转换残留', 'the reply as published (UTF-8), only conversion artefacts removed')}`,
    `- \`${sourceFiles.en}\`: ${pick(locale, `英文译文（${m.translation.by_zh}），逐段对应`, `English translation (${m.translation.by_en}), paragraph by paragraph`)}`,
    `- \`${STATUS_LOG_NAME}\`: ${pick(locale, '状态变更记录原件（本站据此生成各项现行状态）', 'the status log itself, as recorded (every status in force is read from it)')}`,
  ];
  if (zh) {
    return [
      `# ${m.title_zh}：数据`,
      '',
      `${m.answering_body.zh}于${citeDate(m.date, 'zh-CN')}答复${m.proposal.session_zh}第${m.proposal.number}号建议《${m.proposal.title_zh}》（代表：${m.proposal.delegate_zh}）。本数据由${cite.publisher.zh}从答复原文整理。`,
      '',
      '## 文件', '', ...files, '',
      'CSV 文件为 UTF-8 编码（带 BOM，Excel 可正确显示中文），逗号分隔，CRLF 换行，第一行为列名。',
      '',
      '## 来源', '',
      `- ${m.source.kind_zh}：${m.answering_body.zh}《${m.title_zh}》，${m.date}。`,
      ...m.source.cleaning.map((x) => `- 唯一改动：删除 \`${x.removed}\`（${x.reason_zh}）。`),
      `- 网页：${cite.url.zh}`,
      '',
      '## 许可', '',
      `本站整理的数据与译文采用 ${lic}（${m.licence.data_url}）：可自由使用，须注明出处。${m.licence.source_zh}。`,
      '',
      '## 引用', '', `简短：${c.short.zh}`, '', `完整：${c.full.zh}`, '',
      '## 注意事项', '',
      `- **限定词**：qualifier 不是 exact 的数字是下限或约数，“500余”是“多于500”，不是500。本数据中：${list(k.bounds, '无')}。`,
      `- **变化量不是总量**：measure 为 change 的数字是增量，答复未给出总数。本数据中：${list(k.changes, '无')}。`,
      `- **${wider.zh || '其他地方'}不是${own.zh}**：scope 为 ${wider.keys || '其他地方'} 的数字覆盖${wider.zh || '其他地方'}，不能当作${own.zh}的数字。本数据中：${list(k.wider, '无')}；目标（target）不是已完成的数：${list(k.targets, '无')}。`,
      `- **累计不是每年**：measure 为 cumulative 的数字是自期初（如2019年）以来的累计数，不是年度数。本数据中：${list(k.cumulative, '无')}。`,
      '- 推算数字（derived）不是答复的原话，公式和所用数字见该表。',
      '',
      '## 列说明', '',
      ...TABLES.flatMap((t) => [`### ${f.csv(t)}`, '', TABLE_DOCS[t].zh, '', colTable(t), '']),
    ].join('\n');
  }
  return [
    `# ${m.title_en}: data`,
    '',
    `On ${citeDate(m.date, 'en')} the ${m.answering_body.en} replied to proposal No. ${m.proposal.number} of the ${m.proposal.session_en}, “${m.proposal.title_en}” (delegate: ${m.proposal.delegate_en}). This data was compiled from the reply by ${cite.publisher.en}.`,
    '',
    '## Files', '', ...files, '',
    'CSV files are UTF-8 with a byte-order mark (so Excel shows Chinese correctly), comma-separated, CRLF line ends, header in the first row.',
    '',
    '## Sources', '',
    `- ${m.source.kind_en}: ${m.answering_body.en}, ${m.title_en}, ${m.date}.`,
    ...m.source.cleaning.map((x) => `- The only change: \`${x.removed}\` removed (${x.reason_en}).`),
    `- Web: ${cite.url.en}`,
    '',
    '## Licence', '',
    `Our data and translation: ${lic} (${m.licence.data_url}): free to use with attribution. ${m.licence.source_en}.`,
    '',
    '## Citation', '', `Short: ${c.short.en}`, '', `Full: ${c.full.en}`, '',
    '## Caveats', '',
    `- **Qualifiers**: a figure whose qualifier is not exact is a lower bound or an approximation; 500余 is “more than 500”, not 500. Here: ${list(k.bounds, 'none')}.`,
    `- **A change is not a total**: a figure with measure change is a difference; the reply gives no totals. Here: ${list(k.changes, 'none')}.`,
    `- **${cap(wider.en || 'another place')} is not ${own.en}**: a figure with scope ${wider.keys || 'another place'} covers ${wider.en || 'another place'} and is never ${own.en}'s. Here: ${list(k.wider, 'none')}; a target is not an achievement: ${list(k.targets, 'none')}.`,
    `- **Cumulative is not per year**: a figure with measure cumulative is a running total since the start of its period (e.g. 2019), not a yearly number. Here: ${list(k.cumulative, 'none')}.`,
    '- Derived figures are not the reply’s words; their formulas and inputs are in that table.',
    '',
    '## Columns', '',
    ...TABLES.flatMap((t) => [`### ${f.csv(t)}`, '', TABLE_DOCS[t].en, '', colTable(t), '']),
  ].join('\n');
}

/** The zip: README (both languages), the CSVs, the JSON and the source texts. */
export const STATUS_LOG_NAME = 'status-log.csv';
export function datasetZip(
  reply: Reply,
  cite: CiteInput,
  source: { zh: string; en: string },
  names = { zh: 'source.zh.txt', en: 'source.en.md' },
  /** status-log.csv as saved in the reply folder (header only when it is absent). */
  statusLog = 'commitment_id,date,status,evidence,recorded_by\n',
): Uint8Array {
  const f = fileNames(reply.id);
  const dir = reply.id + '/';
  const files: Record<string, Uint8Array> = {
    [dir + 'README.md']: strToU8(readme(reply, cite, 'en', names)),
    [dir + 'README.zh-CN.md']: strToU8(readme(reply, cite, 'zh-CN', names)),
    ...Object.fromEntries(TABLES.map((t) => [dir + f.csv(t), strToU8(datasetCsv(reply, t))])),
    [dir + f.json]: strToU8(datasetJson(reply, cite)),
    [dir + names.zh]: strToU8(source.zh),
    [dir + names.en]: strToU8(source.en),
    [dir + STATUS_LOG_NAME]: strToU8(statusLog),
  };
  // fixed timestamps: the same data gives the same zip
  return zipSync(files, { level: 9, mtime: new Date(`${reply.meta.date}T00:00:00Z`) });
}
