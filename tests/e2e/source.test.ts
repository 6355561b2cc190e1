/**
 * The source page as a reader sees it:
 *  - the English column highlights the same figures and commitments as the Chinese one, paragraph by paragraph;
 *  - every highlight, in either column, links back to where the site shows it (a chart, the figure's row
 *    in the table of figures, the commitment's card in the tracker), and the link lands on an element that exists;
 *  - the links from the table of figures and from the tracker land on the highlighted sentence;
 *  - the key says what the page draws (shaded statistics, underlined commitments: never "a box");
 *  - a link's icon stays on the line of the words before it and of the punctuation after it, at 360 and 1280 px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { getDataset, type Locale } from '../../src/lib/data';
import { pagePath, routes } from '../../src/lib/paths';
import { CLOSING } from '../../src/lib/linebreak';
import { useT } from '../../src/i18n';

const base = inject('baseUrl');
const { replies } = getDataset();
const url = (locale: Locale, route: string) => new URL(pagePath('/', locale, route).slice(1), base).href;
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Per paragraph and column: the ids of the highlighted figures and commitments, and highlights without a link back. */
const highlights = (page: Page) =>
  page.$$eval('.source .para[id]', (paras) =>
    paras.map((p) => {
      const col = (sel: string) => {
        const el = p.querySelector(sel);
        if (!el) return null;
        const figs = [...el.querySelectorAll('mark.fig')].map((m) => m.getAttribute('data-figure')!);
        const coms = [...el.querySelectorAll('.commit')].map((m) => m.getAttribute('data-commitment')!);
        const unlinked: string[] = [];
        const links: string[] = [];
        for (const m of el.querySelectorAll('mark.fig, .commit')) {
          const id = m.getAttribute('data-figure') ?? m.getAttribute('data-commitment');
          const attr = m.matches('mark.fig') ? 'data-chart-ref' : 'data-commitment-ref';
          const back: HTMLAnchorElement[] = [];
          // the links right after it (the last may sit in a no-break span with the punctuation after it)
          for (let n = m.nextElementSibling; n; n = n.nextElementSibling) {
            const a = n.matches('span.nb') ? n.firstElementChild : n;
            if (!a?.matches(`a[${attr}="${id}"]`)) break;
            back.push(a as HTMLAnchorElement);
            if (a !== n) break;
          }
          if (!back.length) unlinked.push(`${id} in ${sel}`);
          links.push(...back.map((a) => a.href));
        }
        return { figs, coms, unlinked, links };
      };
      return { id: p.id, zh: col('p.zh'), en: col('p.en') };
    }),
  );

describe.each(replies.flatMap((r) => (['zh-CN', 'en'] as Locale[]).map((l) => [l, r] as const)))('source page (%s)', (locale, reply) => {
  const t = useT(locale);

  it('highlights the same figures and commitments in both columns, each with a link back that lands', async () => {
    const ctx = await browser.newContext();
    const { page, errors } = await openPage(ctx, url(locale, routes.source(reply.id)));
    const paras = await highlights(page);
    expect(paras.length).toBe(reply.paragraphs.length);
    const all = { figs: [] as string[], coms: [] as string[] };
    const links = new Set<string>();
    for (const p of paras) {
      expect(p.zh, p.id).not.toBeNull();
      if (locale === 'en') {
        expect(p.en, p.id).not.toBeNull();
        // the same number of highlighted items in each column, and the same ones
        expect(p.en!.figs.length, `${p.id}: statistics`).toBe(p.zh!.figs.length);
        expect(p.en!.coms.length, `${p.id}: commitments`).toBe(p.zh!.coms.length);
        expect([...p.en!.figs].sort(), p.id).toEqual([...p.zh!.figs].sort());
        expect([...p.en!.coms].sort(), p.id).toEqual([...p.zh!.coms].sort());
        expect(p.en!.unlinked, p.id).toEqual([]);
        p.en!.links.forEach((l) => links.add(l));
      } else expect(p.en, p.id).toBeNull();
      expect(p.zh!.unlinked, p.id).toEqual([]);
      p.zh!.links.forEach((l) => links.add(l));
      all.figs.push(...p.zh!.figs);
      all.coms.push(...p.zh!.coms);
    }
    expect(all.figs.sort()).toEqual(reply.figures.map((f) => f.id).sort());
    expect(all.coms.sort()).toEqual([...reply.commitments, ...reply.statements].map((c) => c.id).sort());
    // every link back lands on an element that exists
    const byPage = new Map<string, Set<string>>();
    for (const l of links) {
      const [u, frag = ''] = l.split('#');
      if (!byPage.has(u!)) byPage.set(u!, new Set());
      if (frag) byPage.get(u!)!.add(frag);
    }
    for (const [u, frags] of byPage) {
      const target = await openPage(ctx, u);
      const ids = new Set(await target.page.$$eval('[id]', (els) => els.map((e) => e.id)));
      for (const f of frags) expect(ids, `${u}#${f}`).toContain(f);
      expect(target.errors, u).toEqual([]);
      await target.page.close();
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('links from the table of figures and from the tracker land on the highlighted sentence', async () => {
    const ctx = await browser.newContext();
    const { page } = await openPage(ctx, url(locale, routes.source(reply.id)));
    for (const [from, sel, cls] of [
      [routes.data(reply.id), 'a[data-figure-link]', 'fig'],
      [routes.commitments(reply.id), 'a[data-quote-link]', 'commit'],
    ] as const) {
      const other = await openPage(ctx, url(locale, from));
      const hrefs = await other.page.$$eval(sel, (as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
      await other.page.close();
      expect(hrefs.length).toBeGreaterThan(0);
      for (const h of hrefs) expect(await page.getAttribute(`#${h}`, 'class'), h).toMatch(new RegExp(`\\b${cls}\\b`));
    }
    await ctx.close();
  });

  it('the key says what is drawn: statistics shaded, commitments underlined', async () => {
    const ctx = await browser.newContext();
    const { page } = await openPage(ctx, url(locale, routes.source(reply.id)));
    const legend = (await page.textContent('[data-legend]')) ?? '';
    expect(legend).toContain(t('source.style.figure'));
    expect(legend).toContain(t('source.style.commitment'));
    expect(legend).not.toMatch(/\bbox|框/);
    // what each word promises, as drawn, in the key and on every highlight of the text
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const drawn = await page.evaluate(() => {
        const style = (el: Element) => {
          const cs = getComputedStyle(el);
          const borders = ['Top', 'Right', 'Bottom', 'Left'].map((s) => parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) || 0);
          return { shaded: cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent', boxed: borders.some((b) => b > 0) || cs.outlineStyle !== 'none', underlined: cs.textDecorationLine.includes('underline') };
        };
        return {
          key: { fig: style(document.querySelector('[data-key="figure"]')!), com: style(document.querySelector('[data-key="commitment"]')!) },
          text: [...document.querySelectorAll('.source mark.fig')].map(style),
          commits: [...document.querySelectorAll('.source .commit')].map(style),
        };
      });
      for (const s of [drawn.key.fig, ...drawn.text]) expect(s, `${scheme}: a statistic is shaded, not boxed`).toMatchObject({ shaded: true, boxed: false });
      for (const s of [drawn.key.com, ...drawn.commits]) expect(s, `${scheme}: a commitment is underlined`).toMatchObject({ underlined: true, boxed: false });
    }
    await ctx.close();
  });

  it.each([360, 1280])('a link icon stays on the line of the words before it and of the punctuation after it (%i px)', async (width) => {
    const ctx = await browser.newContext({ viewport: { width, height: 800 } });
    const { page } = await openPage(ctx, url(locale, routes.source(reply.id)));
    const bad = await page.evaluate((closing) => {
      const out: string[] = [];
      const visible = (n: Node) => !n.parentElement!.closest('.visually-hidden') && (n.textContent ?? '').replace(/\u2060/g, '').trim() !== '';
      const charRect = (n: Text, last: boolean) => {
        const s = n.textContent!.replace(/\u2060+$/, '');
        const i = last ? s.length - 1 : n.textContent!.search(/[^\u2060\s]/);
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return { ch: n.textContent![i]!, rect: r.getBoundingClientRect() };
      };
      for (const a of document.querySelectorAll<HTMLAnchorElement>('.source a.chart-ref')) {
        const icon = a.querySelector('[aria-hidden="true"]')!.getBoundingClientRect();
        const lh = parseFloat(getComputedStyle(a.closest('p')!).lineHeight) || 24;
        const walker = document.createTreeWalker(a.closest('p')!, NodeFilter.SHOW_TEXT);
        let before: Text | null = null;
        let after: Text | null = null;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (a.contains(n) || !visible(n)) continue;
          if (a.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING) before = n as Text;
          else if (!after && !n.parentElement!.closest('a.chart-ref')) after = n as Text;
        }
        const where = `${a.getAttribute('data-chart-ref') ?? a.getAttribute('data-commitment-ref')}`;
        if (before) {
          const b = charRect(before, true);
          if (Math.abs(b.rect.bottom - icon.bottom) > lh / 2) out.push(`${where}: the icon starts a line after “${b.ch}”`);
        }
        if (after) {
          const c = charRect(after, false);
          if (closing.includes(c.ch) && Math.abs(c.rect.bottom - icon.bottom) > lh / 2) out.push(`${where}: “${c.ch}” starts a line after the icon`);
        }
      }
      return out;
    }, CLOSING);
    expect(bad).toEqual([]);
    await ctx.close();
  });
});

