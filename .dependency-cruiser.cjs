/**
 * The layers run one way (docs/where-things-live.md):
 *
 *   data      src/lib/data/**            schemas, the model, loading and checks (the store: data/index.ts)
 *   derive    src/lib/derived.ts         figures computed from the reply's own
 *   present   src/lib/format/**, src/i18n/**, src/lib/linebreak.ts, src/lib/languages.ts, src/lib/paths.ts, src/lib/segments.ts,
 *             src/lib/palette.ts
 *                                        how numbers, dates, words, URLs, the source's runs, languages and colours are written
 *   story     src/lib/story*.ts, src/lib/story/**, src/lib/charts/**, src/lib/tracker.ts, src/lib/export/**,
 *             src/lib/embed.ts, src/lib/citation.ts (but not export/build.ts)
 *                                        what a page says: the story, the charts, the tracker, the downloads
 *   site      src/lib/site*.ts, src/lib/served-url.ts, site.config.mjs, src/lib/export/build.ts
 *             (the downloads of each route, built once a build: glue for pages and endpoints)
 *                                        where the site lives and the props of every route, computed once a build
 *   ui        src/components/**, src/pages/**, src/layouts/**, src/middleware.ts, src/scripts/**
 *
 * A file may import its own layer and any layer below it, never one above.
 * Only the site layer reads the store (getDataset/getReply): pages take their props
 * from it, components take theirs from the page. src/lib/draft/** (npm run draft) sits on data only.
 * tests/unit/layers.test.ts runs this on src/ and expects no violation.
 */
const LAYERS = [
  ['data', ['^src/lib/data/']],
  ['derive', ['^src/lib/derived\\.ts$']],
  ['present', ['^src/lib/format/', '^src/i18n/', '^src/lib/linebreak\.ts$', '^src/lib/languages\.ts$', '^src/lib/paths\.ts$', '^src/lib/segments\.ts$', '^src/lib/palette\.ts$']],
  ['story', ['^src/lib/story([^/]*\\.ts$|/)', '^src/lib/charts/', '^src/lib/tracker\\.ts$', '^src/lib/export/(?!build\\.ts$)', '^src/lib/embed\\.ts$', '^src/lib/citation\\.ts$']],
  ['site', ['^src/lib/site[^/]*\\.ts$', '^src/lib/served-url\\.ts$', '^site\\.config\\.mjs$', '^src/lib/export/build\\.ts$']],
  ['ui', ['^src/components/', '^src/pages/', '^src/layouts/', '^src/middleware\\.ts$', '^src/scripts/']],
];
const paths = (i) => LAYERS[i][1];
const above = (i) => LAYERS.slice(i + 1).flatMap(([, p]) => p);

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map(([name], i) => ({
      name: `${name}-imports-upward`,
      comment: `the ${name} layer imports a higher layer (${LAYERS.slice(i + 1).map(([n]) => n).join(', ')}): move the code down or pass the value in`,
      severity: 'error',
      from: { path: paths(i) },
      to: { path: above(i) },
    })),
    {
      name: 'store-outside-site',
      comment: 'only the site layer (src/lib/site*.ts) reads the store (src/lib/data/index.ts): take the reply as a prop or an argument',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/lib/site[^/]*\\.ts$', '^src/lib/export/build\\.ts$', '^src/lib/data/'] },
      to: { path: '^src/lib/data/index\\.ts$' },
    },
    {
      name: 'draft-on-data-only',
      comment: 'src/lib/draft (npm run draft) builds on the data layer only, and nothing in the site builds on it',
      severity: 'error',
      from: { path: '^src/lib/draft/' },
      to: { path: '^src/', pathNot: ['^src/lib/draft/', '^src/lib/data/'] },
    },
    {
      name: 'nothing-on-draft',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lib/draft/' },
      to: { path: '^src/lib/draft/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that does not resolve',
      severity: 'error',
      from: {},
      // astro: and the site's own Vite virtual modules (src/integrations/*.mjs) resolve at build
      to: { couldNotResolve: true, pathNot: '^(astro([:/]|$)|virtual:)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.astro/'] },
    tsPreCompilationDeps: true,
    extraExtensionsToScan: ['.astro'],
    // conditionNames: packages whose entry points are only in their "exports" map (tsx/esm/api)
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro', '.d.ts'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
