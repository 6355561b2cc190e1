/**
 * Copy buttons (enhancement): a <button data-copy-for="ID" hidden> beside a
 * textarea is shown once this runs and copies the textarea's text; the result
 * is announced in the [data-copy-status] element next to it.
 */
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-copy-for]')) {
  b.hidden = false;
  b.addEventListener('click', async () => {
    const area = document.getElementById(b.dataset.copyFor ?? '') as HTMLTextAreaElement | null;
    const status = b.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
    if (!area) return;
    let ok = false;
    try {
      await navigator.clipboard.writeText(area.value);
      ok = true;
    } catch {
      area.focus();
      area.select();
      ok = document.execCommand?.('copy') ?? false;
    }
    if (status) status.textContent = (ok ? b.dataset.done : b.dataset.failed) ?? '';
  });
}
