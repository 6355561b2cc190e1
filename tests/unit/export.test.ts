import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Papa from 'papaparse';
import fc from 'fast-check';
import sharp from 'sharp';
import { strFromU8, unzipSync } from 'fflate';
import { getDataset } from '../../src/lib/data';
import { LOCALES } from '../../src/lib/data/model';
import { chartsFor, type ChartSpec, type Cell as ChartCell } from '../../src/lib/charts';
import { BOM, csvField, toCsv, type Cell } from '../../src/lib/export/csv';
import { chartColumns, chartCsv, chartJson, chartSvg } from '../../src/lib/export/chart';
import { COLUMN_DOCS, TABLES, datasetCsv, datasetJson, datasetRows, datasetZip, fileNames, readme } from '../../src/lib/export/dataset';
import { lightTokens, resolveColours, wrapText, textEms } from '../../src/lib/export/svg';
import { paletteCss } from '../../src/lib/palette';
import { citeInput } from '../../src/lib/export/build';
import { designTokens, svgToPng } from '../../src/lib/export/files';
import { embedCode, embedSrc, initialHeight } from '../../src/lib/embed';

const reply = getDataset().replies[0]!;
const ctx = { site: 'https://example.org', base: '/' };

/** What a CSV reader gives back: every cell as text, empty for null. */
const asText = (rows: Record<string, Cell>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])));
const parse = (csv: string) => {
  expect(csv.startsWith(BOM)).toBe(true);
  const r = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r;
};

describe('CSV', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const csv = toCsv([{ key: 'a', description: '' }, { key: 'b', description: '' }], [{ a: 1, b: '慈溪' }, { a: null, b: 'x' }]);
    expect(csv).toBe(`${BOM}a,b\r\n1,慈溪\r\n,x\r\n`);
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(' lead')).toBe('" lead"');
  });
  it('reads back to the same rows for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.string(), b: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) }), { minLength: 1, maxLength: 8 }), (rows) => {
        const csv = toCsv([{ key: 'a', description: '' }, { key: 'b', description: '' }], rows);
        const back = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: 'greedy' }).data;
        const want = asText(rows).filter((r) => !(r.a!.trim() === '' && r.b === ''));
        return JSON.stringify(back.filter((r) => Object.values(r).some((v) => v.trim() !== ''))) === JSON.stringify(want.filter((r) => r.a!.trim() !== '' || r.b !== ''));
      }),
    );
  });
});

describe.each(LOCALES)('chart downloads (%s)', (locale) => {
  const specs = chartsFor(reply, locale);
  it('there is at least one chart', () => expect(specs.length).toBeGreaterThan(0));
  describe.each(specs.map((s) => [s.id, s] as const))('%s', (_, spec) => {
    it('CSV reads back to exactly spec.data', () => {
      const r = parse(chartCsv(spec));
      expect(r.meta.fields!.slice(0, spec.data.columns.length)).toEqual(spec.data.columns.map((c) => c.key));
      // every row, every value; a column the spec forgot to declare is kept too
      expect(r.data).toEqual(asText(spec.data.rows).map((row) => Object.fromEntries(r.meta.fields!.map((k) => [k, row[k] ?? '']))));
    });
    it('JSON holds the rows, the column descriptions, sources and citation', () => {
      const j = JSON.parse(chartJson(spec, reply, citeInput(ctx, reply, spec.id), (id) => `#${id}`));
      expect(j.rows).toEqual(spec.data.rows);
      expect(j.columns.map((c: { key: string }) => c.key).slice(0, spec.data.columns.length)).toEqual(spec.data.columns.map((c) => c.key));
      expect(j.sources.map((s: { figure_id: string }) => s.figure_id)).toEqual(spec.sources);
      for (const s of j.sources) expect(s.quote).toBe(reply.figures.find((f) => f.id === s.figure_id)!.quote);
      expect(j.citation.short).toContain(locale === 'zh-CN' ? reply.meta.answering_body.zh : reply.meta.answering_body.en);
    });
    it('SVG is standalone: xmlns, size, style, title, source line; no CSS variables; PNG is 2x', async () => {
      const cite = citeInput(ctx, reply, spec.id);
      const { svg, width, height } = chartSvg(spec, cite, designTokens());
      expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain(`width="${width}" height="${height}"`);
      expect(svg).toContain('<style>');
      expect(svg).toContain('Noto Sans CJK SC');
      expect(svg).not.toMatch(/var\(--|currentColor/i);
      const text = svg.replace(/<[^>]+>/g, '');
      expect(text).toContain(spec.title.replace(/&/g, '&amp;'));
      expect(text).toContain(cite.url[locale === 'zh-CN' ? 'zh' : 'en']);
      const meta = await sharp(Buffer.from(svg)).metadata(); // librsvg rejects malformed XML
      expect([meta.width, meta.height]).toEqual([width, height]);
      const png = await sharp(await svgToPng(svg)).metadata();
      expect([png.width, png.height]).toEqual([width * 2, height * 2]);
    });
  });
});

describe('chart columns', () => {
  it('keeps undeclared row keys as extra columns, so the CSV loses nothing', () => {
    const rows: Record<string, ChartCell>[] = [{ a: 1, extra: 'x' }, { a: 2 }];
    const spec: ChartSpec = { ...chartsFor(reply, 'en')[0]!, data: { columns: [{ key: 'a', label: 'A', description: 'the a' }], rows } };
    expect(chartColumns(spec).map((c) => c.key)).toEqual(['a', 'extra']);
    expect(chartCsv(spec)).toBe(`${BOM}a,extra\r\n1,x\r\n2,\r\n`);
  });
});

describe('SVG helpers', () => {
  it('reads the light tokens of the palette stylesheet', () => {
    const t = lightTokens(paletteCss());
    expect(t['bg']).toMatch(/^#/);
    expect(t['fg']).toMatch(/^#/);
  });
  it('resolves variables, fallbacks and currentColor', () => {
    expect(resolveColours('<g fill="var(--accent)" stroke="currentColor"><rect fill="var(--nope, #123456)"/></g>', { accent: '#0b5cad' }, '#111')).toBe(
      '<g fill="#0b5cad" stroke="#111"><rect fill="#123456"/></g>',
    );
  });
  it('wraps Latin at spaces and Chinese between characters, within the width', () => {
    const en = wrapText('the quick brown fox jumps over the lazy dog', 10);
    expect(en.join(' ')).toBe('the quick brown fox jumps over the lazy dog');
    for (const l of en) expect(textEms(l)).toBeLessThanOrEqual(10);
    const zh = wrapText('技能大师工作室以慈溪市级为主，共有三十二个', 8);
    expect(zh.join('')).toBe('技能大师工作室以慈溪市级为主，共有三十二个');
    expect(zh.every((l) => !l.startsWith('，'))).toBe(true);
  });
});

describe('whole dataset', () => {
  const cite = citeInput(ctx, reply);
  const rows = datasetRows(reply);
  it('has every figure, derived figure, commitment and event', () => {
    expect(rows.figures.map((r) => r.id)).toEqual(reply.figures.map((f) => f.id));
    expect(rows.commitments.map((r) => r.id)).toEqual(reply.commitments.map((c) => c.id));
    expect(rows.statements.map((r) => r.id)).toEqual(reply.statements.map((c) => c.id));
    expect(rows.commitments.every((r) => r.kind === 'promise')).toBe(true);
    expect(rows.events.map((r) => r.id)).toEqual(reply.events.map((e) => e.id));
    expect(rows.derived.map((r) => r.id)).toEqual(reply.derivedDefs.map((d) => d.id));
  });
  it.each(TABLES)('every column of %s is documented, and only those', (t) => {
    const docs = COLUMN_DOCS[t].map((d) => d.key);
    for (const r of rows[t]) expect(Object.keys(r)).toEqual(docs);
    for (const d of COLUMN_DOCS[t]) {
      expect(d.en.length, d.key).toBeGreaterThan(3);
      expect(d.zh.length, d.key).toBeGreaterThan(1);
    }
  });
  it.each(TABLES)('%s CSV reads back to its rows', (t) => {
    const r = parse(datasetCsv(reply, t));
    expect(r.data).toEqual(asText(rows[t]));
  });
  it('figures CSV keeps every value exactly', () => {
    const r = parse(datasetCsv(reply, 'figures'));
    expect(r.data.map((x) => Number(x.value))).toEqual(reply.figures.map((f) => f.value));
  });
  it('JSON has the metadata, citation and, per table, columns and rows', () => {
    const j = JSON.parse(datasetJson(reply, cite));
    expect(j.reply.id).toBe(reply.id);
    expect(j.citation.full.en).toContain(cite.url.en);
    for (const t of TABLES) {
      expect(j.tables[t].rows).toEqual(rows[t]);
      expect(j.tables[t].columns).toEqual(COLUMN_DOCS[t]);
    }
  });
  it.each(LOCALES)('README (%s) names licence, citation, caveat figures and every column', (locale) => {
    const md = readme(reply, cite, locale, { zh: 'source.zh.txt', en: 'source.en.md' });
    expect(md).toContain(reply.meta.licence.data_url);
    expect(md).toContain('CC BY 4.0');
    for (const t of TABLES) for (const d of COLUMN_DOCS[t]) expect(md).toContain(`| \`${d.key}\` |`);
    for (const f of reply.figures.filter((x) => x.scope === 'ningbo' || x.measure === 'change' || x.measure === 'cumulative')) expect(md).toContain(`\`${f.id}`);
    expect(md).toContain(locale === 'zh-CN' ? reply.meta.answering_body.zh : reply.meta.answering_body.en);
  });
  it('zip holds README, CSVs, JSON and the source texts, byte for byte', () => {
    const src = { zh: fs.readFileSync(`${reply.dir}/source.zh.txt`, 'utf8'), en: fs.readFileSync(`${reply.dir}/source.en.md`, 'utf8') };
    const files = unzipSync(datasetZip(reply, cite, src));
    const n = fileNames(reply.id);
    const d = `${reply.id}/`;
    expect(Object.keys(files).sort()).toEqual(
      [d + 'README.md', d + 'README.zh-CN.md', ...TABLES.map((t) => d + n.csv(t)), d + n.json, d + 'source.zh.txt', d + 'source.en.md', d + 'status-log.csv'].sort(),
    );
    expect(strFromU8(files[d + 'source.zh.txt']!)).toBe(src.zh);
    expect(Buffer.from(files[d + n.csv('figures')]!).toString('utf8')).toBe(datasetCsv(reply, 'figures'));
    // deterministic: same data, same bytes
    expect(datasetZip(reply, cite, src)).toEqual(datasetZip(reply, cite, src));
  });
});

describe('embed code', () => {
  const spec = chartsFor(reply, 'en')[0]!;
  it('is an iframe with title, lazy loading, full width, no border, a height; then our script', () => {
    const code = embedCode({ url: 'https://example.org/embed/a/b/', script: 'https://example.org/embed.js', title: 'Chart: "x" & y', height: 321, id: 'a/b' });
    expect(code).toBe(
      '<iframe src="https://example.org/embed/a/b/" title="Chart: &quot;x&quot; &amp; y" data-cixi-embed="a/b" loading="lazy" width="100%" height="321" style="display:block;width:100%;border:0"></iframe>\n' +
        '<script src="https://example.org/embed.js" async></script>',
    );
  });
  it('puts options in the address, defaults left out', () => {
    expect(embedSrc('https://e.org/x/', {})).toBe('https://e.org/x/');
    expect(embedSrc('https://e.org/x/', { theme: 'dark', title: false })).toBe('https://e.org/x/?theme=dark&title=0');
    expect(embedSrc('https://e.org/x/', { theme: 'auto', title: true })).toBe('https://e.org/x/');
  });
  it('starts taller than the drawn chart, and shorter without the title', () => {
    expect(initialHeight(spec)).toBeGreaterThan(Number(spec.views[0]!.wide.height ?? 0));
    expect(initialHeight(spec, { title: false })).toBeLessThan(initialHeight(spec));
  });
  it('the host script stays under 1 KB gzip and checks origin and source', async () => {
    const js = fs.readFileSync('public/embed.js', 'utf8');
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(js, { level: 9 }).length).toBeLessThan(1024);
    expect(js).toContain('e.origin !== o');
    expect(js).toContain('contentWindow === e.source');
  });
  it("the embed page's forced themes use the same colours as the page's schemes", () => {
    // both come from src/lib/palette.ts; the embed page defines no colour of its own
    const css = paletteCss();
    const page = fs.readFileSync('src/pages/[...lang]/embed/[reply]/[chart].astro', 'utf8');
    expect(page).toContain("import 'virtual:palette.css';");
    expect(page).not.toMatch(/--(bg|fg|muted)\s*:/);
    const decls = (block: string) => Object.fromEntries([...block.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
    const light = decls(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
    const dark = decls(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!);
    const forcedLight = decls(/data-theme='light'\]\s*\{([^}]*)\}/.exec(css)![1]!);
    const forcedDark = decls(/data-theme='dark'\]\s*\{([^}]*)\}/.exec(css)![1]!);
    expect(Object.keys(forcedLight).length).toBeGreaterThan(5);
    expect(forcedLight).toEqual(light);
    expect(forcedDark).toEqual(dark);
  });
});

describe('downloads carry the status log', () => {
  // A reply whose log has two entries for its first promise: what an office records after the reply.
  const base = getDataset().replies[0]!;
  const [c0, ...rest] = base.commitments;
  const day = (n: number) => new Date(Date.parse(base.meta.date) + n * 86_400_000).toISOString().slice(0, 10);
  const entry = (n: number, status: 'in_progress' | 'kept', evidence: string, line: number) => ({ status, date: day(n), evidence, recorded_by: 'AB', file: `${base.dir}/status-log.csv`, line, from: 'log' as const });
  const history = [entry(30, 'in_progress', '', 2), entry(200, 'kept', 'https://www.cixi.gov.cn/notice-5', 3)];
  const logged = { ...base, commitments: [{ ...c0!, history, current: history[1]! }, ...rest] };
  const logText = 'commitment_id,date,status,evidence,recorded_by\n' + history.map((h) => `${c0!.id},${h.date},${h.status},${h.evidence},AB`).join('\n') + '\n';
  const cite = citeInput(ctx, logged);

  it('the commitments CSV has the status in force, its date, evidence, who recorded it, and the history', () => {
    const [row] = parse(datasetCsv(logged, 'commitments')).data as Record<string, string>[];
    expect(row).toMatchObject({ id: c0!.id, status: 'kept', status_date: day(200), evidence: 'https://www.cixi.gov.cn/notice-5', recorded_by: 'AB', history_count: '2' });
    expect(row!.history).toBe(`${day(30)} in_progress (AB) | ${day(200)} kept: https://www.cixi.gov.cn/notice-5 (AB)`);
  });
  it('the status-log table and the JSON hold every entry', () => {
    const log = parse(datasetCsv(logged, 'status-log')).data as Record<string, string>[];
    expect(log.map((r) => [r.commitment_id, r.date, r.status])).toEqual(history.map((h) => [c0!.id, h.date, h.status]));
    const j = JSON.parse(datasetJson(logged, cite));
    expect(j.tables.commitments.rows[0]).toMatchObject({ status: 'kept', status_date: day(200), history_count: 2 });
    expect(j.tables['status-log'].rows).toHaveLength(2);
  });
  it('the zip holds status-log.csv itself, byte for byte', () => {
    const src = { zh: fs.readFileSync(`${base.dir}/source.zh.txt`, 'utf8'), en: fs.readFileSync(`${base.dir}/source.en.md`, 'utf8') };
    const files = unzipSync(datasetZip(logged, cite, src, undefined, logText));
    expect(strFromU8(files[`${base.id}/status-log.csv`]!)).toBe(logText);
    expect(Buffer.from(files[`${base.id}/${fileNames(base.id).csv('commitments')}`]!).toString('utf8')).toContain(`${day(200)},`);
  });
});
