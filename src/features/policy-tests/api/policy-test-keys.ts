import type { UserStatusFilter } from '@/lib/api/policy-tests/policy-test-schema';

interface UsersPageKey {
  testId: string;
  page: number;
  perPage: number;
  status?: UserStatusFilter;
  search?: string;
  step?: string;
}

export const policyTestKeys = {
  all: ['policy-tests'] as const,
  status: (id: string) => [...policyTestKeys.all, 'status', id] as const,
  users: (id: string) => [...policyTestKeys.all, 'users', id] as const,
  usersPage: ({ testId, page, perPage, status, search, step }: UsersPageKey) =>
    [...policyTestKeys.users(testId), { page, perPage, status: status ?? 'all', search, step }] as const,
};
