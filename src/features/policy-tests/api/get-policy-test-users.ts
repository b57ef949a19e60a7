import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { policyTestRequest } from '@/lib/api/policy-tests/policy-test-client';
import {
  policyTestUserSchema,
  type PolicyTestUser,
  type UserStatusFilter,
} from '@/lib/api/policy-tests/policy-test-schema';
import { policyTestKeys } from './policy-test-keys';

export interface UsersPageParams {
  testId: string;
  /** 1-based, as the API counts. */
  page: number;
  perPage: number;
  status?: UserStatusFilter;
}

export const MAX_PER_PAGE = 1000;

const usersPageSchema = z.array(policyTestUserSchema);

/** One page of a test's users; a page past the end is `[]`. */
export function getPolicyTestUsers(params: UsersPageParams, signal?: AbortSignal): Promise<PolicyTestUser[]> {
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
