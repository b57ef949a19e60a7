import { ApiError, isApiError } from '@/lib/api/api-error';
import { retryDelay } from '@/lib/api/retry-policy';
import type { PolicyTestUser, UserStatusFilter } from '@/lib/api/policy-tests/policy-test-schema';
import {
  getPolicyTestUsers,
  MAX_PER_PAGE,
  type UnreadableUserRow,
  type UsersPage,
  type UsersPageParams,
} from '../api/get-policy-test-users';
import { pollingCanRecover } from '../api/get-policy-test';

export interface WalkOptions {
  testId: string;
  status?: UserStatusFilter;
  /** Users the status counts promise for this filter: decides when a short page is really the end. */
  expected: number;
  perPage?: number;
  signal?: AbortSignal;
  /** Attempts per page for a passing fault (503, network) before the walk gives up. */
  attempts?: number;
  /** A page as read (or, from a test double, just its users). */
  fetchPage?: (params: UsersPageParams, signal?: AbortSignal) => Promise<UsersPage | PolicyTestUser[]>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface WalkedPage {
  page: number;
  users: PolicyTestUser[];
  /** Rows of this page that could not be read (they count as rows the server sent). */
  unreadable: UnreadableUserRow[];
}

const asPage = (page: UsersPage | PolicyTestUser[]): UsersPage =>
  Array.isArray(page) ? { users: page, unreadable: [] } : page;

function abortError(signal: AbortSignal | undefined, path: string): ApiError {
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
 * Every page of a test's users, in order, the way the official SDK pages: until an empty page.
 * A short page ends the walk early once the counts are reached. Each page retries a passing
 * fault with the shared backoff; a cancel stops between and inside requests.
 */
export async function* walkUserPages(options: WalkOptions): AsyncGenerator<WalkedPage> {
  const perPage = Math.min(options.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
  const fetchPage = options.fetchPage ?? getPolicyTestUsers;
  const wait = options.sleep ?? sleep;
  const attempts = options.attempts ?? 6;
  const { signal } = options;
  // A server that ignores `page` would hand back page 1 forever: stop well past what the counts allow.
  const pageLimit = Math.ceil(options.expected / perPage) * 2 + 10;
  let collected = 0;
  let previousFirstId: string | undefined;

  for (let page = 1; ; page += 1) {
    if (signal?.aborted) throw abortError(signal, `users?page=${page}`);
    const params: UsersPageParams = { testId: options.testId, page, perPage, status: options.status };
    let read: UsersPage | undefined;
    for (let attempt = 0; read === undefined; attempt += 1) {
      try {
        read = asPage(await fetchPage(params, signal));
      } catch (error) {
        if (signal?.aborted || (isApiError(error) && error.kind === 'aborted'))
          throw abortError(signal, `users?page=${page}`);
        if (attempt + 1 >= attempts || !pollingCanRecover(error)) throw error;
        await wait(retryDelay(attempt, error), signal).catch(() => {
          throw abortError(signal, `users?page=${page}`);
        });
      }
    }
    const { users, unreadable } = read;
    const rows = users.length + unreadable.length;
    if (rows === 0) return;
    if (page > pageLimit || (page > 1 && users.length > 0 && users[0]!.id === previousFirstId)) {
      throw new ApiError({
        kind: 'schema',
        message: `The server keeps sending users past page ${page - 1}, more than its counts allow; the walk stopped.`,
        request: { api: 'policy-tests', method: 'GET', path: `users?page=${page}` },
      });
    }
    previousFirstId = users[0]?.id;
    collected += rows;
    yield { page, users, unreadable };
    // A short page ends the walk once the counts are reached; so does a page longer than asked
    // for (a server that ignores per_page): its pages cannot be counted on.
    if (rows !== perPage && collected >= options.expected) return;
  }
}
