import { ApiError } from '@/lib/api/api-error';
import type { PolicyTestUser, UserStatusFilter } from '@/lib/api/policy-tests/policy-test-schema';
import { MAX_PER_PAGE, type UnreadableUserRow, type UsersPageParams } from '../api/get-policy-test-users';
import { abortError, fetchPageWithRetry, type RetryOptions } from './fetch-page-with-retry';

export interface WalkOptions extends RetryOptions {
  testId: string;
  status?: UserStatusFilter;
  /** Users the status counts promise for this filter: decides when a short page is really the end. */
  expected: number;
  perPage?: number;
  /** Our test servers' extension filters (see UsersPageParams). */
  search?: string;
  step?: string;
}

export interface WalkedPage {
  page: number;
  users: PolicyTestUser[];
  /** Rows of this page that could not be read (they count as rows the server sent). */
  unreadable: UnreadableUserRow[];
}

/**
 * Every page of a test's users, in order, the way the official SDK pages: until an empty page.
 * A short page ends the walk early once the counts are reached. Each page retries a passing
 * fault with the shared backoff; a cancel stops between and inside requests.
 */
export async function* walkUserPages(options: WalkOptions): AsyncGenerator<WalkedPage> {
  const perPage = Math.min(options.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
  const { signal } = options;
  // A server that ignores `page` would hand back page 1 forever: stop well past what the counts allow.
  const pageLimit = Math.ceil(options.expected / perPage) * 2 + 10;
  let collected = 0;
  let previousFirstId: string | undefined;

  for (let page = 1; ; page += 1) {
    if (signal?.aborted) throw abortError(signal, `users?page=${page}`);
    const params: UsersPageParams = {
      testId: options.testId,
      page,
      perPage,
      status: options.status,
      ...(options.search === undefined ? {} : { search: options.search }),
      ...(options.step === undefined ? {} : { step: options.step }),
    };
    const { users, unreadable } = await fetchPageWithRetry(params, options);
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
