import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems, getDataset, loadDataset, STATUSES, MEASURABLE, type Problem } from '../../src/lib/data';
import { parseStatusLog } from '../../src/lib/data/status-log';
import {
  CONGRESS_CLASS_OF,
  departments,
  ownerKind,
  dueWithoutEvidence,
  evidenceUrl,
  nothingRecordedYet,
  summarise,
} from '../../src/lib/tracker';

const ROOT = process.cwd();
const reply = getDataset().replies[0]!;
const DIR = reply.dir; // data/replies/<id>
const COMMITMENTS = `${DIR}/commitments.csv`;
const LOG = `${DIR}/status-log.csv`;
const HEADER = 'commitment_id,date,status,evidence,recorded_by';

/** Every row of commitments.csv as a person reads it: papaparse with a header row, nothing from our loader. */
function allCsvRows(): Record<string, string>[] {
  const text = fs.readFileSync(path.join(ROOT, COMMITMENTS), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}
/** The promises: only rows of kind promise are the reply's commitments. */
const csvRows = () => allCsvRows().filter((r) => r.kind === 'promise');

const tmps: string[] = [];
/** A copy of data/ in a tmp dir, with files replaced; returns the tmp root. */
function mutated(files: Record<string, string | ((text: string) => string) | null>): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-'));
  tmps.push(tmp);
  fs.cpSync(path.join(ROOT, 'data'), path.join(tmp, 'data'), { recursive: true });
  for (const [rel, change] of Object.entries(files)) {
    const abs = path.join(tmp, rel);
    if (change === null) fs.rmSync(abs, { force: true });
    else fs.writeFileSync(abs, typeof change === 'function' ? change(fs.readFileSync(abs, 'utf8')) : change);
  }
  return tmp;
}
afterEach(() => {
  for (const t of tmps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

function problemsFor(files: Parameters<typeof mutated>[0]): Problem[] {
  const { dataset, problems } = loadDataset(mutated(files));
  expect(dataset).toBeUndefined();
  return problems;
}

const [first, second] = reply.commitments;
const after = (days: number) => new Date(Date.parse(reply.meta.date) + days * 86_400_000).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);
const log = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('status-log.csv validation', () => {
  it('accepts a header-only file and a missing file', () => {
    expect(loadDataset(mutated({ [LOG]: HEADER + '\n' })).problems).toEqual([]);
    expect(loadDataset(mutated({ [LOG]: null })).problems).toEqual([]);
  });

  it.each([
    ['an unknown commitment id', `no-such-commitment,${after(30)},in_progress,,AB`, 'commitment_id', 'no-such-commitment'],
    ['an unknown status', `${first!.id},${after(30)},done,,AB`, 'status', 'done'],
    ['a date that is not real', `${first!.id},2023-02-30,in_progress,,AB`, 'date', '2023-02-30'],
    ['a date before the reply', `${first!.id},${after(-1)},in_progress,,AB`, 'date', after(-1)],
    ['a date in the future', `${first!.id},2999-01-01,in_progress,,AB`, 'date', '2999-01-01'],
    ['kept without evidence', `${first!.id},${after(30)},kept,,AB`, 'evidence', ''],
    ['stalled without evidence', `${first!.id},${after(30)},stalled,,AB`, 'evidence', ''],
    ['no recorded_by', `${first!.id},${after(30)},in_progress,,`, 'recorded_by', ''],
  ])('stops on %s, naming file:line, column, found, expected and fix', (_, row, column, found) => {
    const problems = problemsFor({ [LOG]: log(`${second!.id},${after(10)},in_progress,,AB`, row) });
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p).toMatchObject({ file: LOG, line: 3, column, found });
    expect(p.expected).toBeTruthy();
    expect(p.fix).toBeTruthy();
    expect(formatProblems(problems)).toContain(`${LOG}:3: column "${column}"`);
  });

  it('names the vocabulary when the status is unknown', () => {
    const [p] = problemsFor({ [LOG]: log(`${first!.id},${after(30)},solved,,AB`) });
    for (const s of STATUSES) expect(p!.expected).toContain(s);
  });

  it('stops when the entries of a commitment are out of date order', () => {
    const problems = problemsFor({
      [LOG]: log(`${first!.id},${after(60)},in_progress,,AB`, `${second!.id},${after(10)},in_progress,,AB`, `${first!.id},${after(30)},in_progress,,AB`),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: LOG, line: 4, column: 'date', found: after(30), expected: `${after(60)} or later` });
    expect(problems[0]!.message).toContain('line 2');
  });

  it('gives the line a record starts on when a quoted evidence spans lines', () => {
    const problems = problemsFor({
      [LOG]: log(`${first!.id},${after(30)},kept,"Report, part one\nand part two",AB`, `${second!.id},${after(30)},partly_kept,,AB`),
    });
    expect(problems).toMatchObject([{ file: LOG, line: 4, column: 'evidence' }]);
  });

  it('stops when an entry predates the status date in commitments.csv', () => {
    const edited = (text: string) => text.replace(new RegExp(`^(${first!.id},.*),${reply.meta.date},`, 'm'), `$1,${after(50)},`);
    const problems = problemsFor({ [COMMITMENTS]: edited, [LOG]: log(`${first!.id},${after(20)},in_progress,,AB`) });
    expect(problems).toMatchObject([{ file: LOG, line: 2, column: 'date', found: after(20), expected: `${after(50)} or later` }]);
  });

  it('reports a missing column on line 1', () => {
    const problems = problemsFor({ [LOG]: 'commitment_id,date,status,evidence\n' });
    expect(problems).toMatchObject([{ file: LOG, line: 1, column: 'recorded_by' }]);
  });

  it('parses a log on its own, with today passed in', () => {
    const ctx = { commitmentIds: new Set([first!.id]), replyDate: reply.meta.date, today: after(100) };
    const ok = parseStatusLog(log(`${first!.id},${after(100)},in_progress,,AB`), 'x.csv', ctx);
    expect(ok.problems).toEqual([]);
    const late = parseStatusLog(log(`${first!.id},${after(101)},in_progress,,AB`), 'x.csv', ctx);
    expect(late.problems).toMatchObject([{ file: 'x.csv', line: 2, column: 'date' }]);
  });

  it('makes the latest entry the status in force and keeps every entry', () => {
    const { dataset, problems } = loadDataset(
      mutated({
        [LOG]: log(`${first!.id},${after(30)},in_progress,,AB`, `${first!.id},${after(90)},kept,"Bulletin of ${after(90)}",CD`),
      }),
    );
    expect(problems).toEqual([]);
    const c = dataset!.replies[0]!.commitments.find((x) => x.id === first!.id)!;
    expect(c.history.map((h) => h.status)).toEqual(['in_progress', 'kept']);
    expect(c.current).toMatchObject({ status: 'kept', date: after(90), recorded_by: 'CD', from: 'log', line: 3 });
    expect(nothingRecordedYet(dataset!.replies[0]!)).toBe(false);
    // The counts follow the status in force, not the commitments.csv column.
    const r = dataset!.replies[0]!;
    const before = summarise(reply, today).byStatus;
    const now = summarise(r, today).byStatus;
    expect(now.kept).toBe(before.kept + (first!.status === 'kept' ? 0 : 1));
    expect(now[first!.status]).toBe(before[first!.status] - (first!.status === 'kept' ? 0 : 1));
    const others = dataset!.replies[0]!.commitments.filter((x) => x.id !== first!.id);
    for (const o of others) expect(o.current.from).toBe('commitments');
  });
});

describe('commitments.csv status validation', () => {
  /** Replace one column of the row for `id`, and return the line that row is on. */
  const edit = (id: string, column: string, value: string) => (text: string) => {
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    const [header, ...rows] = parsed.data;
    const row = rows.find((r) => r[0] === id)!;
    row[header!.indexOf(column)] = value;
    return Papa.unparse([header!, ...rows], { newline: '\n' }) + '\n';
  };
  const lineOfId = (id: string) => fs.readFileSync(path.join(ROOT, COMMITMENTS), 'utf8').split('\n').findIndex((l) => l.startsWith(id + ',')) + 1;

  it('stops when a status that needs evidence has none', () => {
    const problems = problemsFor({ [COMMITMENTS]: edit(second!.id, 'status', 'partly_kept') });
    expect(problems).toMatchObject([{ file: COMMITMENTS, line: lineOfId(second!.id), column: 'evidence' }]);
  });

  it('stops on an unknown status', () => {
    const problems = problemsFor({ [COMMITMENTS]: edit(second!.id, 'status', 'B') });
    expect(problems).toMatchObject([{ file: COMMITMENTS, line: lineOfId(second!.id), column: 'status', found: 'B' }]);
  });

  it('stops on a status date in the future', () => {
    const problems = problemsFor({ [COMMITMENTS]: edit(second!.id, 'status_date', '2999-12-31') });
    expect(problems).toMatchObject([{ file: COMMITMENTS, line: lineOfId(second!.id), column: 'status_date', found: '2999-12-31' }]);
  });
});

describe('tracker counts match the CSV', () => {
  const rows = csvRows();
  const s = summarise(reply, today);
  const tally = (f: (r: Record<string, string>) => string) => rows.reduce<Record<string, number>>((acc, r) => ((acc[f(r)] = (acc[f(r)] ?? 0) + 1), acc), {});

  it('counts only the promises: continuing practice, work reported as done and other governments\' targets are apart', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(s.total).toBe(rows.length);
    expect(reply.commitments.map((c) => c.id)).toEqual(rows.map((r) => r.id));
    const others = allCsvRows().filter((r) => r.kind !== 'promise');
    expect(others.length).toBeGreaterThan(0);
    for (const k of ['ongoing', 'done', 'external_target'] as const) {
      expect(s.others[k].map((c) => c.id), k).toEqual(others.filter((r) => r.kind === k).map((r) => r.id));
    }
    expect(s.total + others.length).toBe(allCsvRows().length);
    // a target of another government (scope larger than the reply's) is never counted as the reply's promise
    for (const r of others.filter((x) => x.kind === 'external_target')) expect(s.due.map((c) => c.id)).not.toContain(r.id);
  });

  it('every count the tracker and the brief show agrees with itself (one function)', () => {
    expect(s.withNumber).toBe(s.byMeasurable.number + s.byMeasurable.both);
    expect(s.withDeadline).toBe(s.byMeasurable.deadline + s.byMeasurable.both);
    expect(s.measurable).toBe(s.total - s.byMeasurable.neither);
    expect(s.withEvidence).toBe(reply.commitments.filter((c) => c.current.evidence !== '').length);
    expect(s.byOwner.named + s.byOwner.inferred + s.byOwner.none).toBe(s.total);
  });

  it('by measurability', () => {
    const t = tally((r) => r.measurable!);
    for (const m of MEASURABLE) expect(s.byMeasurable[m], m).toBe(t[m] ?? 0);
    expect(s.withNumber).toBe(rows.filter((r) => ['number', 'both'].includes(r.measurable!)).length);
    expect(s.withDeadline).toBe(rows.filter((r) => r.deadline !== '').length);
  });

  it('by owner: named, inferred, none', () => {
    const t = tally((r) => (r.owner ? 'named' : r.lead_inferred ? 'inferred' : 'none'));
    expect(s.byOwner).toEqual({ named: t.named ?? 0, inferred: t.inferred ?? 0, none: t.none ?? 0 });
  });

  it('by section and by status (no log entries: the CSV status is in force)', () => {
    const t = tally((r) => r.section!);
    expect(Object.fromEntries(s.bySection.map((x) => [String(x.section), x.count]))).toEqual(t);
    const logText = fs.existsSync(path.join(ROOT, LOG)) ? fs.readFileSync(path.join(ROOT, LOG), 'utf8') : HEADER;
    const logRows = Papa.parse<Record<string, string>>(logText, { header: true, skipEmptyLines: 'greedy' }).data;
    const latest = new Map(logRows.map((r) => [r.commitment_id!, r.status!]));
    const st = tally((r) => latest.get(r.id!) ?? r.status!);
    for (const x of STATUSES) expect(s.byStatus[x], x).toBe(st[x] ?? 0);
    expect(s.logEntries).toBe(logRows.length);
  });

  it('by department, each department counted from the CSV', () => {
    for (const d of s.byDepartment) {
      const col = d.kind === 'named' ? 'owner' : 'lead_inferred';
      const mine = rows.filter((r) => (d.kind === 'named' ? true : !r.owner) && r[col]!.split(/[、，,；;]/).map((x) => x.trim()).includes(d.zh));
      expect(d.total, d.zh).toBe(mine.length);
    }
    expect(s.byDepartment.reduce((n, d) => n + d.total, 0)).toBeGreaterThanOrEqual(rows.filter((r) => r.owner || r.lead_inferred).length);
  });

  it('due with no evidence depends on the date passed in', () => {
    const end = (d: string) => {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number?];
      return day ? d : new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    };
    const withDeadline = rows.filter((r) => r.deadline);
    const dates = [reply.meta.date, ...withDeadline.map((r) => end(r.deadline!)), '2999-12-31'];
    for (const asOf of dates) {
      const expected = withDeadline.filter((r) => end(r.deadline!) <= asOf && !r.evidence).map((r) => r.id);
      expect(dueWithoutEvidence(reply.commitments, asOf).map((c) => c.id), asOf).toEqual(expected);
      expect(summarise(reply, asOf).dueNoEvidence.map((c) => c.id)).toEqual(expected);
    }
    // Before any deadline, nothing is due.
    expect(dueWithoutEvidence(reply.commitments, reply.meta.date)).toEqual(
      reply.commitments.filter((c) => c.deadline && end(c.deadline) <= reply.meta.date),
    );
  });

  it('says nothing has been recorded exactly when the log is empty and every status is not_rated', () => {
    const logText = fs.existsSync(path.join(ROOT, LOG)) ? fs.readFileSync(path.join(ROOT, LOG), 'utf8') : HEADER;
    const logRows = Papa.parse<Record<string, string>>(logText, { header: true, skipEmptyLines: 'greedy' }).data;
    expect(nothingRecordedYet(reply)).toBe(logRows.length === 0 && rows.every((r) => r.status === 'not_rated'));
  });
});

describe('departments', () => {
  const base = { owner: '', owner_en: '', lead_inferred: '', lead_inferred_en: '' };
  it('splits a list the reply names, keeps our inference apart, and knows when there is none', () => {
    expect(departments({ ...base, owner: '甲局、乙局', owner_en: 'A Bureau; B Bureau', lead_inferred: '丙局' })).toEqual([
      { zh: '甲局', en: 'A Bureau', kind: 'named' },
      { zh: '乙局', en: 'B Bureau', kind: 'named' },
    ]);
    expect(departments({ ...base, lead_inferred: '丙局', lead_inferred_en: 'C Bureau' })).toEqual([{ zh: '丙局', en: 'C Bureau', kind: 'inferred' }]);
    expect(departments(base)).toEqual([]);
    expect(ownerKind(base)).toBe('none');
  });
});

describe('congress classification view', () => {
  it('gives no class to not_rated and never D (a commitment was taken up)', () => {
    expect(CONGRESS_CLASS_OF.not_rated).toBeNull();
    expect(Object.values(CONGRESS_CLASS_OF)).not.toContain('D');
    expect(CONGRESS_CLASS_OF.kept).toBe('A');
    for (const s of STATUSES) expect(s in CONGRESS_CLASS_OF).toBe(true);
  });
});

describe('latest updates and evidence links', () => {
  it('lists every log entry of promises and other statements, newest first', () => {
    const [a, b] = reply.commitments;
    const o = reply.statements[0]!;
    const e = (date: string, line: number) => ({ status: 'in_progress' as const, date, evidence: '', recorded_by: 'AB', file: LOG, line, from: 'log' as const });
    const r = {
      commitments: [{ ...a!, history: [e('2023-01-01', 2), e('2023-05-01', 4)] }, { ...b!, history: [e('2023-05-01', 5)] }],
      statements: [{ ...o, history: [e('2023-03-01', 3)] }],
    };
    const u = summarise(r, '2024-01-01').updates;
    expect(u.map((x) => [x.commitment.id, x.date])).toEqual([
      [b!.id, '2023-05-01'],
      [a!.id, '2023-05-01'],
      [o.id, '2023-03-01'],
      [a!.id, '2023-01-01'],
    ]);
    // an update to a statement that is not a promise is listed, but never counted as a commitment
    expect(summarise(r, '2024-01-01').total).toBe(2);
  });
  it('evidence that is a web address is a link; any other text is not', () => {
    expect(evidenceUrl(' https://www.cixi.gov.cn/art/2023/1/5/art_1.html ')).toBe('https://www.cixi.gov.cn/art/2023/1/5/art_1.html');
    expect(evidenceUrl('Bulletin 5, https://x.org')).toBeUndefined();
    expect(evidenceUrl('市教育局公告')).toBeUndefined();
  });
});
