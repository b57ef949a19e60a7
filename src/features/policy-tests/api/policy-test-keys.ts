import type { UserStatusFilter } from '@/lib/api/policy-tests/policy-test-schema';

export const policyTestKeys = {
  all: ['policy-tests'] as const,
  status: (id: string) => [...policyTestKeys.all, 'status', id] as const,
  users: (id: string) => [...policyTestKeys.all, 'users', id] as const,
  usersPage: (id: string, page: number, perPage: number, status?: UserStatusFilter) =>
    [...policyTestKeys.users(id), { page, perPage, status: status ?? 'all' }] as const,
};
