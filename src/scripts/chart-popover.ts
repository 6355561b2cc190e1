/**
 * Chart marks for every reader (enhancement over src/lib/charts/interactive.ts):
 * each chart is one tab stop; arrow keys (Home, End) move between its marks,
 * Escape closes; a mouse hover, a tap or the keyboard focus opens one popover
 * with the mark's value, qualifier, period, place, the quoted sentence and a
 * link to it on the source page. The popover sits right after the chart in
 * the DOM, so Tab goes from the mark into its link and on out; focus is never
 * trapped. Position is set through CSSOM (el.style), which the CSP allows.
 * Without this script the marks keep their accessible names, and the values
 * list and data table under each chart say the same.
 */
const FIELDS = ['label', 'value', 'meta', 'quote'] as const;
let pop: HTMLElement;
let parts: Record<(typeof FIELDS)[number], HTMLElement>;
let link: HTMLAnchorElement;
let current: SVGElement | undefined;
let pinned = false;
let timer = 0;

const marksOf = (svg: Element) => [...svg.querySelectorAll<SVGElement>('[data-mark]')].sort((a, b) => +a.dataset.k! - +b.dataset.k!);
const markFor = (el: EventTarget | null): SVGElement | undefined => {
  const part = el instanceof Element ? el.closest<SVGElement>('svg[data-marks] [data-k]') : null;
  return part?.ownerSVGElement?.querySelector<SVGElement>(`[data-mark][data-k="${part.dataset.k}"]`) ?? undefined;
};

function make(svg: SVGElement): HTMLElement {
  const el = document.createElement('div');
  el.className = 'chart-pop';
  el.id = 'chart-pop';
  el.hidden = true;
  el.tabIndex = -1;
  el.setAttribute('role', 'group');
  el.setAttribute('aria-labelledby', 'chart-pop-label');
  el.innerHTML =
    '<p class="chart-pop-label" id="chart-pop-label"></p><p class="chart-pop-value"></p><p class="chart-pop-meta"></p>' +
    '<blockquote class="chart-pop-quote" lang="zh-CN"></blockquote><p><a></a></p><button type="button" class="chart-pop-close">×</button>';
  parts = {} as typeof parts;
  for (const f of FIELDS) parts[f] = el.querySelector(`.chart-pop-${f}`)!;
  link = el.querySelector('a')!;
  const close = el.querySelector('button')!;
  close.setAttribute('aria-label', svg.dataset.popClose ?? '');
  close.onclick = () => hide(true);
  el.onkeydown = (e) => {
    if (e.key === 'Escape') hide(true);
  };
  el.addEventListener('focusout', (e) => leave(e.relatedTarget));
  el.onpointerenter = () => clearTimeout(timer);
  el.onpointerleave = () => {
    if (!pinned) later();
  };
  return el;
}

function show(mark: SVGElement, pin = false): void {
  clearTimeout(timer);
  pinned ||= pin;
  const svg = mark.ownerSVGElement!;
  if (current !== mark) {
    const d = mark.dataset;
    current?.setAttribute('aria-expanded', 'false');
    for (const el of svg.querySelectorAll('.is-on')) el.classList.remove('is-on');
    for (const el of svg.querySelectorAll(`[data-k="${d.k}"]`)) el.classList.add('is-on');
    parts.label.textContent = d.label ?? '';
    parts.value.textContent = d.value ?? '';
    parts.meta.textContent = [d.qualifier, d.period, d.place].filter(Boolean).join(' · ');
    parts.quote.textContent = d.quote ? `“${d.quote}”` : '';
    for (const f of FIELDS) parts[f].hidden = !parts[f].textContent;
    link.textContent = svg.dataset.popOpen ?? '';
    link.href = d.href ?? '';
    link.parentElement!.hidden = !d.href;
    svg.after(pop);
    svg.parentElement!.classList.add('chart-pop-host');
    current = mark;
  }
  mark.setAttribute('aria-expanded', 'true');
  pop.hidden = false;
  const host = svg.parentElement!.getBoundingClientRect();
  const r = mark.getBoundingClientRect();
  const left = Math.min(Math.max(0, r.left - host.left), Math.max(0, host.width - pop.offsetWidth));
  pop.style.left = `${left}px`;
  pop.style.top = `${r.bottom - host.top + 6}px`;
}

function hide(refocus = false): void {
  clearTimeout(timer);
  if (pop.hidden) return;
  pop.hidden = true;
  pinned = false;
  current?.setAttribute('aria-expanded', 'false');
  for (const el of document.querySelectorAll('svg .is-on')) el.classList.remove('is-on');
  if (refocus) current?.focus();
}
/** Mouse gone: close soon, unless the keyboard focus is in the chart or the popover. */
const later = () => {
  clearTimeout(timer);
  const a = document.activeElement;
  if (a && (pop.contains(a) || current?.ownerSVGElement?.contains(a))) return;
  timer = window.setTimeout(() => hide(), 400);
};
/** Focus left a mark or the popover: close unless it went to the other one. */
const leave = (to: EventTarget | null) => {
  if (to instanceof Node && (pop.contains(to) || (current && markFor(to)?.ownerSVGElement === current.ownerSVGElement))) return;
  hide();
};

const svgs = document.querySelectorAll<SVGElement>('svg[data-marks]');
if (svgs[0]) svgs[0].after((pop = make(svgs[0])));
for (const svg of svgs) {
  const marks = marksOf(svg);
  marks.forEach((m, i) => {
    m.setAttribute('role', 'button');
    m.setAttribute('tabindex', i === 0 ? '0' : '-1');
    m.setAttribute('aria-expanded', 'false');
    m.setAttribute('aria-controls', 'chart-pop');
  });
  svg.addEventListener('focusin', (e) => {
    const m = markFor(e.target);
    if (!m) return;
    for (const o of marks) o.setAttribute('tabindex', o === m ? '0' : '-1');
    show(m);
  });
  svg.addEventListener('focusout', (e) => leave(e.relatedTarget));
  svg.addEventListener('keydown', (e) => {
    const m = markFor(e.target);
    if (!m) return;
    const i = marks.indexOf(m);
    const step: Record<string, number> = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: marks.length - 1 };
    if (e.key in step) {
      e.preventDefault();
      marks[(step[e.key]! + marks.length) % marks.length]!.focus();
    } else if (e.key === 'Escape') hide();
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      show(m, true);
    }
  });
  svg.addEventListener('pointerover', (e) => {
    const m = e.pointerType === 'mouse' ? markFor(e.target) : undefined;
    if (m) show(m);
    else if (e.pointerType === 'mouse' && !pinned) later();
  });
  svg.addEventListener('pointerleave', () => pinned || later());
  svg.addEventListener('click', (e) => {
    const m = markFor(e.target);
    if (!m) return;
    if (pinned && current === m && !pop.hidden) hide();
    else show(m, true);
  });
}
document.addEventListener('click', (e) => {
  if (pop && !pop.hidden && !pop.contains(e.target as Node) && !markFor(e.target)) hide();
});
