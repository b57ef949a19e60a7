import { traceAppeal, type AppealTrace } from '@/lib/appeal';
import { actualOutcome } from './actual-outcome';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { Target } from '@/lib/expr';
import { describeExpectation, type Expectation, type TestCase } from './test-case';

export interface CaseResult {
  name: string;
  pass: boolean;
  /** One line: what was expected and what happened, or why the case cannot run. */
  reason: string;
  trace: AppealTrace;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function matches(expected: Expectation, actual: Expectation): boolean {
  if (expected.outcome !== actual.outcome) return false;
  switch (expected.outcome) {
    case 'approved':
      return true;
    case 'blocked':
      return expected.step === (actual as { step: string }).step;
    case 'error':
      return expected.step === undefined || expected.step === (actual as { step?: string }).step;
    case 'waits': {
      const a = actual as { step?: string; approvers?: string[] };
      return (
        (expected.step === undefined || expected.step === a.step) &&
        (expected.approvers === undefined || sameSet(expected.approvers, a.approvers ?? []))
      );
    }
  }
}

/** Runs one case against a policy version or draft. Never throws. */
export function runCase(policy: Policy, testCase: TestCase, target: Target): CaseResult {
  const now = Date.parse(testCase.at);
  const trace = traceAppeal(
    policy,
    { createdBy: testCase.createdBy, iam: testCase.iam, request: testCase.request },
    { target: testCase.target ?? target, now: Number.isNaN(now) ? 0 : now },
  );
  const expected = testCase.expect;
  const named = 'step' in expected ? expected.step : undefined;
  if (named !== undefined && !policy.steps.some((s) => s.name === named)) {
    return {
      name: testCase.name,
      pass: false,
      reason: `expects ${describeExpectation(expected)}, but this version has no step \`${named}\``,
      trace,
    };
  }
  const actual = actualOutcome(trace);
  const pass = matches(expected, actual);
  return {
    name: testCase.name,
    pass,
    reason: pass
      ? `${describeExpectation(actual)}, as expected`
      : `expected ${describeExpectation(expected)}, got ${describeExpectation(actual)}`,
    trace,
  };
}
