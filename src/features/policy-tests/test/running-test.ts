import type { PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';

/** A test 40% through 5,000 users whose counts and percentages agree, with whatever a case changes. */
export const runningTest = (patch: Partial<PolicyTest> = {}): PolicyTest => ({
  id: 't',
  status: 'processing',
  totalUsers: 5000,
  percentUsersProcessed: 40,
  usersApproved: 1000,
  usersBlocked: 600,
  usersErrored: 400,
  percentApproved: 50,
  percentBlocked: 30,
  percentErrored: 20,
  ...patch,
});
