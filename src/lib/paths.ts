import type { Locale } from './data/model';
import { pick } from './format/pick';

/**
 * URLs inside the site, pure: every page is reachable as
 *   <base><locale prefix><route>
 * with base from astro.config (BASE_PATH) and the prefix '' for Chinese, 'en/' for English.
 * Routes are written without a leading slash and with a trailing one.
 */
export const localePrefix = (locale: Locale): string => pick(locale, '', 'en/');

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : base + '/';
  return b + path.replace(/^\/+/, '');
}

export const pagePath = (base: string, locale: Locale, route = ''): string => joinBase(base, localePrefix(locale) + route);

export const routes = {
  home: '',
  about: 'about/',
  glossary: 'glossary/',
  reply: (id: string) => `replies/${id}/`,
  source: (id: string) => `replies/${id}/source/`,
  charts: (id: string) => `replies/${id}/charts/`,
  chart: (id: string, chart: string) => `replies/${id}/charts/${chart}/`,
  embed: (id: string, chart: string) => `embed/${id}/${chart}/`,
  data: (id: string) => `replies/${id}/data/`,
  commitments: (id: string) => `replies/${id}/commitments/`,
  brief: (id: string) => `replies/${id}/brief/`,
} as const;

/** Anchors on the source page. */
export const anchors = {
  figure: (id: string) => `fig-${id}`,
  commitment: (id: string) => `com-${id}`,
  event: (id: string) => `evt-${id}`,
  paragraph: (n: number) => `p${n}`,
  derived: (id: string) => `der-${id}`,
  /** A figure's row in the table of figures (data page). */
  figureRow: (id: string) => `row-${id}`,
  /** A commitment's card in the tracker. */
  card: (id: string) => `c-${id}`,
};

/** The locale a request path belongs to (for the language switch). */
export function routeOf(pathname: string, base: string): { locale: Locale; route: string } {
  const b = base.endsWith('/') ? base : base + '/';
  let rest = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\//, '');
  if (rest === 'en' || rest.startsWith('en/')) {
    rest = rest.slice(3);
    return { locale: 'en', route: rest };
  }
  return { locale: 'zh-CN', route: rest };
}

/** getStaticPaths entries for a [...lang] route: zh-CN at the root, en under /en/. */
export const localeParams = (): { params: { lang: string | undefined }; props: { locale: Locale } }[] => [
  { params: { lang: undefined }, props: { locale: 'zh-CN' } },
  { params: { lang: 'en' }, props: { locale: 'en' } },
];
