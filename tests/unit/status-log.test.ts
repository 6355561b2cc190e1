/**
 * status-log.csv as a deputy's office saves it: the faults check:data refuses, each with
 * file:line, what it found and how to fix it; and a property test that generates logs with
 * those faults.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems, getDataset, loadDataset, STATUSES } from '../../src/lib/data';
import { decodeUtf8 } from '../../src/lib/data/csv';
import { parseStatusLog, statusFromLabel, STATUS_LOG_COLUMNS } from '../../src/lib/data/status-log';
import { useT } from '../../src/i18n';

const reply = getDataset().replies[0]!;
const LOG = `${reply.dir}/status-log.csv`;
const HEADER = STATUS_LOG_COLUMNS.join(',');
const ids = [...reply.commitments, ...reply.statements].map((c) => c.id);
const [first, second] = reply.commitments;
const after = (days: number) => new Date(Date.parse(reply.meta.date) + days * 86_400_000).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);
const log = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const zh = useT('zh-CN');

/** GB18030/GBK bytes of a text (what Chinese Excel's plain "CSV (逗号分隔)" writes): a table built from the platform decoder. */
const GBK = (() => {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
    if (b === 0x7f) continue;
    const ch = dec.decode(new Uint8Array([a, b]));
    if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
  }
  return (text: string): Uint8Array => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) out.push(code);
      else out.push(...(table.get(ch) ?? [0x3f]));
    }
    return new Uint8Array(out);
  };
})();

const tmps: string[] = [];
function loadWithLog(body: string | Uint8Array) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'status-log-'));
  tmps.push(tmp);
  fs.cpSync(path.join(process.cwd(), 'data'), path.join(tmp, 'data'), { recursive: true });
  fs.writeFileSync(path.join(tmp, LOG), body);
  return loadDataset(tmp);
}
afterEach(() => {
  for (const t of tmps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

describe('status-log.csv faults check:data refuses, with file:line and a fix', () => {
  it('a file saved as GB18030/GBK (Excel\'s plain "CSV (逗号分隔)"): names the encoding, the line, and "save as CSV UTF-8 (逗号分隔)"', () => {
    const text = log(`${first!.id},${after(10)},in_progress,,AB`, `${second!.id},${after(20)},kept,市政府公告2023年第5号,王国辉`);
    expect(new TextDecoder('gb18030').decode(GBK(text))).toBe(text); // the bytes really are GB18030
    const { dataset, problems } = loadWithLog(GBK(text));
    expect(dataset).toBeUndefined();
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p).toMatchObject({ file: LOG, line: 3 });
    expect(p.message).toContain('GB18030');
    expect(p.fix).toContain('save as CSV UTF-8 (逗号分隔)');
    expect(p.found).toContain('市政府公告');
    expect(formatProblems(problems)).toContain(`${LOG}:3:`);
  });

  it('accepts the same file saved as "CSV UTF-8 (逗号分隔)" (BOM, CRLF)', () => {
    const text = '\uFEFF' + log(`${first!.id},${after(10)},in_progress,,AB`, `${second!.id},${after(20)},kept,市政府公告2023年第5号,王国辉`).replace(/\n/g, '\r\n');
    expect(loadWithLog(text).problems).toEqual([]);
  });

  it('an exact duplicate row (it would be counted twice)', () => {
    const row = `${first!.id},${after(10)},in_progress,,AB`;
    const { problems } = loadWithLog(log(row, `${second!.id},${after(11)},in_progress,,AB`, row));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: LOG, line: 4, fix: 'delete line 4' });
    expect(problems[0]!.message).toContain('repeats line 2 exactly');
  });

  it('two rows for one commitment on one date, with different statuses', () => {
    const { problems } = loadWithLog(log(`${first!.id},${after(10)},in_progress,,AB`, `${first!.id},${after(10)},kept,Bulletin 5,AB`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: LOG, line: 3, column: 'date' });
    expect(problems[0]!.message).toContain(`line 2 already records "${first!.id}" on ${after(10)}`);
    expect(problems[0]!.fix).toContain('keep one row');
  });

  it.each(STATUSES.map((s) => [zh(`tracker.status.${s}`), s] as const))('a status written as the site\'s label %s: says it means %s', (label, id) => {
    const { problems } = loadWithLog(log(`${first!.id},${after(10)},${label},Bulletin 5,AB`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: LOG, line: 2, column: 'status', found: label, expected: id });
    expect(problems[0]!.fix).toContain(`${label} -> ${id}`);
  });

  it('the English labels are understood too, and nothing else is guessed', () => {
    expect(statusFromLabel('Partly kept')).toBe('partly_kept');
    expect(statusFromLabel('已兑现')).toBe('kept');
    expect(statusFromLabel('solved')).toBeUndefined();
  });

  it.each([
    ['before the reply', after(-1), 'before the reply'],
    ['in the future (after today)', new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10), 'in the future'],
  ])('a status date %s', (_, date, message) => {
    const { problems } = loadWithLog(log(`${first!.id},${date},in_progress,,AB`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: LOG, line: 2, column: 'date', found: date });
    expect(problems[0]!.message).toContain(message);
  });
});

describe('status logs with faults (property)', () => {
  const ctx = { commitmentIds: new Set(ids), replyDate: reply.meta.date, today };
  const span = Math.floor((Date.parse(today) - Date.parse(reply.meta.date)) / 86_400_000);
  const STATUS_OK = ['in_progress', 'kept', 'partly_kept', 'not_kept', 'stalled'] as const;
  /** A valid log: entries for random commitments, at most one per commitment and day, dates in order per commitment. */
  const validLog = fc
    .array(fc.record({ id: fc.constantFrom(...ids), day: fc.integer({ min: 0, max: span }), status: fc.constantFrom(...STATUS_OK), ev: fc.constantFrom('公告第5号', 'https://www.cixi.gov.cn/x', 'site visit 2023-03-01 by AB') }), { minLength: 1, maxLength: 12 })
    .map((es) => {
      const seen = new Set<string>();
      return es
        .filter((e) => !seen.has(e.id + e.day) && seen.add(e.id + e.day))
        .sort((a, b) => a.day - b.day)
        .map((e) => `${e.id},${after(e.day)},${e.status},${e.ev},AB`);
    });
  const FAULTS = ['duplicate', 'same-day', 'label', 'before-reply', 'future'] as const;

  it('a valid log passes; each injected fault is refused once, on its line, with its message', () => {
    fc.assert(
      fc.property(validLog, fc.constantFrom(...FAULTS), fc.nat(), (rows, fault, k) => {
        expect(parseStatusLog(log(...rows), LOG, ctx).problems).toEqual([]);
        const src = rows[k % rows.length]!;
        const [id, date, status] = src.split(',') as [string, string, string];
        const bad =
          fault === 'duplicate' ? src
          : fault === 'same-day' ? `${id},${date},${status === 'in_progress' ? 'stalled' : 'in_progress'},other evidence,CD`
          : fault === 'label' ? `${id},${today},${zh(`tracker.status.${status as 'kept'}`)},公告第5号,AB`
          : fault === 'before-reply' ? `${id},${after(-1 - (k % 400))},in_progress,,AB`
          : `${id},${new Date(Date.parse(today) + (1 + (k % 400)) * 86_400_000).toISOString().slice(0, 10)},in_progress,,AB`;
        const out = parseStatusLog(log(...rows, bad), LOG, ctx);
        const line = rows.length + 2;
        const mine = out.problems.filter((p) => p.line === line);
        expect(mine.length, fault).toBe(1);
        const p = mine[0]!;
        const expected = { duplicate: 'repeats line', 'same-day': 'already records', label: 'written as its label', 'before-reply': 'before the reply', future: 'in the future' }[fault];
        expect(p.message).toContain(expected);
        expect(p.fix).toBeTruthy();
        // the faulty row never reaches the history
        expect(out.rows.filter((r) => r.line === line)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('any log with Chinese text saved as GB18030 is refused at the first line that holds Chinese', () => {
    fc.assert(
      fc.property(validLog, (rows) => {
        const text = log(...rows);
        const firstZh = text.split('\n').findIndex((l) => /[\u3400-\u9fff]/.test(l)) + 1;
        const r = decodeUtf8(GBK(text), LOG);
        if (firstZh === 0) expect(r.text).toBe(text);
        else expect(r.problem).toMatchObject({ file: LOG, line: firstZh });
      }),
      { numRuns: 100 },
    );
  });
});
