// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import locale404 from './src/integrations/locale-404.mjs';

/**
 * Where the site is deployed. Override per host:
 *   SITE_URL=https://example.org BASE_PATH=/cixi/ npm run build
 * BASE_PATH must start and end with "/".
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  i18n: {
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [sitemap({ filter: (page) => !/\/404(\.html)?\/?$/.test(page), i18n: { defaultLocale: 'zh-CN', locales: { 'zh-CN': 'zh-CN', en: 'en' } } }), locale404()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
