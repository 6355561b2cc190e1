/**
 * data/replies/<id>/copy.json (optional): sentences the site says about this
 * reply outside its story and charts, in the reply's own words. Without the
 * file (or for what it leaves out) the pages write generic words from the
 * reply's data (its `places` in reply.json).
 *
 * {
 *   "places": {
 *     "ningbo": { "caveat_zh": "宁波不是慈溪：这些数字覆盖宁波全市。",
 *                 "caveat_en": "Ningbo is not Cixi: these figures cover the whole of Ningbo." }
 *   }
 * }
 *
 * `places`: for a place wider than the reply's own (a key of `places` in
 * reply.json other than the first), the caveat the data page puts before the
 * figures that cover it. Model layer: the loader calls `readCopy` once per folder.
 */
import { z } from 'zod';
import type { Problem } from './problems';
import { lineOf, readOptionalJson } from './json';

const text = z.string().min(1, 'a non-empty text');

const placeCopy = z
  .object({
    /** The caveat before the figures that cover this place, in Chinese. */
    caveat_zh: text.optional(),
    /** The same in English. */
    caveat_en: text.optional(),
  })
  .strict();

const copyFile = z.object({ places: z.record(z.string(), placeCopy).default({}) }).strict();
export type ReplyCopy = z.infer<typeof copyFile>;

/** The line where `"key"` is first written after `"after"`, as near as the text allows. */
function keyLine(text: string, key: string, after?: string): number {
  const from = after ? Math.max(0, text.indexOf(`"${after}"`)) : 0;
  const at = text.indexOf(`"${key}"`, from);
  return at < 0 ? 1 : lineOf(text, at);
}

/**
 * Read and check copy.json of a reply folder; undefined when the folder has
 * none. Problems: not UTF-8, bad JSON, unknown keys, a place reply.json does
 * not declare or the reply's own place, a place entry with no words.
 */
export function readCopy(root: string, dir: string, places: readonly string[], problems: Problem[]): ReplyCopy | undefined {
  const rel = `${dir}/copy.json`;
  const read = readOptionalJson(root, rel, problems);
  if (!read) return undefined;
  const { text, json } = read;
  const parsed = copyFile.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const named = keys[0] ?? [...issue.path].reverse().find((k): k is string => typeof k === 'string');
      problems.push({
        file: rel,
        line: named ? keyLine(text, named, typeof issue.path[1] === 'string' ? issue.path[1] : undefined) : 1,
        column: issue.path.join('.') || undefined,
        message: issue.code === 'unrecognized_keys' ? issue.message : 'invalid value',
        expected: issue.code === 'unrecognized_keys' ? undefined : issue.message,
        fix:
          issue.code === 'unrecognized_keys'
            ? issue.path.length === 0
              ? 'remove the key, or use places'
              : 'remove the key, or use caveat_zh, caveat_en'
            : undefined,
      });
    }
    return undefined;
  }
  const [own, ...wider] = places;
  for (const [key, words] of Object.entries(parsed.data.places)) {
    const at = { file: rel, line: keyLine(text, key, 'places'), column: `places.${key}` };
    if (key === own)
      problems.push({ ...at, message: `"${key}" is the reply's own place (the first of places in reply.json): it needs no caveat`, found: key, expected: wider.length ? `one of ${wider.join(', ')}` : 'a wider place declared in reply.json', fix: 'remove the entry' });
    else if (!wider.includes(key))
      problems.push({ ...at, message: `the place "${key}" is not declared`, found: key, expected: wider.length ? `one of ${wider.join(', ')} (places in reply.json)` : 'a wider place declared in places of reply.json', fix: `correct the key, or add "${key}": { "zh": "…", "en": "…" } to places in ${dir}/reply.json` });
    if (words.caveat_zh === undefined && words.caveat_en === undefined)
      problems.push({ ...at, message: 'the entry gives no words', fix: `give "caveat_zh": "…", "caveat_en": "…" or both (a locale left out gets the site's own words)` });
  }
  return parsed.data;
}
