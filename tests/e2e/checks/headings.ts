/**
 * No h1 or h2 breaks a line inside a protected word (the data's glossary terms, places, units, named
 * items and declared words: Reply.keep, src/lib/data/words.ts), nor inside a number and its unit
 * (13万套（间）): per character, the line each one sits on. Run by tests/e2e/quality.test.ts on both of
 * its passes (360 px light, 1280 px dark), on the same load of each page as axe.
 */
import { keepRanges } from '../../../src/lib/linebreak';

export /** Runs in the page: each visible h1/h2's text and the offsets where a new line starts. */
function headingLines(): { text: string; breaks: number[] }[] {
  const out: { text: string; breaks: number[] }[] = [];
  const range = document.createRange();
  for (const h of document.querySelectorAll('h1, h2')) {
    if (h.closest('[hidden], svg') || !h.getClientRects().length) continue;
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    let text = '';
    const breaks: number[] = [];
    let prevTop: number | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.textContent ?? '';
      let off = 0;
      for (const ch of s) {
        range.setStart(n, off);
        range.setEnd(n, off + ch.length);
        const at = text.length + off;
        off += ch.length;
        if (/\s/.test(ch)) continue;
        const r = [...range.getClientRects()].find((x) => x.width > 0);
        if (!r) continue;
        if (prevTop !== null && r.top > prevTop + 4) breaks.push(at);
        prevTop = r.top;
      }
      text += s;
    }
    out.push({ text, breaks });
  }
  return out;
}

/** The problems in one page's headings at one width, each prefixed with its path. */
export function headingProblems(p: string, width: number, heads: { text: string; breaks: number[] }[], keep: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { text, breaks } of heads) {
    const held = keepRanges(text, keep);
    for (const i of breaks) {
      // skip back over spaces to the last character of the line before
      let j = i - 1;
      while (j > 0 && /\s/.test(text[j]!)) j--;
      const word = held[i] && !/\s/.test(text.slice(j + 1, i));
      const unit = /[0-9]/.test(text[j]!) && /[0-9%％\u3400-\u9fff（(]/.test(text[i]!);
      const bracket = /[（(]/.test(text[i]!) && held[i];
      if (word || unit || bracket) problems.push(`/${p} (${width} px): “${text.slice(Math.max(0, i - 6), i)} / ${text.slice(i, i + 6)}” in “${text.trim().slice(0, 50)}”`);
    }
  }
  return problems;
}
