/**
 * The W3C Nu Html Checker (vnu-jar, one java run) over EVERY page of the
 * built dist/ (found by walking it, like quality.test.ts): zero errors, zero
 * warnings. Static: no browser, so `npm test` runs it beside the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages, type SitePage } from '../../bench/pages.mjs';

const DIST = path.resolve('dist');
const pages: SitePage[] = fs.existsSync(path.join(DIST, 'index.html')) ? listPages(DIST) : [];

it('there is a built site to check (npm run build, or npm test)', () => {
  expect(pages.length).toBeGreaterThan(0);
});

/** Every inline <script> and <style> of a page has its sha256 in the page's CSP. */
function inlineBlocksHashed(url: string): boolean {
  const html = fs.readFileSync(url.replace(/^file:/, ''), 'utf8');
  const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
  const blocks = [
    ...[...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*\stype="(?!module|text\/javascript)[^"]*")[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!),
    ...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!),
  ];
  return blocks.every((b) => policy.includes(`'sha256-${createHash('sha256').update(b).digest('base64')}'`));
}

describe('W3C Nu Html Checker', () => {
  it('finds zero errors on every page (one run over all of them)', () => {
    const jar = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
    const r = spawnSync('java', ['-Xss4m', '-XX:TieredStopAtLevel=1', '-jar', jar, '--format', 'json', ...pages.map((p) => p.file)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.error, 'java is needed for the W3C checker (.ci/run installs default-jre-headless)').toBeUndefined();
    const { messages } = JSON.parse(r.stderr || r.stdout) as {
      messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }[];
    };
    const where = (m: (typeof messages)[number]) => `${path.relative(DIST, (m.url ?? '').replace(/^file:/, ''))}:${m.lastLine ?? ''}`;
    const errors = messages.filter((m) => m.type !== 'info').map((m) => `${where(m)}: ${m.type}: ${m.message} «${m.extract ?? ''}»`);
    // The checker reads files from file: URLs, where 'self' matches nothing, and does
    // not compute hashes: it warns about every same-site file and every hashed inline
    // script or style under our CSP. Those two are dropped only when they are provably
    // false (a same-site URL; an inline block whose sha256 is in the page's policy);
    // the browser gate above checks the policy for real. Every other warning fails.
    const warnings = messages
      .filter((m) => m.type === 'info' && m.subType === 'warning')
      .filter((m) => !/^Resource violates Content Security Policy \(meta tag\): .*“(?![a-z][a-z0-9+.-]*:)[^“”]*” blocked by “[a-z-]+” directive\.?$/.test(m.message))
      .filter((m) => !(/^Inline (script|style) violates Content Security Policy/.test(m.message) && inlineBlocksHashed(m.url ?? '')))
      .map((m) => `${where(m)}: warning: ${m.message}`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
