import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Build the site (unless SKIP_BUILD=1 and dist/ exists), serve it on a free loopback port. */
export default async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== '1') {
    const r = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('the site did not build; see the output above');
  }
  const server = await serve('dist', { port: 0 });
  const { port } = server.address() as { port: number };
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
