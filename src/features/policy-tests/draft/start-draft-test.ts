import type { PolicyTest, PolicyTestStart } from '@/lib/api/policy-tests/policy-test-schema';
import { getPolicyTest } from '../api/get-policy-test';
import { draftPolicyRef, guardianPolicyRef, startPolicyTest, type TestedPolicy } from '../api/start-policy-test';
import { listRecentTests, rememberTest, type RecentTest } from '../recent/recent-tests-store';

export interface DraftTestInput {
  /** The unsaved policy in Guardian's REST wire form (snake_case). */
  wire: Record<string, unknown>;
  policyId: string;
  /** The saved version the draft was made from; absent for a new policy (nothing to compare with). */
  baseVersion?: number;
}

export interface DraftTestStarted {
  draftTestId: string;
  /** The test of the saved version beside it: started now, or a finished one reused. */
  base?: { testId: string; reused: boolean };
  /** Why the saved version could not be tested beside the draft (the draft's test runs anyway). */
  baseError?: unknown;
}

export interface DraftTestDeps {
  start: (policies: TestedPolicy[]) => Promise<PolicyTestStart>;
  status: (id: string) => Promise<PolicyTest>;
  now: () => Date;
}

const defaults: DraftTestDeps = {
  start: (p) => startPolicyTest(p),
  status: (id) => getPolicyTest(id),
  now: () => new Date(),
};

/** A finished test of the same version this browser ran lately is as good as a new one, and already there. */
const REUSE_WITHIN_MS = 60 * 60_000;

function reusableBase(ref: string, now: Date): RecentTest | undefined {
  return listRecentTests().find(
    (t) =>
      t.policies.length === 1 &&
      t.policies[0] === ref &&
      t.lastStatus === 'complete' &&
      !t.missing &&
      now.getTime() - Date.parse(t.finishedAt ?? t.firstSeenAt) < REUSE_WITHIN_MS,
  );
}

/**
 * Tests an unsaved draft over the whole user base, and its saved version beside it, so the two can
 * be compared user by user while both run. A finished test of that version is reused when it ran
 * over as many users as the draft's does (the same user base, as far as the API can tell).
 */
export async function startDraftTest(input: DraftTestInput, deps: DraftTestDeps = defaults): Promise<DraftTestStarted> {
  const startedAt = deps.now().toISOString();
  const draft = await deps.start([input.wire]);
  const baseRef = input.baseVersion === undefined ? undefined : guardianPolicyRef(input.policyId, input.baseVersion);
  const policies = [draftPolicyRef(input.policyId)];
  // Kept at once (a reload now still finds the test), but shown as this policy's draft test only once
  // its saved version's test is known: until then the panel would say that version could not be tested.
  rememberTest({ id: draft.id, policies, startedAt });
  const remember = (base?: string) =>
    rememberTest({
      id: draft.id,
      policies,
      startedAt,
      draft: { policyId: input.policyId, baseVersion: input.baseVersion, baseTestId: base },
    });
  if (!baseRef) {
    remember();
    return { draftTestId: draft.id };
  }

  const candidate = reusableBase(baseRef, deps.now());
  if (candidate) {
    const [was, now] = await Promise.all([
      deps.status(candidate.id).catch(() => undefined),
      deps.status(draft.id).catch(() => undefined),
    ]);
    if (was?.status === 'complete' && now && was.totalUsers === now.totalUsers) {
      remember(candidate.id);
      return { draftTestId: draft.id, base: { testId: candidate.id, reused: true } };
    }
  }
  try {
    const base = await deps.start([baseRef]);
    rememberTest({ id: base.id, policies: [baseRef], startedAt: deps.now().toISOString() });
    remember(base.id);
    return { draftTestId: draft.id, base: { testId: base.id, reused: false } };
  } catch (baseError) {
    remember();
    return { draftTestId: draft.id, baseError };
  }
}
