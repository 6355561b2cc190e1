/**
 * Headings break only between words: the check itself (tests/e2e/checks/headings.ts) runs on every page in
 * both passes of the quality gates (tests/e2e/quality.test.ts: 360 px light, 1280 px dark), on the same load as
 * axe. Here: that the data gives it words to protect.
 */
import { describe, expect, it } from 'vitest';
import { siteKeepWords } from '../../src/lib/site-props';

const keep = siteKeepWords();

describe('headings break only between words', () => {
  it('has protected words from the data', () => {
    expect(keep.length).toBeGreaterThan(5);
  });
});
