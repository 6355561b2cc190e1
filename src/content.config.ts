/**
 * No Astro content collections: the prose in src/content/ is read and checked
 * by src/lib/story.ts (directives resolved against the data, file:line errors),
 * and the brief's lines by the brief page. This file only stops Astro from
 * auto-generating collections for those folders.
 */
export const collections = {};
