import { useMutation } from '@tanstack/react-query';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { policyTestStartSchema, type PolicyTestStart } from '@/lib/api/policy-tests/policy-test-schema';
import { rememberTest } from '../recent/recent-tests-store';

/** The id a Guardian policy version is tested under: `"<policy_id>:<version>"`. */
export function guardianPolicyRef(policyId: string, version: number): string {
  return `${policyId}:${version}`;
}

/**
 * What a test's `policies` may hold: a policy id (`"<policy_id>:<version>"` for a Guardian version),
 * or an inline policy object — on our test servers, an unsaved Guardian policy in REST wire form.
 */
export type TestedPolicy = string | Record<string, unknown>;

/** POST …/policy-tests with `{"policies": [...]}`: starts a test over the whole user base. */
export function startPolicyTest(policies: TestedPolicy[], signal?: AbortSignal): Promise<PolicyTestStart> {
  return policyTestRequest(policyTestStartSchema, {
    method: 'POST',
    path: '',
    body: { policies },
    signal,
    what: 'the started test',
  });
}

/** Starts a test and remembers it: the API has no list endpoint, so this browser keeps the list. */
export function useStartPolicyTest() {
  return useMutation({
    mutationFn: (policies: string[]) => startPolicyTest(policies),
    onSuccess: (started, policies) => {
      rememberTest({ id: started.id, policies, startedAt: new Date().toISOString() });
    },
  });
}

/** How a test of an unsaved draft of a Guardian policy is remembered: `"<policy_id>:draft"`. */
export function draftPolicyRef(policyId: string): string {
  return `${policyId}:draft`;
}

/** `"my_policy:draft"` → the policy an unsaved draft was made of. */
export function parseDraftPolicyRef(ref: string): string | undefined {
  return ref.endsWith(':draft') && ref.length > 6 ? ref.slice(0, -6) : undefined;
}

/** `"bigquery_approval:3"` → the Guardian policy and version it names; anything else is a raw Access id. */
export function parseGuardianPolicyRef(ref: string): { policyId: string; version: number } | undefined {
  const match = /^(.+):([1-9]\d{0,8})$/.exec(ref);
  return match ? { policyId: match[1]!, version: Number(match[2]) } : undefined;
}
