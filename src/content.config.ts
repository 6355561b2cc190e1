/**
 * No Astro content collections: the prose in src/content/ is read and checked
 * by src/lib/story.ts (directives resolved against the data, file:line errors);
 * the brief's one-line summaries live in reply.json. This file only stops Astro from
 * auto-generating collections for those folders.
 */
export const collections = {};
