import { hashKey, useQueryClient, type QueryCache, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { RequestWait } from './request-wait';

interface WaitTimes {
  since: number | undefined;
  waited: RequestWait['waited'];
}

/**
 * Records when a query's fetch starts and how long a failed one took, from the query cache's own
 * events (outside render, so the view stays a pure function of what happened).
 */
class WaitClock {
  private times: WaitTimes = { since: undefined, waited: undefined };

  constructor(
    private readonly cache: QueryCache,
    private readonly hash: string,
  ) {}

  readonly snapshot = () => this.times;

  readonly subscribe = (notify: () => void) => {
    const set = (times: WaitTimes) => {
      this.times = times;
      notify();
    };
    // The first fetch may have begun before this subscription (the query subscribes first).
    const current = this.cache.get(this.hash);
    if (current?.state.fetchStatus === 'fetching' && this.times.since === undefined) {
      set({ ...this.times, since: Date.now() });
    }
    return this.cache.subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryHash !== this.hash) return;
      const { since } = this.times;
      switch (event.action.type) {
        case 'fetch':
          if (since === undefined) set({ since: Date.now(), waited: undefined });
          break;
        case 'error':
          set({
            since: undefined,
            waited: { ms: since === undefined ? 0 : Date.now() - since, attempts: event.query.state.fetchFailureCount },
          });
          break;
        case 'success':
        case 'setState':
          if (since !== undefined) set({ ...this.times, since: undefined });
          break;
      }
    });
  };
}

type WatchedQuery = Pick<
  UseQueryResult<unknown, unknown>,
  'fetchStatus' | 'status' | 'failureCount' | 'failureReason' | 'refetch'
>;

/**
 * Follows one query's wait across its automatic retries. A server that never answers costs several
 * timeouts plus backoff before the query gives up; the view says so while it happens, and the final
 * message counts the whole wait, not one try's timeout.
 */
export function useRequestWait(query: WatchedQuery, queryKey: QueryKey): RequestWait {
  const queryClient = useQueryClient();
  const hash = hashKey(queryKey);
  const clock = useMemo(() => new WaitClock(queryClient.getQueryCache(), hash), [queryClient, hash]);
  const times = useSyncExternalStore(clock.subscribe, clock.snapshot, clock.snapshot);
  const [stopped, setStopped] = useState(false);
  const fetching = query.fetchStatus === 'fetching';

  const retry = useCallback(() => {
    setStopped(false);
    // A query without data keeps its running retry loop on refetch(): drop it first.
    void queryClient.cancelQueries({ queryKey }).then(() => query.refetch());
  }, [query, queryClient, queryKey]);

  const cancel = useCallback(() => {
    setStopped(true);
    void queryClient.cancelQueries({ queryKey });
  }, [queryClient, queryKey]);

  return {
    since: fetching ? times.since : undefined,
    failures: fetching ? query.failureCount : 0,
    lastFailure: fetching ? query.failureReason : undefined,
    stopped: stopped && !fetching && query.status === 'pending',
    waited: times.waited,
    retry,
    cancel,
  };
}
