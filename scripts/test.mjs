#!/usr/bin/env node
/**
 * npm test: every check, independent ones at the same time, with the time
 * each stage took.
 *
 *   build       the site ONCE, under BASE_PATH=/cixi/ with no SITE_URL (a default build: the e2e, html
 *               and bench stages reuse it; embed code and citations follow the served address)
 *   types       astro check
 *   unit        vitest --project unit
 *   e2e         vitest --project e2e against the build (one Chromium for every file)
 *   html        vitest --project html: the W3C checker over every page (no browser)
 *   bench       npm run bench -- --quick --check: page weights of that build, and build
 *               cost per page at 1 reply (that build) vs 5 synthetic replies
 *
 * At most TEST_JOBS (default: the core count) stages run at once, in the order above
 * as their inputs are ready. A stage's output is printed in one piece when it ends
 * (vitest's own summary lines included). Then: a table of stage times, a check that
 * each vitest project ran at least the number of tests in tests/test-counts.json,
 * and one PASS / FAIL line. Exits 1 if anything failed.
 *
 *   node scripts/test.mjs [stage ...]   only those stages (e.g. `unit e2e`; e2e and html
 *                                       then reuse dist/ if build is not among them)
 *   --update-counts                     write the counts this run reached as the new floor
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = process.cwd();
const OUT = path.join(ROOT, 'bench', 'out');
const COUNTS = path.join(ROOT, 'tests', 'test-counts.json');
const BUILD_STATS = path.join(OUT, 'suite-build.json');
const args = process.argv.slice(2);
const UPDATE_COUNTS = args.includes('--update-counts');
const only = args.filter((a) => !a.startsWith('--'));
const JOBS = Math.max(1, Number(process.env.TEST_JOBS) || os.availableParallelism());
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const report = (project) => path.join(OUT, `vitest-${project}.json`);
const vitest = (project) => [bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report(project)}`]];

/**
 * `nice`: off the critical path (the build, then e2e, is): run at a lower CPU priority (NICE, default 10,
 * added to the caller's) so that they take the cores the browser tests leave idle rather than slowing them.
 * @type {{ name: string, what: string, cmd: string, args: string[], env?: Record<string,string>, after?: string[], project?: string, nice?: boolean }[]}
 */
const STAGES = [
  { name: 'build', what: 'npm run build under BASE_PATH=/cixi/', cmd: 'node', args: ['scripts/build.mjs'], env: { BASE_PATH: '/cixi/', SITE_URL: '', BUILD_STATS } },
  { name: 'e2e', what: 'browser tests (one Chromium)', cmd: vitest('e2e')[0], args: vitest('e2e')[1], env: { SKIP_BUILD: '1' }, after: ['build'], project: 'e2e' },
  { name: 'types', what: 'astro check', cmd: bin('astro'), args: ['check'], nice: true },
  { name: 'unit', what: 'unit tests', cmd: vitest('unit')[0], args: vitest('unit')[1], project: 'unit', nice: true },
  { name: 'html', what: 'W3C checker on every page', cmd: vitest('html')[0], args: vitest('html')[1], after: ['build'], project: 'html', nice: true },
  { name: 'bench', what: 'page weights and build cost at 1 vs 5 replies', cmd: 'node', args: ['scripts/bench.mjs', '--quick', '--check', '--one', BUILD_STATS], after: ['build'], nice: true },
];

const stages = only.length ? STAGES.filter((s) => only.includes(s.name)) : STAGES;
const unknown = only.filter((n) => !STAGES.some((s) => s.name === n));
if (unknown.length) {
  console.error(`test: no stage ${unknown.join(', ')} (stages: ${STAGES.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
fs.mkdirSync(OUT, { recursive: true });
for (const s of stages) if (s.project) fs.rmSync(report(s.project), { force: true });
if (stages.some((s) => s.name === 'build')) fs.rmSync(BUILD_STATS, { force: true });

const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** @type {Map<string, { status: number, ms: number }>} */
const done = new Map();
const running = new Set();

function run(stage) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    // Vite reads these from the environment as its own; never let the caller's leak in.
    const env = { ...process.env, ...stage.env };
    for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[k];
    console.log(`test: ▶ ${stage.name} (${stage.what}) at ${secs(t0 - started)}`);
    const child = spawn(stage.cmd, stage.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (stage.nice) lowerPriority(child.pid);
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    const finish = (status) => {
      const ms = Date.now() - t0;
      const out = Buffer.concat(chunks).toString('utf8').trimEnd();
      console.log(`\n──────── ${stage.name}: ${stage.cmd === 'node' ? 'node' : path.basename(stage.cmd)} ${stage.args.join(' ')}`);
      if (out) console.log(out);
      console.log(`──────── ${stage.name}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${secs(ms)}\n`);
      resolve({ status, ms });
    };
    child.on('error', (e) => {
      chunks.push(Buffer.from(`\n${e.message}\n`));
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Lower a child's CPU priority by NICE (10); its own children inherit it. Where the OS refuses, it runs as it is. */
function lowerPriority(pid) {
  if (!pid) return;
  try {
    os.setPriority(pid, Math.min(19, os.getPriority(pid) + (Number(process.env.NICE) || 10)));
  } catch {}
}

await new Promise((resolveAll) => {
  const tick = () => {
    for (const s of stages) {
      if (done.has(s.name) || running.has(s.name) || running.size >= JOBS) continue;
      const deps = (s.after ?? []).filter((d) => stages.some((x) => x.name === d));
      if (deps.some((d) => !done.has(d))) continue;
      // A failed build leaves nothing to test: the stages after it are not run.
      if (deps.some((d) => done.get(d).status !== 0)) {
        done.set(s.name, { status: -1, ms: 0 });
        continue;
      }
      running.add(s.name);
      run(s).then((r) => {
        running.delete(s.name);
        done.set(s.name, r);
        tick();
      });
    }
    if (done.size === stages.length) resolveAll();
  };
  tick();
});

// ------------------------------------------------------------- test counts
const failures = stages.filter((s) => done.get(s.name).status !== 0).map((s) => (done.get(s.name).status === -1 ? `${s.name}: not run (the build failed)` : `${s.name}: failed`));
const floors = fs.existsSync(COUNTS) ? JSON.parse(fs.readFileSync(COUNTS, 'utf8')) : {};
const counts = {};
const countLines = [];
for (const s of stages.filter((x) => x.project && done.get(x.name).status !== -1)) {
  const file = report(s.project);
  if (!fs.existsSync(file)) {
    failures.push(`${s.project}: vitest wrote no report (${path.relative(ROOT, file)})`);
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const skipped = r.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'skipped' || a.status === 'pending').map((a) => `${path.relative(ROOT, f.name)}: ${a.fullName ?? a.title}`));
  counts[s.project] = r.numPassedTests;
  const floor = floors[s.project];
  countLines.push(`  ${s.project.padEnd(5)} ${String(r.numPassedTests).padStart(4)} passed, ${r.numFailedTests} failed, ${skipped.length} skipped; floor ${floor ?? '(none)'}`);
  for (const k of skipped) countLines.push(`        skipped: ${k}`);
  if (floor === undefined) failures.push(`${s.project}: no expected test count in ${path.relative(ROOT, COUNTS)} (run with --update-counts)`);
  else if (r.numPassedTests < floor && !UPDATE_COUNTS)
    failures.push(`${s.project}: only ${r.numPassedTests} tests passed, ${floor} expected (${path.relative(ROOT, COUNTS)}): a test that stopped running, or was skipped, is a lost check`);
}
if (UPDATE_COUNTS && Object.keys(counts).length) {
  fs.writeFileSync(COUNTS, JSON.stringify({ ...floors, ...counts }, null, 2) + '\n');
  countLines.push(`  written to ${path.relative(ROOT, COUNTS)}`);
}

// ------------------------------------------------------------- summary
const total = Date.now() - started;
console.log('test: stage times');
for (const s of stages) {
  const d = done.get(s.name);
  console.log(`  ${s.name.padEnd(6)} ${d.status === -1 ? '   not run' : secs(d.ms).padStart(10)}  ${d.status === 0 ? 'ok' : d.status === -1 ? 'skipped: build failed' : 'FAILED'}  ${s.what}`);
}
let build;
try {
  build = JSON.parse(fs.readFileSync(BUILD_STATS, 'utf8'));
} catch {}
// The measure of issue #10: npm test's time in builds, one build being the build stage, which is
// `npm run build` (scripts/build.mjs: the data checks, then Astro) as a maintainer runs it.
const buildStage = done.get('build');
if (build && buildStage?.status === 0)
  console.log(
    `  (the build: \`npm run build\` ${secs(buildStage.ms)}, its Astro part ${build.pages} pages in ${secs(build.ms)}; ` +
      `npm test took ${(total / buildStage.ms).toFixed(1)} builds, ${(total / build.ms).toFixed(1)} Astro parts)`,
  );
console.log('test: tests run per project');
for (const l of countLines) console.log(l);
if (failures.length) {
  console.log(`\nnpm test: FAIL in ${secs(total)}`);
  for (const f of failures) console.log(`  ✗ ${f}`);
  process.exit(1);
}
console.log(`\nnpm test: PASS in ${secs(total)} (${stages.map((s) => s.name).join(', ')})`);
