/**
 * Draft a reply folder from the text of a reply: every file the data contract
 * asks for, filled where the text can be read and marked for review where it
 * cannot (`"draft": true` in reply.json, a draft_note on every guessed row,
 * TODO where a person must write). `npm run draft` writes what this returns;
 * `npm run check:data` then lists what is left to decide. Pure.
 */
import Papa from 'papaparse';
import { derivedRow, eventRow } from '../data/schemas';
import { STATUS_LOG_COLUMNS } from '../data/status-log';
import { cleanSource, paragraphs } from './text';
import { draftMeta } from './meta';
import { draftFigures, type DraftFigure, type DraftNotFigure } from './figures';
import { draftCommitments, type DraftCommitment } from './commitments';

export { cleanSource } from './text';
export type { DraftFigure, DraftNotFigure, DraftCommitment };

export const FIGURE_COLUMNS = ['id', 'section', 'value', 'unit', 'qualifier', 'measure', 'period', 'scope', 'label_zh', 'label_en', 'quote', 'note_zh', 'note_en', 'draft_note'] as const;
export const NOT_FIGURE_COLUMNS = ['token', 'quote', 'reason', 'draft_note'] as const;
export const COMMITMENT_COLUMNS = ['id', 'section', 'kind', 'text_zh', 'text_en', 'quote', 'owner', 'owner_en', 'lead_inferred', 'lead_inferred_en', 'deadline', 'measurable', 'status', 'status_date', 'evidence', 'draft_note'] as const;

export interface Draft {
  /** File name -> contents, for the folder data/replies/<id>/. */
  files: Record<string, string>;
  figures: DraftFigure[];
  notFigures: DraftNotFigure[];
  commitments: DraftCommitment[];
  reply: Record<string, unknown>;
  /** The cleaned text, as written to source.zh.txt. */
  source: string;
}

/** CSV as the loader reads it (papaparse out as it is papaparse in), LF, final newline. */
export const toCsv = (rows: object[], columns: readonly string[]): string =>
  Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => String((r as Record<string, unknown>)[c] ?? ''))) }, { newline: '\n' }) + '\n';

/** A CSV of its header row alone (the columns its schema declares). */
const headerCsv = (columns: readonly string[]): string => Papa.unparse([[...columns]], { newline: '\n' }) + '\n';

export function draftReply(raw: string, id: string, opts: { original?: string; accessed?: string } = {}): Draft {
  const { text: source, cleaning } = cleanSource(raw);
  const paras = paragraphs(source);
  const meta = draftMeta(id, source, paras, cleaning, { original: opts.original ?? 'source.zh.txt', accessed: opts.accessed ?? new Date().toISOString().slice(0, 10) });
  const ctx = { source, paras, date: meta.date, dateAt: meta.dateAt, own: meta.own };
  const { figures, notFigures, places, units } = draftFigures(ctx);
  const answeringBody = (meta.json.answering_body as { zh: string }).zh;
  const commitments = draftCommitments({ ...ctx, coHandling: meta.coHandling, answeringBody }, figures);
  const reply = meta.json;
  const declaredPlaces = reply.places as Record<string, { zh: string; en: string }>;
  for (const [key, zh] of Object.entries(places)) declaredPlaces[key] = { zh, en: `TODO: English for ${zh} (and rename the key ${key})` };
  reply.units = Object.fromEntries(Object.entries(units).map(([u, zh]) => [u, { zh, en: [`TODO: ${u}`, `TODO: ${u}s`] }]));
  const en = paras.map((p) => `<!-- p${p.n} -->\n\n`).join('');
  return {
    files: {
      'source.zh.txt': source,
      'reply.json': JSON.stringify(reply, null, 2) + '\n',
      'figures.csv': toCsv(figures, FIGURE_COLUMNS),
      'not-figures.csv': toCsv(notFigures, NOT_FIGURE_COLUMNS),
      'commitments.csv': toCsv(commitments, COMMITMENT_COLUMNS),
      'events.csv': headerCsv(Object.keys(eventRow.shape)),
      'derived.csv': headerCsv(Object.keys(derivedRow.shape)),
      'status-log.csv': headerCsv(STATUS_LOG_COLUMNS),
      'source.en.md': en,
    },
    figures,
    notFigures,
    commitments,
    reply,
    source,
  };
}
