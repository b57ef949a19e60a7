#!/usr/bin/env node
// `npm test`: installs what is missing, then typecheck, lint, formatting and both builds side by side
// (two lanes, one per core), unit + component + contract tests, and Playwright e2e. Ends with the
// step times, the slowest tests and the line `N passed, N failed`, counted from the JSON reports.
// Stopping it (Ctrl-C, SIGTERM) stops every process it started, e2e servers included.
import { availableParallelism } from 'node:os';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { e2ePorts } from './e2e-ports.mjs';
import { startTestPostgres } from './test-postgres.mjs';
import { freeE2ePorts } from './test-run/ports.mjs';
import {
  failedPlaywright,
  failedVitest,
  playwrightCounts,
  printFailed,
  printSlowest,
  readJson,
  slowestPlaywright,
  slowestVitest,
  vitestCounts,
} from './test-run/reports.mjs';
import { inLanes, killAllStepsNow, runStep, stepTimes, stopAllSteps } from './test-run/steps.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: process.env.CI ? '0' : '1' };
let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();
let postgres;

const stopPostgres = () => {
  postgres?.stop();
  postgres = undefined;
};
process.on('exit', () => {
  killAllStepsNow();
  stopPostgres();
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping every step and server this run started…`);
    void stopAllSteps()
      .then(() => stopPostgres())
      .then(() => freeE2ePorts(e2ePorts(env)))
      .finally(() => process.exit(code));
  });
}

/** A step with no per-test report counts as one check. */
function count({ ok, label }) {
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

const step = (label, command, args) => () => runStep(label, command, args, { env, buffered: true });

await runStep('Install dependencies when missing', 'node', ['scripts/ensure-deps.mjs'], { env });
const haveChromium = ensureChromium();

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

// The runner's storage tests also run against a real PostgreSQL server: a throw-away one, started
// now (it takes a few seconds) and stopped whatever happens.
postgres = startTestPostgres();
if (postgres) env.RUNNER_TEST_DATABASE_URL = postgres.url;
else console.log('PostgreSQL could not be started: the runner storage tests run on PGlite only.');

// Single-threaded checks, two at a time; the builds go first, vitest's bundle checks read them.
console.log('\nTypecheck, lint, formatting and builds, two lanes side by side (each step prints when it ends)…');
const checks = await inLanes([
  [
    step('Build (production)', 'npx', ['vite', 'build', '--logLevel', 'warn']),
    step('Build (demo, mock backend)', 'npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn']),
    step('Typecheck (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
    step('Unused files, exports and dependencies (knip)', 'npx', ['knip', '--no-progress']),
  ],
  [
    step('Lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']),
    step('Formatting (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']),
  ],
]);
checks.forEach(count);

// Unit, component, contract and bundle tests, on every core (vitest's default leaves one idle).
await runStep(
  'Unit, component and contract tests (vitest)',
  'npx',
  [
    'vitest',
    'run',
    `--maxWorkers=${availableParallelism()}`,
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=reports/vitest.json',
  ],
  { env },
);
stopPostgres();
delete env.RUNNER_TEST_DATABASE_URL;
const vitest = readJson('reports/vitest.json');
if (vitest) {
  const counts = vitestCounts(vitest);
  passed += counts.passed;
  failed += counts.failed;
  if (counts.failed > 0) failures.push('vitest');
} else {
  failed += 1;
  failures.push('vitest (no report)');
}

// End-to-end in real Chromium against the built apps.
let e2e;
const portProblems = haveChromium ? await freeE2ePorts(e2ePorts(env)) : [];
if (!haveChromium) {
  failed += 1;
  failures.push('Chromium is missing: e2e could not run');
} else if (portProblems.length > 0) {
  for (const problem of portProblems) console.log(`✘ ${problem}`);
  failed += 1;
  failures.push('e2e ports in use: e2e could not run');
} else {
  await runStep('End-to-end (Playwright, Chromium)', 'npx', ['playwright', 'test'], { env });
  e2e = readJson('reports/playwright.json');
  if (e2e?.stats) {
    const counts = playwrightCounts(e2e);
    passed += counts.passed;
    failed += counts.failed;
    if (counts.failed > 0) failures.push('playwright');
  } else {
    failed += 1;
    failures.push('playwright (no report)');
  }
}

console.log('\nStep times (∥: ran in two lanes side by side)');
for (const { label, seconds, ok, sideBySide } of stepTimes) {
  console.log(`  ${ok ? '✔' : '✘'} ${seconds.toFixed(1).padStart(6)} s ${sideBySide ? '∥' : ' '} ${label}`);
}
if (vitest) printSlowest('Slowest 10 vitest tests', slowestVitest(vitest));
if (e2e) printSlowest('Slowest 10 Playwright tests (last attempt)', slowestPlaywright(e2e));
if (vitest) printFailed('Failed vitest tests', failedVitest(vitest));
if (e2e) printFailed('Failed or flaky Playwright tests', failedPlaywright(e2e));
console.log(
  `\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? ` — failing: ${failures.join(', ')}` : ''}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
