import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { policyTestListRequest } from '@/lib/api/policy-tests/policy-test-client';
import { policyTestUserSchema, type PolicyTestUser, type ResultInfo } from '@/lib/api/policy-tests/policy-test-schema';
import { describeIssues } from '@/lib/api/parse-response';
import { policyTestKeys, type UsersPageParams } from './policy-test-keys';

export type { UsersPageParams };

export const MAX_PER_PAGE = 1000;

/** A row of a users page that is not a user this console can read: shown as such, never the page's end. */
export interface UnreadableUserRow {
  /** 1-based, within the page. */
  position: number;
  /** The row's id when it has one. */
  id?: string;
  problems: string[];
}

/** The rows of one page, each read on its own. */
export interface UsersPageRows {
  users: PolicyTestUser[];
  unreadable: UnreadableUserRow[];
}

/** One page of users, with what the server says about the whole list (our test servers only). */
export interface UsersPage extends UsersPageRows {
  info: ResultInfo;
}

/** Each row is read on its own: one bad row costs that row, not the page (nor an export of every page). */
export function readUsersPage(rows: unknown[]): UsersPageRows {
  const page: UsersPageRows = { users: [], unreadable: [] };
  rows.forEach((row, index) => {
    const parsed = policyTestUserSchema.safeParse(row);
    if (parsed.success) page.users.push(parsed.data);
    else {
      const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
      page.unreadable.push({
        position: index + 1,
        id: typeof id === 'string' ? id.slice(0, 200) : undefined,
        problems: describeIssues(parsed.error, 3),
      });
    }
  });
  return page;
}

const usersPageSchema = z.pipe(z.array(z.unknown()), z.transform(readUsersPage));

/** One page of a test's users; a page past the end has no rows. */
export async function getPolicyTestUsers(params: UsersPageParams, signal?: AbortSignal): Promise<UsersPage> {
  const { result, info } = await policyTestListRequest(usersPageSchema, {
    path: `/${encodeURIComponent(params.testId)}/users`,
    query: {
      page: params.page,
      per_page: params.perPage,
      status: params.status,
      search: params.search,
      step: params.step,
    },
    signal,
    what: 'a page of test users',
  });
  return { ...result, info };
}

/**
 * `settled`: the test reached a terminal status, so its pages never change again. While it runs,
 * pages go stale at once and the progress view refreshes the open page as users arrive.
 */
export const policyTestUsersQueryOptions = (params: UsersPageParams, settled = false) =>
  queryOptions({
    queryKey: policyTestKeys.usersPage(params),
    queryFn: ({ signal }) => getPolicyTestUsers(params, signal),
    placeholderData: keepPreviousData,
    staleTime: settled ? Infinity : 0,
    // Pages of up to 1,000 rows: keep a few around for back-and-forth, not the whole walk.
    gcTime: 2 * 60_000,
  });

export function usePolicyTestUsers(params: UsersPageParams, settled = false) {
  return useQuery(policyTestUsersQueryOptions(params, settled));
}
