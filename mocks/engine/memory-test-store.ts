import type { PolicyTestStore, UserRow } from '../../server/policy-tests-api';
import type { MockState } from '../state/mock-state';
import { OUTCOME_WORDS, type Outcome } from './outcome';

const OUTCOME_OF = { approved: 0, blocked: 1, error: 2 } as const satisfies Record<string, Outcome>;

/** The mock's tests, kept in memory (records persisted by the state): progress follows the clock. */
export function memoryTestStore(state: MockState): PolicyTestStore {
  return {
    start(accountId, policies) {
      return { id: state.startTest(accountId, policies).id };
    },
    summary(accountId, testId) {
      const run = state.tests.get(testId, accountId);
      if (!run) return undefined;
      return { id: run.record.id, ...run.summary(state.clock.now()) };
    },
    users(accountId, testId, query) {
      const run = state.tests.get(testId, accountId);
      if (!run) return undefined;
      const outcome = query.status === undefined ? undefined : OUTCOME_OF[query.status];
      return run
        .page(state.clock.now(), query.page, query.perPage, outcome)
        .map((u): UserRow => ({ id: u.id, email: u.email, name: u.name, status: OUTCOME_WORDS[u.outcome] }));
    },
  };
}
