import { describe, expect, it } from 'vitest';
import type { PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { apiStatusFilter, pageCount, parseUsersView, usersMatching, writeUsersView } from './users-url-params';

const parse = (qs: string) => parseUsersView(new URLSearchParams(qs));

describe('parseUsersView', () => {
  it('reads page, page size and filter from the address', () => {
    expect(parse('page=3&per_page=100&status=blocked')).toEqual({
      page: 3,
      perPage: 100,
      status: 'blocked',
      search: '',
      notices: [],
    });
  });

  it('defaults quietly when the params are absent', () => {
    expect(parse('')).toEqual({ page: 1, perPage: 25, status: 'all', search: '', notices: [] });
  });

  it('falls back to sane values, and says so, for malformed params', () => {
    const view = parse('page=-2&per_page=abc&status=<script>');
    expect(view).toMatchObject({ page: 1, perPage: 25, status: 'all', search: '' });
    expect(view.notices).toHaveLength(3);
    expect(view.notices[2]).toContain('<script>');
    expect(parse('page=2.5').page).toBe(1);
    expect(parse('page=1e3').page).toBe(1);
    expect(parse(`page=${'9'.repeat(30)}`).page).toBe(1);
  });

  it('rounds an unoffered page size to the nearest offered one', () => {
    expect(parse('per_page=30')).toMatchObject({ perPage: 25, notices: [expect.stringContaining('30')] });
    expect(parse('per_page=5000').perPage).toBe(1000);
    expect(parse('per_page=400').perPage).toBe(500);
  });

  it('accepts the API filter words in links and maps them to the reported words', () => {
    expect(parse('status=fail').status).toBe('blocked');
    expect(parse('status=success').status).toBe('approved');
    expect(parse('status=ERROR').status).toBe('error');
  });
});

describe('writeUsersView', () => {
  it('round-trips and leaves defaults and unrelated params alone', () => {
    const next = writeUsersView(new URLSearchParams('tab=x&page=9'), {
      page: 1,
      perPage: 25,
      status: 'all',
      search: '',
    });
    expect(next.toString()).toBe('tab=x');
    const full = writeUsersView(new URLSearchParams(), { page: 3, perPage: 100, status: 'error', search: '' });
    expect(parseUsersView(full)).toEqual({ page: 3, perPage: 100, status: 'error', search: '', notices: [] });
  });

  it('keeps a search as typed (regex characters, spaces) and the deciding step', () => {
    for (const search of ['.*(', '   ', 'ana+b@example.com', '%20&=?#']) {
      const written = writeUsersView(new URLSearchParams(), {
        page: 1,
        perPage: 25,
        status: 'all',
        search,
        step: 's 1',
      });
      expect(parseUsersView(new URLSearchParams(written.toString()))).toMatchObject({
        search,
        step: 's 1',
        notices: [],
      });
    }
  });

  it('uses the first 1,000 characters of a longer search, and says so', () => {
    const view = parseUsersView(new URLSearchParams({ q: 'x'.repeat(10_000) }));
    expect(view.search).toHaveLength(1_000);
    expect(view.notices).toEqual([expect.stringMatching(/10,000 characters long; it uses the first 1,000/)]);
  });
});

describe('apiStatusFilter', () => {
  it('maps the shown words to the words the users endpoint filters by', () => {
    expect(apiStatusFilter('approved')).toBe('success');
    expect(apiStatusFilter('blocked')).toBe('fail');
    expect(apiStatusFilter('error')).toBe('error');
    expect(apiStatusFilter('all')).toBeUndefined();
  });
});

describe('page count', () => {
  const test: PolicyTest = {
    id: 't',
    status: 'processing',
    totalUsers: 100_000,
    percentUsersProcessed: 40,
    usersApproved: 30_001,
    usersBlocked: 9_999,
    usersErrored: 0,
    percentApproved: 75,
    percentBlocked: 25,
    percentErrored: 0,
  };

  it('comes from the status counts of the chosen filter (processed users, not the whole base)', () => {
    expect(usersMatching(test, 'all')).toBe(40_000);
    expect(pageCount(usersMatching(test, 'all'), 1000)).toBe(40);
    expect(pageCount(usersMatching(test, 'approved'), 1000)).toBe(31);
    expect(pageCount(usersMatching(test, 'blocked'), 100)).toBe(100);
  });

  it('is one page for an empty filter', () => {
    expect(pageCount(usersMatching(test, 'error'), 25)).toBe(1);
  });
});
