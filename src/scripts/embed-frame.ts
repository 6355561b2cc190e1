/**
 * Inside an embed page: apply the URL options (theme, title) and post the
 * content's height to the host page on load, on every size change and when
 * the host script asks (ping). The host's public/embed.js sets the iframe's height.
 */
import { EMBED_MESSAGE } from '../lib/embed-protocol';

const root = document.documentElement;
const q = new URLSearchParams(location.search);
const theme = q.get('theme');
if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
if (q.get('title') === '0') root.dataset.title = '0';

const box = document.querySelector<HTMLElement>('[data-embed-id]');
if (box && window.parent !== window) {
  const id = box.dataset.embedId;
  let last = -1;
  const post = (force = false) => {
    const height = Math.ceil(box.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    window.parent.postMessage({ type: EMBED_MESSAGE.height, id, height }, '*');
  };
  new ResizeObserver(() => post()).observe(box);
  window.addEventListener('load', () => post(true));
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data.type === EMBED_MESSAGE.ping) post(true);
  });
}
