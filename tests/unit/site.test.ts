/** One place for the site URL and the error contact (site.config.mjs), and the run-time address of a default build. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { contactLink, servedUrl, siteRoot } from '../../src/lib/site';

describe('site URL', () => {
  it('is named in one place only: no other source file names a host', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'scripts', 'astro.config.mjs'], { encoding: 'utf8' }).trim().split('\n');
    const naming = files.filter((f) => /localhost:4321|127\.0\.0\.1:4321/.test(fs.readFileSync(f, 'utf8')));
    expect(naming).toEqual([]);
    expect(fs.readFileSync('site.config.mjs', 'utf8')).toContain("DEFAULT_SITE_URL = 'http://localhost:4321'");
  });
  it('site root joins origin and base', () => {
    expect(siteRoot('https://example.org', '/cixi/')).toBe('https://example.org/cixi/');
    expect(siteRoot('https://example.org', '/')).toBe('https://example.org/');
  });
  it('a default build served elsewhere hands out the address it is served from', () => {
    const root = 'http://localhost:4321/';
    expect(servedUrl('http://localhost:4321/embed/r/c/', root, { origin: 'http://127.0.0.1:8123' })).toBe('http://127.0.0.1:8123/embed/r/c/');
    // with SITE_URL set, no root is given and the URL stays as built
    expect(servedUrl('https://example.org/cixi/embed/r/c/', undefined, { origin: 'http://127.0.0.1:8123' })).toBe('https://example.org/cixi/embed/r/c/');
  });
});

describe('error contact', () => {
  it('an e-mail address becomes a mailto link; a URL stays a URL; anything else stops the build', () => {
    expect(contactLink('corrections@example.org')).toEqual({ href: 'mailto:corrections@example.org', text: 'corrections@example.org', kind: 'email' });
    expect(contactLink('mailto:a@b.org?subject=x').text).toBe('a@b.org');
    expect(contactLink('https://example.org/issues/').kind).toBe('url');
    expect(() => contactLink('call us')).toThrow(/ERROR_CONTACT/);
  });
});
