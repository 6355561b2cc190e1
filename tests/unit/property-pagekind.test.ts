/**
 * The kind of a page is a pure function of its URL path, and agrees with the
 * routes the site builds its links from (src/lib/paths.ts), for any id.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageKind, pageLocale } from '../../bench/pages.mjs';
import { staticImports } from '../../scripts/bench.mjs';
import { localePrefix, routes } from '../../src/lib/paths';
import type { Locale } from '../../src/lib/data/model';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const locale = fc.constantFrom<Locale>('zh-CN', 'en');

describe('pageKind', () => {
  it('classifies every route of src/lib/paths.ts, in both locales, for any id', () => {
    fc.assert(
      fc.property(locale, id, id, (l, a, b) => {
        const p = (route: string) => localePrefix(l) + route;
        expect(pageKind(p(routes.home))).toBe('home');
        expect(pageKind(p(routes.about))).toBe('about');
        expect(pageKind(p(routes.reply(a)))).toBe('story');
        expect(pageKind(p(routes.charts(a)))).toBe('chart');
        expect(pageKind(p(routes.chart(a, b)))).toBe('chart');
        expect(pageKind(p(routes.embed(a, b)))).toBe('embed');
        expect(pageKind(p(routes.source(a)))).toBe('source');
        expect(pageKind(p(routes.data(a)))).toBe('data');
        expect(pageKind(p(routes.commitments(a)))).toBe('commitments');
        expect(pageKind(p(routes.brief(a)))).toBe('brief');
        expect(pageKind(p(routes.reply(a)) + 'index.html')).toBe('story');
        expect(pageLocale(p(routes.reply(a)))).toBe(l);
      }),
    );
  });

  it('calls anything else "other"', () => {
    for (const u of ['404.html', 'en/404.html', 'replies/x/unknown/', 'replies/x/charts/y/z/', 'embed/x/', 'english/', 'replies/x/data.csv']) {
      expect(pageKind(u), u).toBe('other');
    }
  });
});

describe('staticImports (what the benchmark counts as JavaScript a page loads)', () => {
  it('finds static imports and re-exports in minified modules, not dynamic imports', () => {
    const code = 'import{a as b}from"./chunk-1.js";import"./side.js";export{c}from\'./c.js\';const d=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./chunk-1.js', './side.js', './c.js']);
  });
});
