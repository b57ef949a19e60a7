import type { UserStatus, UsersQuery } from './contracts';

/** The users filter's words differ from the words a user is reported with. */
const FILTER_WORDS: Readonly<Record<string, UserStatus>> = {
  success: 'approved',
  fail: 'blocked',
  error: 'error',
};
const MAX_PER_PAGE = 1000;
const DEFAULT_PER_PAGE = 25;
/** Longer than any email or name a directory holds, short enough for any URL a proxy passes. */
const MAX_SEARCH = 10_000;
const MAX_STEP = 1_000;

/**
 * `?page&per_page&status`: 1-based page (absent = 1), per_page 1..1000 (default 25), filter words.
 * Our servers' extensions: `search` (text, taken literally; empty = none) and `step` (a step name).
 */
export function parseUsersQuery(
  params: URLSearchParams,
): { ok: true; query: UsersQuery } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const page = params.get('page') ?? '1';
  const perPage = params.get('per_page') ?? String(DEFAULT_PER_PAGE);
  const status = params.get('status');
  const search = params.get('search');
  const step = params.get('step');
  if (!/^\d+$/.test(page) || Number(page) < 1) problems.push('page: must be an integer of at least 1');
  if (!/^\d+$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > MAX_PER_PAGE) {
    problems.push(`per_page: must be an integer from 1 to ${MAX_PER_PAGE}`);
  }
  if (status !== null && !Object.hasOwn(FILTER_WORDS, status))
    problems.push('status: must be one of success, fail, error');
  if (search !== null && search.length > MAX_SEARCH) problems.push(`search: at most ${MAX_SEARCH} characters`);
  if (step !== null && (step === '' || step.length > MAX_STEP))
    problems.push(`step: a step name of 1 to ${MAX_STEP} characters`);
  if (problems.length > 0) return { ok: false, problems };
  const query: UsersQuery = { page: Number(page), perPage: Number(perPage) };
  if (status !== null) query.status = FILTER_WORDS[status];
  if (search) query.search = search;
  if (step !== null) query.step = step;
  return { ok: true, query };
}
