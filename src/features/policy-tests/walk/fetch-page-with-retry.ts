import { ApiError, isApiError } from '@/lib/api/api-error';
import { retryDelay } from '@/lib/api/retry-policy';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import { getPolicyTestUsers, type UsersPageParams, type UsersPageRows } from '../api/get-policy-test-users';
import { pollingCanRecover } from '../api/get-policy-test';

export type FetchPage = (params: UsersPageParams, signal?: AbortSignal) => Promise<UsersPageRows | PolicyTestUser[]>;

export interface RetryOptions {
  signal?: AbortSignal;
  /** Attempts per page for a passing fault (503, network) before giving up. */
  attempts?: number;
  /** A page as read (or, from a test double, just its users). */
  fetchPage?: FetchPage;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function abortError(signal: AbortSignal | undefined, path: string): ApiError {
  return new ApiError({
    kind: 'aborted',
    message: 'Cancelled.',
    request: { api: 'policy-tests', method: 'GET', path },
    cause: signal?.reason,
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * One users page (its readable users and the rows it could not read), retrying a passing fault with
 * the shared backoff; a cancel stops between and inside requests.
 */
export async function fetchPageWithRetry(params: UsersPageParams, options: RetryOptions = {}): Promise<UsersPageRows> {
  const fetchPage = options.fetchPage ?? getPolicyTestUsers;
  const wait = options.sleep ?? sleep;
  const attempts = options.attempts ?? 6;
  const { signal } = options;
  const where = `users?page=${params.page}`;
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw abortError(signal, where);
    try {
      const page = await fetchPage(params, signal);
      return Array.isArray(page) ? { users: page, unreadable: [] } : { users: page.users, unreadable: page.unreadable };
    } catch (error) {
      if (signal?.aborted || (isApiError(error) && error.kind === 'aborted')) throw abortError(signal, where);
      if (attempt + 1 >= attempts || !pollingCanRecover(error)) throw error;
      await wait(retryDelay(attempt, error), signal).catch(() => {
        throw abortError(signal, where);
      });
    }
  }
}
