// Reading the vitest and Playwright JSON reports: what passed and failed, and the slowest tests.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

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

/** Each test's last attempt (a retry replaces the first), as the run counts it. */
export function slowestPlaywright(report, count = 10) {
  const tests = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const last = test.results?.at(-1);
        if (last)
          tests.push({ ms: last.duration, name: `[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}` });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return tests.sort((a, b) => b.ms - a.ms).slice(0, count);
}

export function printSlowest(title, tests) {
  if (tests.length === 0) return;
  console.log(`\n${title}`);
  for (const test of tests) console.log(`  ${(test.ms / 1000).toFixed(1).padStart(6)} s  ${test.name}`);
}
