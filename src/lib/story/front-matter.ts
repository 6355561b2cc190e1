/**
 * The front matter of the prose files (YAML between --- lines), as zod
 * schemas: the story's (src/content/story/) and the other pages'
 * (src/content/pages/). src/content.config.ts declares the content
 * collections with them; the story reader checks them with file:line.
 */
import { z } from 'zod';
import type { Problem } from '../data/problems';
import type { RawStory } from './types';

const line = (what: string) => z.string().min(1).describe(what);

export const pageFront = z.object({
  title: line('the headline, with directives such as :meta{#title}'),
  dek: line('the standfirst under the headline'),
});
export const storyFront = pageFront.extend({ byline: line('who wrote it') });

/** The front matter checked against its schema (opts.byline false: a page, which has none): problems at the key's line. */
export function frontMatterProblems(raw: RawStory, opts: { byline?: boolean }): Problem[] {
  const schema = opts.byline === false ? pageFront : storyFront;
  const r = schema.safeParse(Object.fromEntries(Object.entries(raw.meta).map(([k, v]) => [k, v.data])));
  if (r.success) return [];
  return r.error.issues.map((issue) => {
    const k = String(issue.path[0] ?? '');
    const m = raw.meta[k];
    if (!m) return { file: raw.file, line: 1, message: `front matter has no "${k}"`, fix: `add "${k}: ..." between the --- lines` };
    return { file: raw.file, line: m.line, column: String(m.col), message: `front matter "${k}": ${issue.message}`, found: m.value };
  });
}
