/**
 * The prose of src/content/ as Astro content collections: `story` (one file per
 * reply and locale, src/content/story/<locale>/<reply-id>.md) and `pages`
 * (src/content/pages/<locale>/<name>.md, such as the about page). Their front
 * matter (YAML) is declared by the zod schemas of src/lib/story/front-matter.ts
 * and read by the prose reader (src/lib/data/prose.ts: remark-frontmatter +
 * yaml); the pages are built from src/lib/story.ts, which resolves every
 * directive against the data and reports file:line:column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { LOCALES } from './lib/data/model';
import { parseProse } from './lib/data/prose';
import { pageFront, storyFront } from './lib/story/front-matter';

/** Every <locale>/<name>.md under src/content/<dir>/, its front matter read as the story reader reads it (YAML). */
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
          const { front } = parseProse(fs.readFileSync(file, 'utf8'));
          const id = `${locale}/${name.replace(/\.md$/, '')}`;
          const meta = Object.fromEntries(Object.entries(front).map(([k, v]) => [k, v.data]));
          store.set({ id, data: await parseData({ id, data: meta, filePath: file }), filePath: file });
        }
      }
    },
  };
}

export const collections = {
  story: defineCollection({ loader: prose('story'), schema: storyFront }),
  pages: defineCollection({ loader: prose('pages'), schema: pageFront }),
};
