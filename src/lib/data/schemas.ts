import { z } from 'zod';
import { QUALIFIERS } from './numbers';
import { MEASURABLE, MEASURES, STATEMENT_KINDS, STATUSES, STATUSES_NEEDING_EVIDENCE } from './model';
import { isIsoDate, isPartialDate, parsePeriod, PERIOD_FORMS } from './dates';
import { bi } from './describe';

/**
 * Row schemas, one per CSV. Each refinement's message is the *expectation*
 * shown to the person fixing the file; the loader adds file, line and the
 * value found.
 */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id such as "studios-total" (lowercase letters, digits, hyphens)');
const text = z.string().min(1, 'a non-empty text');
const optional = z.string();
const section = z
  .string()
  .regex(/^[1-9]\d*$/, "the number of the reply's part it comes from (an n of sections in reply.json)")
  .transform(Number);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { errorMap: () => ({ message: 'one of ' + values.join(' | ') }) });
const decimal = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/, 'a plain decimal number such as 130000 or 39.63 (no 万, %, commas or spaces)')
  .transform(Number);

/** What `section` is in every CSV that has one. */
const SECTION_EN = "the numbered part of the reply (一、二、…) the row comes from: the n of one of the reply's sections";
const SECTION_ZH = '出自答复的第几部分（一、二、…）：答复 sections 中的 n';
const QUOTE_EN = 'the verbatim span of the reply (source.zh.txt), within one paragraph and found there once';
const QUOTE_ZH = '原文引文（source.zh.txt 中一字不改、在同一段内且只出现一次的片段）';

export const figureRow = z
  .object({
    id: bi(id, 'the stable id of the figure, used in URLs and anchors', '数字的固定编号，用于网址和锚点'),
    section: bi(section, SECTION_EN, SECTION_ZH),
    value: bi(decimal, 'the number as a plain decimal: 13万 is 130000, 39.63% is 39.63; read it with qualifier', '数值，纯数字（13万记为130000，39.63%记为39.63）；须结合 qualifier 解读'),
    unit: bi(
      z.string().regex(/^[a-z][a-z-]*$/, 'a unit such as person, person-time, studio, unit, percent'),
      "what is counted: person, person-time, studio, unit (flats or rooms), percent, … (the site's own units, src/lib/data/vocabulary.ts, or one the reply declares in units)",
      '计量单位：person（人）、person-time（人次）、studio（工作室）、unit（套/间）、percent（百分比）等（本站已有的单位，或答复在 units 中声明的单位）',
    ),
    qualifier: bi(
      oneOf(QUALIFIERS),
      'how exact the value is: exact; more_than (余, 多: more than the value, not the value); at_least (不少于, 以上, 满); approx (约, 近)',
      '数值的确切程度：exact（确数）；more_than（余、多：多于该数，不等于该数）；at_least（不少于、以上、满）；approx（约、近）',
    ),
    measure: bi(
      oneOf(MEASURES),
      'what kind of number it is: count (at a date), flow (within the period), change (a difference, not a total), share, cumulative (running total since the start of the period, not per year), annual_average, target (not an achievement), threshold (an eligibility rule)',
      '数字类型：count（时点数）、flow（期间发生数）、change（增量，不是总量）、share（占比）、cumulative（自期初起的累计数，不是每年）、annual_average（年均）、target（目标，不是已完成）、threshold（资格条件）',
    ),
    period: bi(
      z.string().refine((s) => parsePeriod(s) !== undefined, `a period such as ${PERIOD_FORMS}, with real dates`),
      'the time it describes: 2021; 2019/2022-06 (from/to); 2020/2021 for a change (2021 over 2020); by 2022-12-31',
      '所指时间：2021；2019/2022-06（起止）；变化量记为 2020/2021（2021年较2020年）；by 2022-12-31（截至）',
    ),
    scope: bi(
      z.string().regex(/^[a-z][a-z0-9-]*$/, 'a place key declared in places of reply.json, such as cixi'),
      "the place it covers: a key of the reply's places, which names it; a figure for a place other than the first (the reply's own) is never that place's",
      '覆盖范围：答复 places 中的键，名称见该处；范围不是第一个地方（答复所在地）的数字，不能当作答复所在地的数字',
    ),
    label_zh: bi(text, 'a short label, Chinese', '简短标签（中文）'),
    label_en: bi(text, 'a short label, English', '简短标签（英文）'),
    quote: bi(text, 'the shortest span of the reply, verbatim, that states the figure', '陈述该数字的最短原文，一字不改'),
    note_zh: bi(optional.default(''), 'a note on reading the figure, Chinese (optional)', '解读说明（中文，可空）'),
    note_en: bi(optional.default(''), 'a note on reading the figure, English (optional)', '解读说明（英文，可空）'),
  })
  .describe('figures.csv: every statistic the reply states, one row each.');

export const commitmentRow = z
  .object({
    id: bi(id, 'the stable id of the commitment or statement, used in URLs and anchors', '承诺或表述的固定编号，用于网址和锚点'),
    section: bi(section, SECTION_EN, SECTION_ZH),
    kind: bi(
      oneOf(STATEMENT_KINDS),
      "what the row is: promise (将, 下一步: counted as a commitment); ongoing (continuing practice); done (reported as done); external_target (another government's target)",
      '该行的类型：promise（承诺，计入承诺数）；ongoing（持续性工作）；done（答复称已完成）；external_target（其他政府的目标）',
    ),
    text_zh: bi(text, "what is promised or stated, in a sentence, Chinese, keeping the reply's hedges (部分, 有条件的, 推动, 积极争取)", '承诺或表述的内容（中文），保留答复的限定语（部分、有条件的、推动、积极争取）'),
    text_en: bi(text, 'the same sentence, English', '承诺或表述的内容（英文）'),
    quote: bi(text, QUOTE_EN, QUOTE_ZH),
    owner: bi(optional, 'the department(s) responsible, as the reply names them; empty if none is named', '答复中点名的责任部门；未点名则为空'),
    owner_en: bi(optional.default(''), 'the same, in English', '责任部门（英文）'),
    lead_inferred: bi(optional.default(''), "our inference of the lead department where the reply names none (not the reply's words)", '答复未点名时本站推断的牵头部门（非答复原文）'),
    lead_inferred_en: bi(optional.default(''), 'the same, in English (our inference too)', '推断的牵头部门（英文，同为本站推断）'),
    deadline: bi(
      z.string().refine((s) => s === '' || isPartialDate(s), 'empty, or a real date as YYYY-MM-DD or YYYY-MM'),
      'the deadline the reply names: YYYY-MM-DD or YYYY-MM, else empty',
      '答复给出的期限（年-月-日或年-月），未给出则为空',
    ),
    measurable: bi(oneOf(MEASURABLE), 'what a reviewer could check: number, deadline, both, neither', '可核查的内容：number（数字）、deadline（期限）、both（两者）、neither（均无）'),
    status: bi(
      oneOf(STATUSES),
      `the status as of the reply: ${STATUSES.join(', ')} (later changes go in status-log.csv)`,
      `答复时的状态（${STATUSES.join('、')}）；之后的变更记入 status-log.csv`,
    ),
    status_date: bi(z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD'), 'the date that status was assessed, YYYY-MM-DD (the reply date or later)', '该状态的评定日期（年-月-日，不早于答复日期）'),
    evidence: bi(optional, `what the status rests on (needed for ${STATUSES_NEEDING_EVIDENCE.join(', ')})`, `状态所依据的材料（${STATUSES_NEEDING_EVIDENCE.join('、')} 必填）`),
  })
  .describe("commitments.csv: every statement of what will be done or goes on being done; only kind promise is counted as the reply's commitments.");

export const notFigureRow = z
  .object({
    token: z.string().regex(/^[0-9０-９]+$/, 'a run of digits as it appears in the source').describe('the run of digits, as the source writes it'),
    quote: text.describe('a span of the reply, verbatim, that holds the token (enough to make it unique)'),
    reason: text.describe('why it is not a statistic: a year, a list number, a document number, a phone number…'),
  })
  .describe('not-figures.csv: every other run of digits in the source, and why it is not a statistic.');

export const eventRow = z
  .object({
    id: bi(id, 'the stable id of the event', '事件的固定编号'),
    date: bi(z.string().refine(isPartialDate, 'a real date as YYYY, YYYY-MM or YYYY-MM-DD'), 'when: YYYY, YYYY-MM or YYYY-MM-DD', '日期：年、年-月或年-月-日'),
    section: bi(
      z
        .string()
        .regex(/^(?:[1-9]\d*)?$/, "empty, or the number of the reply's part (an n of sections in reply.json)")
        .transform((s) => (s === '' ? null : Number(s))),
      SECTION_EN + '; empty for the reply itself',
      SECTION_ZH + '；答复本身为空',
    ),
    kind: bi(oneOf(['past', 'reply', 'promised'] as const), 'past, reply (the reply itself) or promised (a future date the reply commits to)', 'past（已发生）、reply（答复本身）、promised（答复承诺的未来日期）'),
    figure: bi(optional.default(''), 'the id of a related figure in figures.csv, if any', '相关数字的编号（如有）'),
    label_zh: bi(text, 'what happened, Chinese', '事件（中文）'),
    label_en: bi(text, 'what happened, English', '事件（英文）'),
    quote: bi(text, QUOTE_EN, QUOTE_ZH),
  })
  .describe('events.csv: every date the reply names, past and promised, for the timeline.');

export const derivedRow = z
  .object({
    id: bi(id, 'the stable id of the derived figure (not an id of figures.csv)', '推算数字的固定编号（不与 figures.csv 的编号重复）'),
    formula: bi(
      z.string().regex(/^[a-z_]+\(\s*[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*\s*\)$/, 'a formula such as share(contest-certificates, contest-entrants)'),
      'the function and the figure ids it takes: sum(a, b, …), share(part, whole), implied_total(part, share)',
      '计算函数及所用数字编号：sum 求和、share 占比、implied_total 由占比推算总数',
    ),
    unit: bi(z.string().regex(/^[a-z][a-z-]*$/, 'a unit such as person or percent'), 'the unit of the result', '结果的单位'),
    label_zh: bi(text, 'a label, Chinese', '标签（中文）'),
    label_en: bi(text, 'a label, English', '标签（英文）'),
    caveat_zh: bi(optional.default(''), 'what the result is not, Chinese (optional)', '注意事项（中文，可空）'),
    caveat_en: bi(optional.default(''), 'what the result is not, English (optional)', '注意事项（英文，可空）'),
  })
  .describe('derived.csv: figures the reply implies but does not state, as formulas over figure ids (the file may be just its header).');

/** status-log.csv (read by status-log.ts, which checks each column itself): its columns and what each is for. */
export const statusLogRow = z
  .object({
    commitment_id: bi(id, 'the id of the commitment (or statement) in commitments.csv', '承诺（或表述）的编号，见 commitments.csv'),
    date: bi(z.string(), 'the date the status was assessed, YYYY-MM-DD', '状态评定日期（年-月-日）'),
    status: bi(
      oneOf(STATUSES),
      `the status from that date: ${STATUSES.join(', ')}`,
      '状态：not_rated（未评估）、in_progress（推进中）、stalled（停滞）、kept（已兑现）、partly_kept（部分兑现）、not_kept（未兑现）',
    ),
    evidence: bi(optional, `what the status rests on (a document, a URL or a dated observation); needed for ${STATUSES_NEEDING_EVIDENCE.join(', ')}`, '状态所依据的材料（文件、网址或注明日期的核查记录）'),
    recorded_by: bi(text, 'who assessed and recorded it', '评定并录入的人'),
  })
  .describe('status-log.csv (optional; absent means no change recorded): every later change of a commitment\'s status, one row each, oldest first (a header-only file is valid; docs/updating-status.md).');

export const glossaryRow = z
  .object({
    id: id.describe('the stable id of the term'),
    term_zh: text.describe('the term as the reply writes it (it must appear in a reply\'s source)'),
    term_en: text.describe('the term in English'),
    definition_zh: text.describe('what it means, Chinese'),
    definition_en: text.describe('what it means, English'),
  })
  .describe('data/glossary.csv (beside the reply folders): policy terms, in both languages.');

const bilingual = (what: string) => z.object({ zh: text.describe(`${what}, Chinese`), en: text.describe(`${what}, English`) });
/** A brief's one-line summary of a part: prose only, every number comes from figures.csv. */
const briefLine = z.string().min(1, 'a non-empty sentence, or leave the field out').regex(/^[^0-9０-９]*$/, 'a sentence without digits (the brief lists the part\'s figures from figures.csv beside it)');
const unitId = z.string().regex(/^[a-z][a-z-]*$/, 'a unit id such as station (lowercase letters and hyphens)');
const placeKey = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a place key such as zhejiang (lowercase letters, digits, hyphens)');
/** A unit the site lacks: its Chinese counter and English singular and plural. */
export const unitDeclaration = z.object({
  zh: text.describe('the Chinese counter or unit as pages print it after a number: 个, 所, 万元'),
  en: z
    .tuple([text, text], { errorMap: () => ({ message: 'the English singular and plural, such as ["station", "stations"]' }) })
    .describe('the English singular and plural: ["station", "stations"]'),
});
const isoDate = z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD');
export const replyJson = z
  .object({
    id: id.describe('the reply id: the name of its folder, used in URLs'),
    title_zh: text.describe("the reply's title, Chinese"),
    title_en: text.describe("the reply's title, English"),
    proposal: z
      .object({
        number: z.number().int().positive().describe('the proposal number'),
        session_zh: text.describe('the congress and session, Chinese'),
        session_en: text.describe('the congress and session, English'),
        title_zh: text.describe("the proposal's title, Chinese"),
        title_en: text.describe("the proposal's title, English (source.en.md must use it as written)"),
        delegate_zh: text.describe('the delegate(s) who made it, Chinese'),
        delegate_en: text.describe('the delegate(s) who made it, English'),
      })
      .describe('the proposal the reply answers'),
    answering_body: bilingual("the answering body's name").describe('the body that answered'),
    co_handling: z.array(bilingual("a department's name")).describe('the co-handling departments, in the reply\'s order'),
    date: isoDate.describe('the date of the reply, YYYY-MM-DD'),
    cc: z.array(bilingual('a name')).describe('whom the reply is copied to (source.en.md must use each English name as written)'),
    sections: z
      .array(
        z.object({
          n: z.number().int().positive().describe('its number: the section column of the CSVs names it'),
          title_zh: text.describe("the part's title, Chinese"),
          title_en: text.describe("the part's title, English"),
          brief_zh: briefLine.optional().describe("the part's answer in one sentence without digits, Chinese, for the delegates' brief (optional; without it the brief shows the title and figures)"),
          brief_en: briefLine.optional().describe('the same, English'),
        }),
      )
      .min(1, 'at least one part: [{ "n": 1, "title_zh": "…", "title_en": "…" }]')
      .describe("the reply's numbered parts (一、二、…), as many as it has; every N项 on a page counts them"),
    places: z
      .record(placeKey, bilingual("the place's name"))
      .refine((r) => Object.keys(r).length > 0, 'at least one place, the reply\'s own first: { "cixi": { "zh": "慈溪", "en": "Cixi" } }')
      .describe("the places its figures cover: each by the key the scope column uses, with its names; the first is the reply's own"),
    units: z
      .record(unitId, unitDeclaration)
      .default({})
      .describe("units the site's own list (src/lib/data/vocabulary.ts) lacks, by the id the unit column uses (optional)"),
    words_zh: z
      .array(text)
      .default([])
      .describe('Chinese words no headline or chart label may break inside, beyond those the site takes from the data itself (optional; src/lib/data/words.ts)'),
    source: z
      .object({
        file: text.describe('the file of the reply as published: source.zh.txt'),
        original: text.describe('the name of the file the text was taken from, as received'),
        language: text.describe('its language tag, zh-CN'),
        kind_zh: text.describe('what kind of document it is, Chinese'),
        kind_en: text.describe('what kind of document it is, English'),
        cleaning: z
          .array(
            z.object({
              removed: text.describe('the characters removed'),
              occurrences: z.number().int().positive().describe('how many times'),
              line: z.number().int().positive().describe('the line of source.zh.txt where the first was'),
              reason_zh: text.describe('why, Chinese'),
              reason_en: text.describe('why, English'),
            }),
          )
          .describe('each conversion artefact removed from the text (the only changes allowed)'),
      })
      .describe('the source text'),
    translation: z
      .object({ file: text.describe('the translation file: source.en.md'), by_zh: text.describe('who translated it, Chinese (本站译)'), by_en: text.describe('who translated it, English (our translation)') })
      .describe('our English translation'),
    accessed: isoDate.describe('the date the source was accessed, YYYY-MM-DD'),
    licence: z
      .object({
        data: text.describe('the licence of our data and translation, such as CC-BY-4.0'),
        data_url: z.string().url().describe("the licence's address"),
        source_zh: text.describe("the source's own standing (an official public document), Chinese"),
        source_en: text.describe("the source's own standing, English"),
      })
      .describe('the licences'),
  })
  .describe('reply.json: who answered whom, and what the folder declares (its parts, places and units).');

/** The columns each CSV must have, from its schema. */
export const requiredColumns = (schema: z.AnyZodObject): string[] =>
  Object.entries(schema.shape)
    .filter(([, s]) => !(s instanceof z.ZodDefault))
    .map(([k]) => k);
