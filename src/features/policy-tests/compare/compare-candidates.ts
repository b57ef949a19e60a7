import { parseGuardianPolicyRef } from '../api/start-policy-test';
import type { RecentTest } from '../recent/recent-tests-store';

export interface CompareCandidate {
  test: RecentTest;
  /** The candidate's Guardian version, when it tested one. */
  version?: number;
  /** Test A is the "before": the lower version goes there (for the same version, the earlier run). */
  a: string;
  b: string;
}

const startOf = (test: RecentTest) => test.startedAt ?? test.firstSeenAt;

/** The one Guardian policy version a test ran, when it ran exactly one. */
export function testedVersion(test: RecentTest | undefined): { policyId: string; version: number } | undefined {
  return test && test.policies.length === 1 ? parseGuardianPolicyRef(test.policies[0]!) : undefined;
}

/**
 * What a test is most usefully compared with, from this browser's recent tests: tests of the same
 * policy, other versions first (the question is "what did that change do?"), newest first; then
 * earlier runs of the same version. Each comes oriented, the older side as A.
 */
export function compareCandidates(recent: readonly RecentTest[], testId: string): CompareCandidate[] {
  const self = recent.find((test) => test.id === testId);
  const mine = testedVersion(self);
  if (!mine) return [];
  const candidates: CompareCandidate[] = [];
  for (const test of recent) {
    if (test.id === testId || test.missing) continue;
    const theirs = testedVersion(test);
    if (!theirs || theirs.policyId !== mine.policyId) continue;
    const before =
      theirs.version !== mine.version
        ? theirs.version < mine.version
        : startOf(test) <= (self ? startOf(self) : startOf(test));
    candidates.push({
      test,
      version: theirs.version,
      a: before ? test.id : testId,
      b: before ? testId : test.id,
    });
  }
  const otherVersion = (c: CompareCandidate) => (c.version === mine.version ? 1 : 0);
  return candidates.sort((x, y) => otherVersion(x) - otherVersion(y) || startOf(y.test).localeCompare(startOf(x.test)));
}
