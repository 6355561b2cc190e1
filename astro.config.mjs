// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import locale404 from './src/integrations/locale-404.mjs';
import palette from './src/integrations/palette.mjs';
import cspPerPage from './src/integrations/csp-per-page.mjs';
import os from 'node:os';
import { basePath, siteUrl } from './site.config.mjs';

/** Where the site is deployed: site.config.mjs (SITE_URL, BASE_PATH). */
const site = siteUrl;
const base = basePath;

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  /**
   * concurrency: pages rendered at once. A chart page awaits its PNG (rendered by sharp on
   * libuv's threads); one page at a time left the main thread idle half the build. With
   * two per core the pages and the PNGs keep every core busy: 10 synthetic replies
   * 25.8 -> 18.2 s on two cores, the output byte-identical. BUILD_CONCURRENCY to tune.
   */
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: Number(process.env.BUILD_CONCURRENCY) || 2 * os.availableParallelism() },
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  i18n: {
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [sitemap({ filter: (page) => !/\/404(\.html)?\/?$/.test(page), i18n: { defaultLocale: 'zh-CN', locales: { 'zh-CN': 'zh-CN', en: 'en' } } }), locale404(), palette(), cspPerPage()],
  devToolbar: { enabled: false },
  /**
   * Content-Security-Policy as a <meta> tag on every page: Astro hashes its own
   * scripts and styles (sha256), so neither script-src nor style-src needs
   * 'unsafe-inline'. Nothing comes from another origin. Components must not
   * emit inline <style> or style="" attributes (Plot's are stripped at build);
   * tests/e2e/quality.test.ts loads every page and fails on any violation.
   * Each page lists only its own inline scripts' hashes (src/integrations/csp-per-page.mjs).
   */
  experimental: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  server: { host: '127.0.0.1' },
});
