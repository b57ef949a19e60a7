import { useMutation } from '@tanstack/react-query';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { policyTestStartSchema, type PolicyTestStart } from '@/lib/api/policy-tests/policy-test-schema';

/** The id a Guardian policy version is tested under: `"<policy_id>:<version>"`. */
export function guardianPolicyRef(policyId: string, version: number): string {
  return `${policyId}:${version}`;
}

/** POST …/policy-tests with `{"policies": [...]}`: starts a test over the whole user base. */
export function startPolicyTest(policies: string[], signal?: AbortSignal): Promise<PolicyTestStart> {
  return policyTestRequest(policyTestStartSchema, {
    method: 'POST',
    path: '',
    body: { policies },
    signal,
    what: 'the started test',
  });
}

export function useStartPolicyTest() {
  return useMutation({ mutationFn: (policies: string[]) => startPolicyTest(policies) });
}
