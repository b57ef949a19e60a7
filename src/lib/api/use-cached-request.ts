import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CachedRequest } from './cached-request';
import type { RequestWait } from './request-wait';

/** A cached request as a view reads it: React Query's names for the same things, and its wait. */
export interface CachedRequestResult<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  isFetching: boolean;
  refetch: () => Promise<T | undefined>;
  wait: RequestWait;
}

/** Follows a cached request, fetching it when the view mounts unless its answer is fresh. */
export function useCachedRequest<T>(request: CachedRequest<T>): CachedRequestResult<T> {
  const state = useSyncExternalStore(request.subscribe, request.snapshot, request.snapshot);
  useEffect(() => request.ensure(), [request]);
  return useMemo(
    () => ({
      data: state.data,
      error: state.error,
      isPending: state.status === 'pending',
      isError: state.status === 'error',
      isSuccess: state.status === 'success',
      isFetching: state.fetching,
      refetch: () => request.fetch(),
      wait: {
        since: state.since,
        failures: state.failures,
        lastFailure: state.lastFailure,
        stopped: state.stopped,
        waited: state.waited,
        retry: () => request.retry(),
        cancel: () => request.cancel(),
      },
    }),
    [state, request],
  );
}
