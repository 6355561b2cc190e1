import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, openPage } from './browser';
import { getDataset, type Locale } from '../../src/lib/data';
import { endOf } from '../../src/lib/data/dates';
import { anchors, pagePath, routes } from '../../src/lib/paths';
import { formatValue } from '../../src/lib/format/figure';
import { formatDate } from '../../src/lib/format/date';
import { formatNumber } from '../../src/lib/format/number';
import { nothingRecordedYet, summarise } from '../../src/lib/tracker';
import { useT } from '../../src/i18n';

const base = inject('baseUrl');
const { replies } = getDataset();
const today = new Date().toISOString().slice(0, 10);
let browser: Browser;
let context: BrowserContext;
let noJs: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  noJs = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
});

/** Pages in a PDF: /Type /Page objects, not /Type /Pages. */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const url = (locale: Locale, route: string) => new URL(pagePath('/', locale, route).slice(1), base).href;

describe.each(replies.flatMap((r) => (['zh-CN', 'en'] as Locale[]).map((l) => [l, r] as const)))('tracker (%s)', (locale, reply) => {
  const t = useT(locale);
  const trackerUrl = url(locale, routes.commitments(reply.id));
  const briefUrl = url(locale, routes.brief(reply.id));

  it('loads with no console errors and no external requests, and lists every commitment with its verbatim quote', async () => {
    const { page, errors, external } = await openPage(context, trackerUrl);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    const ids = await page.$$eval('[data-tracker-cards] > li[data-commitment]', (trs) => trs.map((tr) => tr.getAttribute('data-commitment')));
    expect(ids).toEqual(reply.commitments.map((c) => c.id));
    for (const c of reply.commitments) {
      const a = page.locator(`a[data-quote-link="${c.id}"]`);
      expect((await a.textContent())?.trim()).toBe(c.quote);
      expect(new URL((await a.getAttribute('href'))!, trackerUrl).hash).toBe('#' + anchors.commitment(c.id));
    }
    const s = summarise(reply, today);
    expect(Number(await page.getAttribute('[data-count-total]', 'data-count-total'))).toBe(s.total);
    expect(Number(await page.getAttribute('[data-count-neither]', 'data-count-neither'))).toBe(s.byMeasurable.neither);
    for (const m of Object.keys(s.byMeasurable) as (keyof typeof s.byMeasurable)[]) {
      expect(Number(await page.getAttribute(`[data-chart=measurable] [data-bar="${m}"]`, 'data-value'))).toBe(s.byMeasurable[m]);
    }
    for (const k of Object.keys(s.byOwner) as (keyof typeof s.byOwner)[]) {
      expect(Number(await page.getAttribute(`[data-chart=owner] [data-bar="${k}"]`, 'data-value'))).toBe(s.byOwner[k]);
    }
    const notice = page.locator('[data-nothing-recorded]');
    expect(await notice.count()).toBe(nothingRecordedYet(reply) ? 1 : 0);
    if (nothingRecordedYet(reply)) expect(await notice.textContent()).toBe(t('tracker.none-yet', { date: formatDate(reply.meta.date, locale) }));
    // What a reader sees in the summary: the counts, in words.
    expect(await page.textContent('[data-count-total]')).toBe(t('tracker.summary.total', { n: formatNumber(s.total, locale) }));
    expect(await page.textContent('[data-count-number]')).toBe(t('tracker.summary.number', { n: formatNumber(s.withNumber, locale) }));
    // No inline styles anywhere (a strict CSP forbids them).
    expect(await page.locator('[style]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('every quote link lands on an anchor of the source page holding that quote', async () => {
    const { page, errors } = await openPage(context, url(locale, routes.source(reply.id)));
    for (const c of reply.commitments) {
      const anchor = page.locator(`#${anchors.commitment(c.id)}`);
      expect(await anchor.count(), c.id).toBe(1);
      // the quote as published: without the small links to charts that the source page adds after a figure
      const text = await anchor.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const ref of copy.querySelectorAll('.chart-ref')) ref.remove();
        return copy.textContent;
      });
      expect(text, c.id).toBe(c.quote);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the whole table without JavaScript, and hides the controls that need it', async () => {
    const { page, errors } = await openPage(noJs, trackerUrl);
    expect(await page.locator('[data-tracker-cards] > li[data-commitment]').count()).toBe(reply.commitments.length);
    expect(await page.locator('[data-tracker-cards] > li[data-commitment]:visible').count()).toBe(reply.commitments.length);
    expect(await page.locator('[data-tracker-controls]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters and sorts with JavaScript', async () => {
    const { page, errors } = await openPage(context, trackerUrl);
    const form = page.locator('[data-tracker-controls]');
    expect(await form.isVisible()).toBe(true);
    const visible = () => page.$$eval('[data-tracker-cards] > li[data-commitment]', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => tr.getAttribute('data-commitment')));

    for (const m of ['both', 'neither'] as const) {
      await form.locator('select[name=measurable]').selectOption(m);
      const want = reply.commitments.filter((c) => c.measurable === m).map((c) => c.id);
      expect(await visible()).toEqual(want);
      expect(await page.textContent('[data-tracker-count]')).toBe(t('tracker.filter.count', { n: want.length, total: reply.commitments.length }));
    }
    await form.locator('select[name=measurable]').selectOption('');
    const section = String(reply.commitments.at(-1)!.section);
    await form.locator('select[name=section]').selectOption(section);
    expect(await visible()).toEqual(reply.commitments.filter((c) => String(c.section) === section).map((c) => c.id));
    await form.locator('select[name=section]').selectOption('');
    const status = reply.commitments[0]!.current.status;
    await form.locator('select[name=status]').selectOption(status);
    expect(await visible()).toEqual(reply.commitments.filter((c) => c.current.status === status).map((c) => c.id));
    await form.locator('select[name=status]').selectOption('');

    await form.locator('select[name=sort]').selectOption('deadline');
    const dated = reply.commitments.filter((c) => c.deadline).sort((a, b) => endOf(a.deadline).localeCompare(endOf(b.deadline)));
    expect((await visible()).slice(0, dated.length)).toEqual(dated.map((c) => c.id));
    await form.locator('select[name=sort]').selectOption('order');
    expect(await visible()).toEqual(reply.commitments.map((c) => c.id));
    expect(errors).toEqual([]);
    await page.close();
  });

  // axe on the tracker and the brief, light and dark: tests/e2e/quality.test.ts.

  it('brief: loads cleanly, has every commitment and the key figures with their qualifiers, prints on at most two A4 pages', async () => {
    const { page, errors, external } = await openPage(context, briefUrl);
    expect(await page.$$eval('[data-brief-table] tr[data-commitment]', (trs) => trs.map((tr) => tr.getAttribute('data-commitment')))).toEqual(
      reply.commitments.map((c) => c.id),
    );
    expect(await page.locator('ol.answers > li').count()).toBe(reply.meta.sections.length);
    for (const f of reply.figures.filter((x) => x.measure !== 'threshold')) {
      const text = await page.textContent(`[data-brief-figures] [data-figure="${f.id}"]`);
      expect(text, f.id).toContain(formatValue(f, locale));
    }
    expect(await page.locator('button[data-print]').isVisible()).toBe(true);
    expect(await page.locator('[style]').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPages(pdf);
    // one A4 page in Chinese, at most two in English; and the page claims no count it cannot keep
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(locale === 'zh-CN' ? 1 : 2);
    expect(await page.textContent('body')).not.toMatch(locale === 'zh-CN' ? /一页/ : /one page|one-page|two pages/i);
    // printed at 10 pt or more
    await page.emulateMedia({ media: 'print' });
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      for (const el of document.querySelectorAll<HTMLElement>('.brief *')) {
        if (el.closest('.no-print, .visually-hidden') || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
        if (el.getClientRects().length === 0) continue;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * 0.75);
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(9.99);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('brief: every promise shows its status, the status date and a short evidence line', async () => {
    const { page } = await openPage(noJs, briefUrl);
    for (const c of reply.commitments) {
      const row = page.locator(`[data-brief-table] tr[data-commitment="${c.id}"]`);
      expect((await row.locator('[data-status-label]').textContent())?.trim()).toBe(t(`tracker.status.${c.current.status}`));
      expect(await row.locator('[data-status-date]').getAttribute('data-status-date')).toBe(c.current.date);
      expect((await row.locator('[data-status-date]').textContent())?.trim()).toBe(formatDate(c.current.date, locale));
      const ev = (await row.locator('[data-evidence]').textContent())?.trim();
      if (c.current.evidence === '') expect(ev, c.id).toBe(t('brief.no-evidence'));
      else expect(ev, c.id).toContain(t('brief.evidence').trim());
    }
    // only promises are listed; the rest are counted apart
    expect(await page.locator('[data-brief-table] tr[data-commitment]').count()).toBe(reply.commitments.length);
    for (const c of reply.statements) expect(await page.locator(`[data-brief-table] tr[data-commitment="${c.id}"]`).count()).toBe(0);
    await page.close();
  });

  it('counts only promises, every count from the one summary, as of the build date', async () => {
    const { page } = await openPage(noJs, trackerUrl);
    const s = summarise(reply, today);
    const glance = async (k: string) => Number(await page.getAttribute(`[data-glance-item="${k}"]`, 'data-value'));
    expect(await glance('promises')).toBe(reply.commitments.length);
    expect(await glance('measurable')).toBe(reply.commitments.filter((c) => c.measurable !== 'neither').length);
    expect(await glance('due')).toBe(reply.commitments.filter((c) => c.deadline && endOf(c.deadline) <= today).length);
    expect(await glance('evidence')).toBe(reply.commitments.filter((c) => c.current.evidence !== '').length);
    // the bullets and the bars say the same thing: "N state a deadline" = deadline-only + both bars
    const bar = async (m: string) => Number(await page.getAttribute(`[data-chart=measurable] [data-bar="${m}"]`, 'data-value'));
    expect(Number(await page.getAttribute('[data-count-deadline]', 'data-count-deadline'))).toBe((await bar('deadline')) + (await bar('both')));
    expect(Number(await page.getAttribute('[data-count-number]', 'data-count-number'))).toBe((await bar('number')) + (await bar('both')));
    expect((await bar('number')) + (await bar('deadline')) + (await bar('both')) + (await bar('neither'))).toBe(s.total);
    // the date it was computed
    expect(await page.textContent('[data-asof]')).toContain(formatDate(today, locale));
    // the other kinds are shown apart, labelled, never among the promise cards
    for (const c of reply.statements) {
      expect(await page.locator(`[data-tracker-cards] [data-commitment="${c.id}"]`).count(), c.id).toBe(0);
      const card = page.locator(`[data-others] [data-commitment="${c.id}"]`);
      expect(await card.count(), c.id).toBe(1);
      expect(await card.textContent()).toContain(t(`tracker.kind.${c.kind}`));
    }
    // latest updates, newest first
    const dates = await page.$$eval('[data-updates] [data-update]', (li) => li.map((x) => x.getAttribute('data-date')!));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.length).toBe(Math.min(10, s.updates.length));
    if (s.updates.length === 0) expect(await page.locator('[data-no-updates]').count()).toBe(1);
    await page.close();
  });

  it('on a 360 px phone: each promise is a card with owner, deadline and status; nothing scrolls sideways; no cell narrower than 3 characters', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const { page, errors } = await openPage(phone, trackerUrl);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.tagName + '.' + e.className));
    expect(wide).toEqual([]);
    for (const c of reply.commitments) {
      const card = page.locator(`[data-tracker-cards] > li[data-commitment="${c.id}"]`);
      for (const f of ['owner', 'deadline', 'status']) {
        const dd = card.locator(`[data-field="${f}"] dd`);
        expect(await dd.isVisible(), `${c.id} ${f}`).toBe(true);
        expect((await dd.textContent())?.trim().length, `${c.id} ${f}`).toBeGreaterThan(0);
      }
      expect((await card.locator('a[data-quote-link]').textContent())?.trim()).toBe(c.quote);
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    const narrow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main dt, main dd, main td, main th')]
        .filter((e) => e.getClientRects().length > 0 && e.textContent!.trim() !== '')
        .filter((e) => e.getBoundingClientRect().width < 3 * parseFloat(getComputedStyle(e).fontSize) - 0.5)
        .map((e) => `${e.tagName} "${e.textContent!.trim().slice(0, 20)}" ${Math.round(e.getBoundingClientRect().width)}px`),
    );
    expect(narrow).toEqual([]);
    expect(errors).toEqual([]);
    await phone.close();
  });

  it('brief without JavaScript: no print button (it only enhances), content complete', async () => {
    const { page } = await openPage(noJs, briefUrl);
    expect(await page.locator('button[data-print]').isVisible()).toBe(false);
    expect(await page.locator('[data-brief-table] tr[data-commitment]').count()).toBe(reply.commitments.length);
    await page.close();
  });
});
