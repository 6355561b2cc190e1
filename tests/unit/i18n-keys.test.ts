/**
 * The dictionaries' keys against the code: every key of one dictionary is in the
 * other, and every key is looked up somewhere in src/ — written out in quotes, or
 * reached through a template-literal key a translator is called with
 * (t(`tracker.kind.${k}`), typed by a template-literal union of the keys).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh-CN';

const SRC = 'src';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? (p === join(SRC, 'i18n') ? [] : files(p)) : /\.(ts|astro|mjs|js)$/.test(d.name) ? [p] : [];
  });
const code = files(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');

/** Strings written in quotes anywhere in the code. */
const quoted = new Set([...code.matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1]));
/** Template-literal keys passed to a translator (t(…), c.t(…), zhT(…)) or to template(locale, …), as patterns. */
const patterns = [...code.matchAll(/(?:\b\w*[tT]\(|\btemplate\([^,()]+,\s*)`([^`]*\$\{[^`]*)`/g)].map(
  (m) => new RegExp(`^${(m[1] ?? '').split(/\$\{[^}]*\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[\\w-]+')}$`),
);

describe('UI dictionary keys', () => {
  it('each dictionary has every key of the other', () => {
    const missing = (a: object, b: object) => Object.keys(a).filter((k) => !(k in b));
    expect(missing(en, zh), 'keys in en.ts missing from zh-CN.ts').toEqual([]);
    expect(missing(zh, en), 'keys in zh-CN.ts missing from en.ts').toEqual([]);
  });
  it('finds the template-literal lookups it reads (the scan itself works)', () => {
    expect(patterns.some((p) => p.test('tracker.kind.deadline') || p.test('tracker.status.kept'))).toBe(true);
  });
  it('every key is looked up somewhere in src/', () => {
    const unused = Object.keys(en).filter((k) => !quoted.has(k) && !patterns.some((p) => p.test(k)));
    expect(unused, 'dictionary keys never looked up in src/').toEqual([]);
  });
});
