import { NO_STEP_FILTER, type ReasonCount, type UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';

export interface StepOption {
  /** The `step` filter word. */
  step: string;
  users: number;
}

/**
 * The steps a test's users were decided at, with how many users each (of one outcome, or all),
 * most first; from the status's reasons (our test servers' extension). Users no step decided come
 * under NO_STEP_FILTER.
 */
export function stepOptions(reasons: readonly ReasonCount[], status?: UserResultStatus): StepOption[] {
  const users = new Map<string, number>();
  for (const r of reasons) {
    if (status !== undefined && r.status !== status) continue;
    const step = r.step ?? NO_STEP_FILTER;
    users.set(step, (users.get(step) ?? 0) + r.users);
  }
  return [...users].map(([step, n]) => ({ step, users: n })).sort((a, b) => b.users - a.users);
}
