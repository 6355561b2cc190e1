/**
 * The prose of src/content/ as Astro content collections: `story` (one file per
 * reply and locale, src/content/story/<locale>/<reply-id>.md) and `pages`
 * (src/content/pages/<locale>/<name>.md, such as the about page). Their front
 * matter is declared here (zod). The files are read by the story's own reader
 * (src/lib/story.ts: `key: value` lines, so a value may begin with a directive
 * such as {meta:title}); the pages are built from src/lib/story.ts, which
 * resolves every directive against the data and reports file:line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCollection, z } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { LOCALES } from './lib/data/model';
import { parseStory } from './lib/story';

/** Every <locale>/<name>.md under src/content/<dir>/, its front matter read as the story reader reads it. */
function prose(dir: string): Loader {
  return {
    name: `prose-${dir}`,
    load: async ({ store, parseData }) => {
      store.clear();
      for (const locale of LOCALES) {
        const folder = path.join('src', 'content', dir, locale);
        if (!fs.existsSync(folder)) continue;
        for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
          const file = path.join(folder, name);
          const raw = parseStory(fs.readFileSync(file, 'utf8'), file, locale);
          const id = `${locale}/${name.replace(/\.md$/, '')}`;
          const meta = Object.fromEntries(Object.entries(raw.meta).map(([k, v]) => [k, v.value]));
          store.set({ id, data: await parseData({ id, data: meta, filePath: file }), filePath: file });
        }
      }
    },
  };
}

const front = {
  title: z.string().min(1).describe('the headline, with directives such as {meta:title}'),
  dek: z.string().min(1).describe('the standfirst under the headline'),
};

export const collections = {
  story: defineCollection({ loader: prose('story'), schema: z.object({ ...front, byline: z.string().min(1).describe('who wrote it') }) }),
  pages: defineCollection({ loader: prose('pages'), schema: z.object(front) }),
};
