import type { UserStatusFilter } from '@/lib/api/policy-tests/policy-test-schema';

/** One page of a test's users, as the users endpoint is asked for it (and as its cache key holds it). */
export interface UsersPageParams {
  testId: string;
  /** 1-based, as the API counts. */
  page: number;
  perPage: number;
  status?: UserStatusFilter;
  /** Our test servers' extensions: email or name containing this text; the deciding step's name. */
  search?: string;
  step?: string;
}

export const policyTestKeys = {
  all: ['policy-tests'] as const,
  status: (id: string) => [...policyTestKeys.all, 'status', id] as const,
  users: (id: string) => [...policyTestKeys.all, 'users', id] as const,
  usersPage: ({ testId, page, perPage, status, search, step }: UsersPageParams) =>
    [...policyTestKeys.users(testId), { page, perPage, status: status ?? 'all', search, step }] as const,
};
