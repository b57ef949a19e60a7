import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import {
  policyTestUserSchema,
  type PolicyTestUser,
  type UserStatusFilter,
} from '@/lib/api/policy-tests/policy-test-schema';
import { describeIssues } from '@/lib/api/parse-response';
import { policyTestKeys } from './policy-test-keys';

export interface UsersPageParams {
  testId: string;
  /** 1-based, as the API counts. */
  page: number;
  perPage: number;
  status?: UserStatusFilter;
}

export const MAX_PER_PAGE = 1000;

/** A row of a users page that is not a user this console can read: shown as such, never the page's end. */
export interface UnreadableUserRow {
  /** 1-based, within the page. */
  position: number;
  /** The row's id when it has one. */
  id?: string;
  problems: string[];
}

export interface UsersPage {
  users: PolicyTestUser[];
  unreadable: UnreadableUserRow[];
}

/** Each row is read on its own: one bad row costs that row, not the page (nor an export of every page). */
export function readUsersPage(rows: unknown[]): UsersPage {
  const page: UsersPage = { users: [], unreadable: [] };
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
export function getPolicyTestUsers(params: UsersPageParams, signal?: AbortSignal): Promise<UsersPage> {
  return policyTestRequest(usersPageSchema, {
    path: `/${encodeURIComponent(params.testId)}/users`,
    query: { page: params.page, per_page: params.perPage, status: params.status },
    signal,
    what: 'a page of test users',
  });
}

/**
 * `settled`: the test reached a terminal status, so its pages never change again. While it runs,
 * pages go stale at once and the progress view refreshes the open page as users arrive.
 */
export const policyTestUsersQueryOptions = ({ testId, page, perPage, status }: UsersPageParams, settled = false) =>
  queryOptions({
    queryKey: policyTestKeys.usersPage(testId, page, perPage, status),
    queryFn: ({ signal }) => getPolicyTestUsers({ testId, page, perPage, status }, signal),
    placeholderData: keepPreviousData,
    staleTime: settled ? Infinity : 0,
    // Pages of up to 1,000 rows: keep a few around for back-and-forth, not the whole walk.
    gcTime: 2 * 60_000,
  });

export function usePolicyTestUsers(params: UsersPageParams, settled = false) {
  return useQuery(policyTestUsersQueryOptions(params, settled));
}
