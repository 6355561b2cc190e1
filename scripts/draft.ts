/**
 * npm run draft -- <path/to/reply.txt> <reply-id> [--data-root DIR]
 *
 * Drafts data/replies/<reply-id>/ from the text of a reply (src/lib/draft):
 * every file the folder needs, marked "draft": true, each guess explained in a
 * draft_note. Never touches an existing folder. Then run npm run check:data to
 * see what is left to decide. DATA_ROOT (or --data-root) as for check:data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { draftReply } from '../src/lib/draft';
import { REPLIES_DIR } from '../src/lib/data/load';

const args = process.argv.slice(2);
const flag = args.indexOf('--data-root');
const root = flag >= 0 ? args.splice(flag, 2)[1]! : process.env.DATA_ROOT || process.cwd();
const [file, id] = args;
const fail = (msg: string): never => {
  console.error(`draft: ${msg}`);
  process.exit(1);
};
if (!file || !id) fail('usage: npm run draft -- <path/to/reply.txt> <reply-id>   (reply-id such as ningbo-2023-41)');
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id!)) fail(`the reply id "${id}" is not kebab-case. Fix: use lowercase letters, digits and hyphens, such as cixi-2023-41 (place-year-number)`);
if (!fs.existsSync(file!)) fail(`${file}: the file is missing. Fix: give the path of the reply's text (UTF-8)`);
const bytes = fs.readFileSync(file!);
const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
if (raw.includes('\uFFFD')) fail(`${file}: the file is not UTF-8 (GB18030 or GBK?). Fix: save it as UTF-8 (iconv -f GB18030 -t UTF-8 ${file} > reply.txt)`);
const rel = `${REPLIES_DIR}/${id}`;
const dir = path.join(root, rel);
if (fs.existsSync(dir)) fail(`${rel} already exists; the draft never touches an existing folder. Fix: choose another id, or move the folder away first`);

const draft = draftReply(raw, id!, { original: path.basename(file!) });
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(draft.files)) fs.writeFileSync(path.join(dir, name), text);
const c = draft.reply.source as { cleaning: { removed: string; occurrences: number }[] };
console.log(
  [
    `drafted ${rel}/:`,
    `  source.zh.txt    ${draft.source.split('\n').filter((l) => l.trim()).length} paragraphs${c.cleaning.length ? `; removed ${c.cleaning.map((x) => `${x.removed} ×${x.occurrences}`).join(', ')} (listed in reply.json)` : ''}`,
    `  reply.json       ${(draft.reply.sections as unknown[]).length} parts, "draft": true`,
    `  figures.csv      ${draft.figures.length} candidate statistics`,
    `  not-figures.csv  ${draft.notFigures.length} other digit runs`,
    `  commitments.csv  ${draft.commitments.length} candidate statements`,
    `  source.en.md     one empty block per paragraph`,
    `next: npm run check:data lists what is left to decide (docs/adding-a-reply.md)`,
  ].join('\n'),
);
