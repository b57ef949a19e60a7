import type { PolicyTestStore } from '../../server/policy-tests-api';
import { UserSearch, type SearchablePeople } from '../../server/policy-tests-api/search-users';
import { selectUsers, userRow, type TestResults } from '../../server/policy-tests-api/users-page';
import type { MockState } from '../state/mock-state';
import type { TestRun } from './test-run';

/** The synthetic directory of a test, for `search`: computed per index like the rest of it. */
function peopleOf(run: TestRun): SearchablePeople {
  const { directory, record } = run;
  return {
    key: `synthetic:${record.seed}:${record.userCount}:${record.hostileNames}`,
    size: directory.size,
    emailAt: (i) => directory.email(i),
    nameAt: (i) => directory.name(i),
  };
}

/** The mock's tests, kept in memory (records persisted by the state): progress follows the clock. */
export function memoryTestStore(state: MockState): PolicyTestStore {
  const search = new UserSearch();
  const resultsOf = (run: TestRun): TestResults => ({
    results: run.results(state.clock.now()),
    explainer: run.explainer,
    whoIs: run.whoIs,
    people: peopleOf(run),
  });
  return {
    start(accountId, policies) {
      return { id: state.startTest(accountId, policies).id };
    },
    summary(accountId, testId) {
      const run = state.tests.get(testId, accountId);
      if (!run) return undefined;
      // One instant for both: the reasons then add up to the counts beside them, even mid-run.
      const now = state.clock.now();
      const summary = { id: run.record.id, ...run.summary(now) };
      const reasons = run.explainer.reasons(run.results(now).tally, run.whoIs);
      return reasons ? { ...summary, reasons } : summary;
    },
    users(accountId, testId, query) {
      const run = state.tests.get(testId, accountId);
      if (!run) return undefined;
      const test = resultsOf(run);
      const { indexes, total } = selectUsers(test, query, search);
      return { rows: indexes.map((i) => userRow(test, i, run.directory.user(i))), total };
    },
  };
}
