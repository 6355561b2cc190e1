/**
 * Turn the views of a chart (Figure.astro) into a switch. Without this script
 * every view stays visible.
 */
for (const fig of document.querySelectorAll<HTMLElement>('figure[data-views]')) {
  const sw = fig.querySelector<HTMLElement>('[data-switch]');
  const views = [...fig.querySelectorAll<HTMLElement>('[data-view]')];
  if (!sw || views.length < 2) continue;
  const buttons = [...sw.querySelectorAll<HTMLButtonElement>('button[data-show]')];
  const show = (id: string) => {
    for (const v of views) v.hidden = v.dataset.view !== id;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.show === id));
  };
  sw.hidden = false;
  fig.classList.add('is-switchable');
  show(views[0]!.dataset.view!);
  sw.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-show]');
    if (b) show(b.dataset.show!);
  });
}
