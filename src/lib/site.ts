/**
 * Where the site lives, from site.config.mjs (the one place): its origin and
 * base, absolute URLs of its pages, and the error-report contact.
 */
import { basePath, errorContact, siteUrl, siteUrlIsDefault } from '../../site.config.mjs';
import { joinBase } from './paths';

export const SITE = {
  /** Absolute origin (maybe with a path), no trailing slash: https://example.org */
  url: siteUrl,
  /** BASE_PATH as configured: /cixi/ */
  base: basePath,
  /** No SITE_URL was given: pages fill in the address they are served from at run time. */
  isDefault: siteUrlIsDefault,
  contact: errorContact,
} as const;

/** The site's root URL with its base: https://example.org/cixi/ */
export const siteRoot = (site: string = SITE.url, base: string = SITE.base): string => new URL(joinBase(base, ''), site + '/').href;

/** The error contact as a link: an e-mail address becomes mailto: (shown without it); a URL stays itself. */
export function contactLink(contact: string = SITE.contact): { href: string; text: string; kind: 'email' | 'url' } {
  const c = contact.trim();
  if (/^mailto:/i.test(c)) return { href: c, text: c.replace(/^mailto:/i, '').split('?')[0]!, kind: 'email' };
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(c)) return { href: `mailto:${c}`, text: c, kind: 'email' };
  if (/^https?:\/\//i.test(c)) return { href: c, text: c.replace(/^https?:\/\//i, '').replace(/\/$/, ''), kind: 'url' };
  throw new Error(`ERROR_CONTACT must be an e-mail address or an http(s) URL, not "${contact}" (site.config.mjs)`);
}

export { servedUrl } from './served-url';
