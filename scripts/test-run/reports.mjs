// Reading the vitest and Playwright JSON reports: what passed and failed, and the slowest tests.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** `{ passed, failed }` of a vitest JSON report; a file that fails to load counts as one failure. */
export function vitestCounts(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  );
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles.length };
}

/** `{ passed, failed }` of a Playwright JSON report; a flaky test passed, a global error is a failure. */
export function playwrightCounts(report) {
  const { expected, flaky = 0, unexpected } = report.stats;
  return { passed: expected + flaky, failed: unexpected + ((report.errors ?? []).length > 0 ? 1 : 0) };
}

export function slowestVitest(report, count = 10) {
  return (report.testResults ?? [])
    .flatMap((file) =>
      (file.assertionResults ?? []).map((test) => ({
        ms: test.duration ?? 0,
        name: `${relative(process.cwd(), file.name)} › ${test.fullName}`,
      })),
    )
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** Every test of a Playwright report with its name as the run prints it. */
function playwrightTests(report) {
  const tests = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? [])
        tests.push({ test, name: `[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}` });
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return tests;
}

/** Each test's last attempt (a retry replaces the first), as the run counts it. */
export function slowestPlaywright(report, count = 10) {
  return playwrightTests(report)
    .flatMap(({ test, name }) => {
      const last = test.results?.at(-1);
      return last ? [{ ms: last.duration, name }] : [];
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** The first line of a failure message, without colour codes, at most `max` characters. */
function firstLine(message = '', max = 300) {
  const line = stripVTControlCharacters(String(message)).trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Every failed vitest test (and file that failed to load), with its first line of error. */
export function failedVitest(report) {
  return (report.testResults ?? []).flatMap((file) => {
    const path = relative(process.cwd(), file.name);
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && tests.length === 0) return [{ name: path, error: firstLine(file.message) }];
    return tests
      .filter((test) => test.status === 'failed')
      .map((test) => ({ name: `${path} › ${test.fullName}`, error: vitestError(test) }));
  });
}

/**
 * A test or hook that ran out of its time reaches the JSON report as the stack of the placeholder
 * error vitest made when it was declared (`Error: STACK_TRACE_ERROR`): said here in words.
 */
function vitestError(test) {
  const line = firstLine(test.failureMessages?.[0]);
  if (line !== 'Error: STACK_TRACE_ERROR') return line;
  return `timed out: the test or one of its hooks ran past its timeout (the test took ${Math.round(test.duration ?? 0)} ms)`;
}

/** Every Playwright test that failed on its last attempt, or passed only on a retry (flaky). */
export function failedPlaywright(report) {
  const tests = playwrightTests(report).flatMap(({ test, name }) => {
    const results = test.results ?? [];
    if (test.status === 'unexpected') return [{ name, error: firstLine(results.at(-1)?.error?.message) }];
    if (test.status !== 'flaky') return [];
    const failedFirst = results.find((result) => result.status !== 'passed' && result.status !== 'skipped');
    return [{ name: `${name} (flaky: passed on retry)`, error: firstLine(failedFirst?.error?.message) }];
  });
  for (const error of report.errors ?? [])
    tests.push({ name: 'Playwright (outside any test)', error: firstLine(error.message) });
  return tests;
}

/** Repeats what failed at the end of the run, where a log's tail shows it. */
export function printFailed(title, tests) {
  if (tests.length === 0) return;
  console.log(`\n${title}`);
  for (const test of tests) console.log(`  ✘ ${test.name}${test.error ? `\n      ${test.error}` : ''}`);
}

export function printSlowest(title, tests) {
  if (tests.length === 0) return;
  console.log(`\n${title}`);
  for (const test of tests) console.log(`  ${(test.ms / 1000).toFixed(1).padStart(6)} s  ${test.name}`);
}
