/** Pure and dependency-free, so the page scripts can import it without the site config. */
/**
 * In the browser: a URL the build wrote, moved to the address the page is
 * actually served from, when the build had no SITE_URL (`buildRoot` is then
 * given, e.g. from a data-site-root attribute). Otherwise the URL as built.
 */
export function servedUrl(url: string, buildRoot: string | undefined, loc: { origin: string } = globalThis.location): string {
  if (!buildRoot || !loc || !url.startsWith(buildRoot)) return url;
  return loc.origin + new URL(buildRoot).pathname + url.slice(buildRoot.length);
}
