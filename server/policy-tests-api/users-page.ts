import { OUTCOME_WORDS } from '../../src/lib/appeal';
import type { UserRow, UsersQuery, UserWhy } from './contracts';
import { APPROVED, BLOCKED, ERRORED, type PackedResults } from './packed-results';
import type { SearchablePeople, UserSearch } from './search-users';
import type { TestExplainer, WhoIs } from './test-explainer';

/** What a store holds of one test, for its users pages: every store answers pages the same way. */
export interface TestResults {
  results: PackedResults;
  explainer: TestExplainer;
  whoIs: WhoIs;
  /** The test's people, for `search`. */
  people: SearchablePeople;
}

const OUTCOME_OF = { approved: APPROVED, blocked: BLOCKED, error: ERRORED } as const;

/** The users of one page (their indexes) and how many users the whole query matches. */
export function selectUsers(
  test: TestResults,
  query: UsersQuery,
  search: UserSearch,
): { indexes: number[]; total: number } {
  return test.results.filteredPage(query.page, query.perPage, {
    outcome: query.status === undefined ? undefined : OUTCOME_OF[query.status],
    steps: query.step === undefined ? undefined : test.explainer.stepsNamed(query.step),
    among: query.search === undefined ? undefined : search.matches(test.people, query.search),
  });
}

function whyOf(test: TestResults, i: number): UserWhy | undefined {
  return test.explainer.why(test.results.verdict(i), () => test.whoIs(i));
}

/** A users-page row for user i, named as the store's directory names them. */
export function userRow(test: TestResults, i: number, person: { id: string; email: string; name: string }): UserRow {
  const row: UserRow = {
    id: person.id,
    email: person.email,
    name: person.name,
    status: OUTCOME_WORDS[test.results.outcome(i)],
    verdict: test.results.verdict(i),
  };
  const why = whyOf(test, i);
  if (why) row.why = why;
  return row;
}
