/**
 * Each page in its own language, as a reader sees it (visible text only):
 *  - Chinese pages: every run of English words is marked lang="en"; no English words except names of
 *    formats and files the site hands out, words of the licence and text in elements written in another
 *    language (a bare <span lang="en"> is the page marking a run, not English text); no half-width comma or
 *    colon right after a Chinese character;
 *  - English pages: every run of Chinese (quoted source text, a term glossed in a sentence, "(居住证)") is
 *    marked lang="zh…".
 * In HTML text, the charts' SVG <text> and their data tables alike, on every page, embeds included; and in the
 * drawn text of the exported standalone SVGs. Left out: the data page's raw previews
 * of the CSV files, which show the data as it is.
 */
// Run by tests/e2e/quality.test.ts in its dark 1280 px pass, on the same load of each page as axe.
import fs from 'node:fs';
import path from 'node:path';
import { getDataset } from '../../../src/lib/data';
import { MEASURES, STATUSES } from '../../../src/lib/data/model';
import { QUALIFIERS } from '../../../src/lib/data/numbers';
import { FUNCTIONS } from '../../../src/lib/data/formula';
import { TABLES } from '../../../src/lib/export/dataset';

const DIST = 'dist';
const { replies } = getDataset();

/** Words a Chinese page may show: the extensions of the files the build wrote, and the words of each reply's licence. */
export function allowed(): string[] {
  const exts = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (path.extname(e.name)) exts.add(path.extname(e.name).slice(1).toLowerCase());
    }
  };
  walk(DIST);
  // the licence's words and the conversion artefacts the source page says were removed ([bookmark: _GoBack])
  const licence = replies.flatMap((r) => JSON.stringify([r.meta.licence ?? '', r.meta.source.cleaning.map((c) => c.removed)]).match(/[A-Za-z]+/g) ?? []);
  // the status ids a deputy writes into status-log.csv, which the tracker's instructions name
  const statuses = STATUSES.flatMap((s) => s.split('_'));
  // the data's own vocabulary, which the data page's dictionary explains: file names, column names, and the
  // values of the columns that hold ids of a vocabulary (qualifier, measure, unit, kind …), read from the CSVs
  const vocab: string[] = [];
  for (const r of replies) {
    for (const f of fs.readdirSync(r.dir).filter((x) => x.endsWith('.csv') || x.endsWith('.json'))) {
      vocab.push(...f.replace(/\.\w+$/, '').split(/[-_]/));
      if (!f.endsWith('.csv')) {
        vocab.push(...Object.keys(JSON.parse(fs.readFileSync(path.join(r.dir, f), 'utf8'))));
        continue;
      }
      const [head = '', ...rows] = fs.readFileSync(path.join(r.dir, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
      const cols = head.split(',');
      vocab.push(...cols.flatMap((c) => c.split('_')));
      const vocabCols = cols.map((c, i) => (['qualifier', 'measure', 'unit', 'kind', 'measurable', 'status', 'scope', 'type'].includes(c) ? i : -1)).filter((i) => i >= 0);
      for (const row of rows) {
        const cells = row.split(',');
        for (const i of vocabCols) if (/^[a-z_-]+$/.test(cells[i] ?? '')) vocab.push(...cells[i]!.split(/[_]/), cells[i]!);
      }
    }
  }
  const words = [...QUALIFIERS, ...MEASURES, ...Object.keys(FUNCTIONS), ...TABLES].flatMap((w) => [w, ...w.split('_')]);
  return [...exts, ...licence, ...statuses, ...vocab, ...words, ...TOOLS].map((w) => w.toLowerCase());
}

/** Names of formats, encodings, units and programs, which have no Chinese name (GB/T 7714's [EB/OL] among them). */
const TOOLS = ['BibTeX', 'CSL-JSON', 'Zotero', 'Pandoc', 'Excel', 'WordPress', 'JavaScript', 'oEmbed', 'UTF', 'BOM', 'ISO', 'KB', 'MB', 'EB', 'OL', 'GB', 'iframe', 'theme', 'light', 'dark', 'auto', 'title', 'README', 'Word'];

/** Runs in the page: its problems of language, each naming the element and its text. */
export function inspectLanguage(allow: string[]): string[] {
  const out: string[] = [];
  const zhPage = document.documentElement.lang.startsWith('zh');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement!;
    const text = n.textContent ?? '';
    if (!text.trim() || el.closest('script, style, noscript, textarea, pre, code, kbd, samp, svg title, svg desc, [data-preview], [hidden], [aria-hidden="true"], .visually-hidden, .print-only')) continue;
    if (!el.closest('svg') && !el.checkVisibility?.() && el.getClientRects().length === 0) continue;
    const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
    const where = `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}> “${text.trim().slice(0, 50)}”`;
    if (zhPage) {
      // the language the text is written in: the nearest lang that is not a bare run mark
      let ctx: Element | null = el.closest('[lang]');
      while (ctx && /^(span|tspan)$/.test(ctx.localName) && ctx.attributes.length === 1) ctx = ctx.parentElement?.closest('[lang]') ?? null;
      const written = ctx?.getAttribute('lang') ?? '';
      for (const w of text.match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? []) {
        if (!lang.startsWith('en')) out.push(`English “${w}” not marked lang="en" in ${where}`);
        if (!written.startsWith('zh')) continue;
        // a URL, a path, an e-mail address, a file name or a parameter is not a word of prose
        const whole = (el.closest('[lang]')?.parentElement ?? el).textContent ?? text;
        if (whole.split(/\s+/).some((t) => t.includes(w) && /[./@=]/.test(t))) continue;
        if (allow.includes(w.toLowerCase())) continue;
        out.push(`English word “${w}” in ${where}`);
      }
      for (const m of text.matchAll(/[\u3400-\u9fff][,:]/g)) out.push(`half-width “${m[0]![1]}” after Chinese in ${where}`);
    } else {
      if (lang.startsWith('zh')) continue;
      const m = text.match(/[\u3400-\u9fff]+/);
      if (m) out.push(`Chinese “${m[0]}” outside lang="zh" in ${where}`);
    }
  }
  return out;
}
