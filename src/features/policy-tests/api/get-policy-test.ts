import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '@/lib/api/api-error';
import { retryDelay } from '@/lib/api/retry-policy';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import { policyTestSchema, TERMINAL_TEST_STATUSES, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { policyTestKeys } from './policy-test-keys';

export const POLL_INTERVAL_MS = 1_000;
/** A hidden tab still polls (the recent list and the title stay honest), just five times slower. */
export const HIDDEN_POLL_FACTOR = 5;

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

/** The test is gone (expired, or another server): polling again cannot bring it back. */
export function isGoneError(error: unknown): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === 404;
}

/**
 * Failures that asking again may fix: no answer, a broken body, 408, 429 and any 5xx. A 4xx
 * (gone, not signed in, not allowed) or an answer of the wrong shape will not change by itself.
 */
export function pollingCanRecover(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'malformed') return true;
  if (error.kind !== 'http' || error.status === undefined) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

function documentVisibility(): DocumentVisibilityState {
  return typeof document === 'undefined' ? 'visible' : document.visibilityState;
}

/**
 * The polling rule of a test's status: every second while it runs (5× slower in a hidden tab),
 * and never again once it reaches a terminal status or fails in a way polling cannot fix.
 */
export function pollInterval(
  query: { state: { data?: PolicyTest; error: unknown } },
  visibility: DocumentVisibilityState = documentVisibility(),
): number | false {
  if (isTerminal(query.state.data)) return false;
  if (query.state.error && !pollingCanRecover(query.state.error)) return false;
  return visibility === 'hidden' ? POLL_INTERVAL_MS * HIDDEN_POLL_FACTOR : POLL_INTERVAL_MS;
}

/** Keep retrying a recoverable failure (with the shared backoff): a running test is worth waiting for. */
export function retryStatus(failureCount: number, error: unknown): boolean {
  return pollingCanRecover(error) && failureCount < 50;
}

export const policyTestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: policyTestKeys.status(id),
    queryFn: ({ signal }) => getPolicyTest(id, signal),
    refetchInterval: (query) => pollInterval(query),
    refetchIntervalInBackground: true,
    // Coming back to the tab asks at once instead of waiting out the slow hidden interval.
    refetchOnWindowFocus: true,
    retry: retryStatus,
    retryDelay,
    staleTime: (query) => (isTerminal(query.state.data) ? Infinity : 0),
    gcTime: 10 * 60_000,
  });

/** The one polling query of a test: any number of readers share it (React Query dedupes by key). */
export function usePolicyTest(id: string) {
  return useQuery(policyTestQueryOptions(id));
}
