// @ts-check
/**
 * The one place that knows where the site lives and whom readers tell about
 * an error. astro.config.mjs, the build script and every page read it from
 * here; nothing else names a host.
 *
 * Set per deploy, as environment variables of `npm run build`:
 *   SITE_URL       absolute origin the site is served from, e.g. https://example.org
 *   BASE_PATH      path it is served under, starting and ending with "/", e.g. /cixi/
 *   ERROR_CONTACT  where readers report an error: an e-mail address
 *                  (corrections@example.org or mailto:…) or a URL (https://…/issues)
 *
 * Without SITE_URL the build uses DEFAULT_SITE_URL (the local preview server),
 * says so, and the pages put in the address they are actually served from at
 * run time (embed code, citations), keeping the build's value as the fallback.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';
/** A placeholder on a reserved domain (RFC 2606): set ERROR_CONTACT for a real deploy; the build warns while it is this. */
export const DEFAULT_ERROR_CONTACT = 'corrections@example.org';

const env = typeof process === 'undefined' ? {} : process.env;

export const siteUrl = (env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
export const basePath = env.BASE_PATH || '/';
/** True when no SITE_URL was given: absolute URLs are then only the build's guess. */
export const siteUrlIsDefault = !env.SITE_URL;
export const errorContact = env.ERROR_CONTACT || DEFAULT_ERROR_CONTACT;
