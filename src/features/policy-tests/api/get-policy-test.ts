import { queryOptions, useQuery, type Query } from '@tanstack/react-query';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { policyTestSchema, TERMINAL_TEST_STATUSES, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { policyTestKeys } from './policy-test-keys';

export const POLL_INTERVAL_MS = 1_000;

export function getPolicyTest(id: string, signal?: AbortSignal): Promise<PolicyTest> {
  return policyTestRequest(policyTestSchema, {
    path: `/${encodeURIComponent(id)}`,
    signal,
    what: 'the test status',
  });
}

export function isTerminal(test: PolicyTest | undefined): boolean {
  return test !== undefined && TERMINAL_TEST_STATUSES.includes(test.status);
}

/** Poll until a terminal status, then never again: the single source of a test's progress. */
export function pollInterval(query: Pick<Query<PolicyTest>, 'state'>): number | false {
  return isTerminal(query.state.data) ? false : POLL_INTERVAL_MS;
}

export const policyTestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: policyTestKeys.status(id),
    queryFn: ({ signal }) => getPolicyTest(id, signal),
    refetchInterval: pollInterval,
    staleTime: (query) => (isTerminal(query.state.data) ? Infinity : 0),
  });

export function usePolicyTest(id: string) {
  return useQuery(policyTestQueryOptions(id));
}
