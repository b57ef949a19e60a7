import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
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

/** One page of a test's users; a page past the end is `[]`. */
export function getPolicyTestUsers(params: UsersPageParams, signal?: AbortSignal): Promise<PolicyTestUser[]> {
  return policyTestRequest(z.array(policyTestUserSchema), {
    path: `/${encodeURIComponent(params.testId)}/users`,
    query: { page: params.page, per_page: params.perPage, status: params.status },
    signal,
    what: 'a page of test users',
  });
}

export const policyTestUsersQueryOptions = (params: UsersPageParams) =>
  queryOptions({
    queryKey: policyTestKeys.usersPage(params.testId, params.page, params.perPage, params.status),
    queryFn: ({ signal }) => getPolicyTestUsers(params, signal),
    placeholderData: keepPreviousData,
  });

export function usePolicyTestUsers(params: UsersPageParams) {
  return useQuery(policyTestUsersQueryOptions(params));
}
