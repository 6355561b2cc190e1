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

/**
 * Whether the page's text is mostly in the script of its own `lang`: more CJK
 * characters than Latin letters on a zh page, the reverse on an en page
 * (scripts and styles left out). The checker's language guess reads a sample
 * of the text and can be thrown by URLs and citations; it is dropped only
 * when the page's own text disproves it.
 */
function languageGuessWrong(url: string): boolean {
  const html = fs.readFileSync(url.replace(/^file:/, ''), 'utf8');
  const lang = /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase() ?? '';
  const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return lang.startsWith('zh') ? cjk > latin : lang.startsWith('en') ? latin > cjk : false;
}

describe('W3C Nu Html Checker', () => {
  it('finds zero errors on every page (one run over all of them)', () => {
    const jar = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
    // The report goes to stdout (--stdout), so a JVM notice on stderr (a thread or
    // memory warning when the machine is busy) cannot corrupt it; a run that leaves
    // no report is tried once more, and if it fails again its own output is shown.
    const check = () =>
      spawnSync('java', ['-Xss4m', '-XX:TieredStopAtLevel=1', '-jar', jar, '--stdout', '--format', 'json', ...pages.map((p) => p.file)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const report = (r: ReturnType<typeof check>) => {
      try {
        return JSON.parse(r.stdout) as { messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }[] };
      } catch {
        return undefined;
      }
    };
    let r = check();
    expect(r.error, 'java is needed for the W3C checker (.ci/run installs default-jre-headless)').toBeUndefined();
    if (!report(r)) r = check();
    const parsed = report(r);
    expect(parsed, `the W3C checker gave no report (exit ${r.status}):\n${(r.stderr || '').slice(0, 2000)}\n${(r.stdout || '').slice(0, 2000)}`).toBeDefined();
    const { messages } = parsed!;
    const where = (m: (typeof messages)[number]) => `${path.relative(DIST, (m.url ?? '').replace(/^file:/, ''))}:${m.lastLine ?? ''}`;
    const errors = messages.filter((m) => m.type !== 'info').map((m) => `${where(m)}: ${m.type}: ${m.message} «${m.extract ?? ''}»`);
    // The checker reads files from file: URLs, where 'self' matches nothing, and does
    // not compute hashes: it warns about every same-site file and every hashed inline
    // script or style under our CSP. Those two are dropped only when they are provably
    // false (a same-site URL; an inline block whose sha256 is in the page's policy),
    // and so is a guess of the page's language that its own text disproves;
    // the browser gate above checks the policy for real. Every other warning fails.
    const warnings = messages
      .filter((m) => m.type === 'info' && m.subType === 'warning')
      .filter((m) => !/^Resource violates Content Security Policy \(meta tag\): .*“(?![a-z][a-z0-9+.-]*:)[^“”]*” blocked by “[a-z-]+” directive\.?$/.test(m.message))
      .filter((m) => !(/^Inline (script|style) violates Content Security Policy/.test(m.message) && inlineBlocksHashed(m.url ?? '')))
      .filter((m) => !(/^This document appears to be written in /.test(m.message) && languageGuessWrong(m.url ?? '')))
      .map((m) => `${where(m)}: warning: ${m.message}`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
