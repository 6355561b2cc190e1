/**
 * The phone inspection of tests/e2e/phone.test.ts, run in the page (page.evaluate(inspect, …)):
 * the document no wider than the screen, no text out of its block or off the screen, tables that
 * fit, no Chinese table cell under three characters, Chinese lines that break where they may
 * (HTML text per character, and SVG tspans). quality.test.ts runs it in its light pass at
 * PHONE (360 x 780), on the same load as axe, and phoneProblems reads its report.
 */
/** The phone the inspection is made at (quality.test.ts's light scheme uses this viewport). */
export const PHONE = { width: 360, height: 780 };

export interface Report {
  zh: boolean;
  docWidth: number;
  outside: string[];
  wideTables: string[];
  narrowCells: string[];
  breaks: string[];
}

/** Runs in the page. */
export function inspect({ opening, closing }: { opening: string; closing: string }): Report {
  const vw = document.documentElement.clientWidth;
  const zh = document.documentElement.lang.startsWith('zh');
  const CJK = /[\u3400-\u9fff]/;
  const out: Report = { zh, docWidth: document.documentElement.scrollWidth, outside: [], wideTables: [], narrowCells: [], breaks: [] };
  const exempt = (el: Element) => el.closest('svg, [data-preview], .visually-hidden, .skip, [hidden], script, style, noscript, .print-only, textarea, pre');
  const scrolls = (el: Element | null): boolean => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  // clipped off-screen boxes (a stacked table's column heads, visually hidden text)
  const clipped = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.position === 'absolute' && cs.clip !== 'auto') return true;
    }
    return false;
  };
  const blockOf = (el: Element): Element => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const d = getComputedStyle(e).display;
      if (!d.startsWith('inline') && d !== 'contents') return e;
    }
    return document.body;
  };
  const where = (el: Element, text: string) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}> “${text.trim().slice(0, 40)}”`;

  // text: inside its block and the viewport; Chinese line breaks
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let prev: { ch: string; top: number; block: Element } | null = null;
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    const el = n.parentElement!;
    if (!text.trim() || exempt(el) || clipped(el)) continue;
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const block = blockOf(el);
    if (!scrolls(el)) {
      const b = block.getBoundingClientRect();
      for (const r of rects) {
        if (r.left < -1 || r.right > vw + 1) out.outside.push(`off screen: ${where(el, text)} (${Math.round(r.left)}..${Math.round(r.right)})`);
        else if (r.left < b.left - 1 || r.right > b.right + 1) out.outside.push(`out of its block: ${where(el, text)}`);
      }
    }
    if (!zh) continue;
    // per character: the line each one sits on
    const chars = [...text];
    let off = 0;
    for (const ch of chars) {
      range.setStart(n, off);
      range.setEnd(n, off + ch.length);
      off += ch.length;
      if (/\s/.test(ch)) continue;
      const r = [...range.getClientRects()].find((x) => x.width > 0);
      if (!r) continue;
      if (prev && prev.block === block && r.top > prev.top + 4) {
        const a = prev.ch;
        const bad = /[0-9]/.test(a) && (/[0-9%％]/.test(ch) || CJK.test(ch)) ? 'number and unit' : opening.includes(a) ? 'line ends on an opening mark' : closing.includes(ch) ? 'line starts with a closing mark' : '';
        if (bad) out.breaks.push(`${bad}: “${a}” | “${ch}” in ${where(el, text)}`);
      }
      prev = { ch, top: r.top, block };
    }
  }

  // tables
  for (const t of document.querySelectorAll('table')) {
    if (exempt(t) || t.closest('[data-preview]') || t.matches('[data-preview]')) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.right > vw + 1 || r.left < -1) out.wideTables.push(`${where(t, t.querySelector('caption')?.textContent ?? '')} ${Math.round(r.width)} px`);
    for (const c of t.querySelectorAll<HTMLElement>('td, th')) {
      const cr = c.getBoundingClientRect();
      if (cr.width === 0 || !CJK.test(c.textContent ?? '') || exempt(c) || clipped(c)) continue;
      const fs = parseFloat(getComputedStyle(c).fontSize);
      const cs = getComputedStyle(c);
      const inner = cr.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (inner < 3 * fs - 0.5) out.narrowCells.push(`${where(c, c.textContent ?? '')} ${Math.round(inner)} px`);
      // a stacked card's cell: its label beside its content, and all of its content in that one column
      // (not some of its nodes under the label: 截至 / 2022年 / 6月 as separate grid items)
      if (c.matches('td[data-label]') && getComputedStyle(c, '::before').content !== 'none') {
        const cells = document.createRange();
        cells.selectNodeContents(c);
        const lefts = [...cells.getClientRects()].filter((x) => x.width > 0).map((x) => x.left);
        if (lefts.length && Math.min(...lefts) < cr.left + parseFloat(cs.paddingLeft) + 2 * fs)
          out.outside.push(`stacked cell's content under its label: ${where(c, c.textContent ?? '')}`);
      }
    }
  }

  // SVG text lines
  if (zh) {
    for (const t of document.querySelectorAll('svg text')) {
      if (t.closest('[hidden]')) continue;
      const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '').filter((s) => s.length);
      for (let i = 1; i < lines.length; i++) {
        const a = lines[i - 1]!.trimEnd().slice(-1);
        const b = lines[i]!.trimStart()[0] ?? '';
        const bad = /[0-9]/.test(a) && (/[0-9%％]/.test(b) || CJK.test(b)) ? 'number and unit' : opening.includes(a) ? 'line ends on an opening mark' : closing.includes(b) ? 'line starts with a closing mark' : '';
        if (bad) out.breaks.push(`svg ${bad}: “${lines[i - 1]}” | “${lines[i]}”`);
      }
    }
  }
  return out;
}

/** The problems of one page's report, each prefixed with its path ("/en/about"). */
export function phoneProblems(p: string, r: Report): string[] {
  const problems: string[] = [];
  const at = `/${p}`;
  if (r.docWidth > PHONE.width + 1) problems.push(`${at}: document ${r.docWidth} px wide`);
  for (const m of [...r.outside, ...r.wideTables.map((x) => `table wider than the screen: ${x}`), ...r.narrowCells.map((x) => `Chinese cell under 3 characters: ${x}`), ...r.breaks])
    problems.push(`${at}: ${m}`);
  return problems;
}
