import { tracePath } from '@/features/appeal-trace';
import { parseGuardianPolicyRef } from '../api/start-policy-test';

/**
 * The trace of one person's appeal through a saved version: the trace form with "someone from the
 * test server's directory" chosen, by email (the trace view's `creator=user&user=` parameters).
 */
function userTracePath(policyId: string, version: number, email: string): string {
  return tracePath(policyId, version, new URLSearchParams({ creator: 'user', user: email }));
}

/** Each user's trace for a test of exactly one saved Guardian version; undefined for anything else. */
export function traceOfTest(policies: readonly string[] | undefined): ((email: string) => string) | undefined {
  const ref = policies?.length === 1 ? parseGuardianPolicyRef(policies[0]!) : undefined;
  return ref ? (email) => userTracePath(ref.policyId, ref.version, email) : undefined;
}
