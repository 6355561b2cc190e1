// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Static hosts (and scripts/serve.mjs) look for <locale>/404.html; with
 * build.format 'directory' Astro writes src/pages/en/404.astro to
 * en/404/index.html. After the build, move it where hosts look.
 * @param {{ locales?: string[] }} [opts]
 * @returns {import('astro').AstroIntegration}
 */
export default function locale404({ locales = ['en'] } = {}) {
  return {
    name: 'locale-404',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const l of locales) {
          const from = path.join(out, l, '404', 'index.html');
          if (!fs.existsSync(from)) continue;
          fs.renameSync(from, path.join(out, l, '404.html'));
          fs.rmSync(path.join(out, l, '404'), { recursive: true, force: true });
        }
      },
    },
  };
}
