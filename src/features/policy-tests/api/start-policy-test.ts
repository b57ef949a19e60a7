import { useMutation } from '@tanstack/react-query';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { policyTestStartSchema, type PolicyTestStart } from '@/lib/api/policy-tests/policy-test-schema';
import { rememberTest } from '../recent/recent-tests-store';

/** The id a Guardian policy version is tested under: `"<policy_id>:<version>"`. */
export function guardianPolicyRef(policyId: string, version: number): string {
  return `${policyId}:${version}`;
}

/** POST …/policy-tests with `{"policies": [...]}`: starts a test over the whole user base. */
function startPolicyTest(policies: string[], signal?: AbortSignal): Promise<PolicyTestStart> {
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

/** `"bigquery_approval:3"` → the Guardian policy and version it names; anything else is a raw Access id. */
export function parseGuardianPolicyRef(ref: string): { policyId: string; version: number } | undefined {
  const match = /^(.+):([1-9]\d{0,8})$/.exec(ref);
  return match ? { policyId: match[1]!, version: Number(match[2]) } : undefined;
}
