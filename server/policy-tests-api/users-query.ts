import type { UserStatus, UsersQuery } from './contracts';

/** The users filter's words differ from the words a user is reported with. */
const FILTER_WORDS: Readonly<Record<string, UserStatus>> = {
  success: 'approved',
  fail: 'blocked',
  error: 'error',
};
const MAX_PER_PAGE = 1000;
const DEFAULT_PER_PAGE = 25;

/** `?page&per_page&status`: 1-based page (absent = 1), per_page 1..1000 (default 25), filter words. */
export function parseUsersQuery(
  search: URLSearchParams,
): { ok: true; query: UsersQuery } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const page = search.get('page') ?? '1';
  const perPage = search.get('per_page') ?? String(DEFAULT_PER_PAGE);
  const status = search.get('status');
  if (!/^\d+$/.test(page) || Number(page) < 1) problems.push('page: must be an integer of at least 1');
  if (!/^\d+$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > MAX_PER_PAGE) {
    problems.push(`per_page: must be an integer from 1 to ${MAX_PER_PAGE}`);
  }
  if (status !== null && !Object.hasOwn(FILTER_WORDS, status))
    problems.push('status: must be one of success, fail, error');
  if (problems.length > 0) return { ok: false, problems };
  const query: UsersQuery = { page: Number(page), perPage: Number(perPage) };
  if (status !== null) query.status = FILTER_WORDS[status];
  return { ok: true, query };
}
