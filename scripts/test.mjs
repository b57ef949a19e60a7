#!/usr/bin/env node
// `npm test`: installs what is missing, then typecheck, lint, build, unit + component + contract
// tests, and Playwright e2e. Ends with the line `N passed, N failed`, counted from the JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { startTestPostgres } from './test-postgres.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: process.env.CI ? '0' : '1' };
let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();

function run(label, command, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step with no per-test report counts as one check. */
function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

run('Install dependencies when missing', 'node', ['scripts/ensure-deps.mjs']);
const haveChromium = ensureChromium();

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

check('Typecheck (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('Lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
check('Unused files, exports and dependencies (knip)', 'npx', ['knip', '--no-progress']);
check('Formatting (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('Build (production)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
check('Build (demo, mock backend)', 'npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn']);

// Unit, component, contract and bundle tests. The runner's storage tests also run against a real
// PostgreSQL server: a throw-away one, stopped whatever happens.
const postgres = startTestPostgres();
if (postgres) env.RUNNER_TEST_DATABASE_URL = postgres.url;
else console.log('PostgreSQL could not be started: the runner storage tests run on PGlite only.');
const stopPostgres = () => postgres?.stop();
process.on('exit', stopPostgres);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
try {
  run('Unit, component and contract tests (vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=reports/vitest.json',
  ]);
} finally {
  stopPostgres();
  delete env.RUNNER_TEST_DATABASE_URL;
}
const vitest = readJson('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file that fails to load has no tests in it but must still count.
  const brokenFiles = (vitest.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  );
  failed += brokenFiles.length;
  if (vitest.numFailedTests + brokenFiles.length > 0) failures.push('vitest');
} else {
  failed += 1;
  failures.push('vitest (no report)');
}

// End-to-end in real Chromium against the built apps.
if (!haveChromium) {
  failed += 1;
  failures.push('Chromium is missing: e2e could not run');
} else {
  run('End-to-end (Playwright, Chromium)', 'npx', ['playwright', 'test']);
  const e2e = readJson('reports/playwright.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    if (e2e.stats.unexpected > 0) failures.push('playwright');
    if ((e2e.errors ?? []).length > 0) {
      failed += 1;
      failures.push('playwright (global error)');
    }
  } else {
    failed += 1;
    failures.push('playwright (no report)');
  }
}

console.log(
  `\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? ` — failing: ${failures.join(', ')}` : ''}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && existsSync('reports') ? 0 : 1);
