import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import type { UsersPageParams } from '../api/get-policy-test-users';
import { walkUserPages, type WalkOptions } from './walk-user-pages';

const request = { api: 'policy-tests', method: 'GET', path: '/users' } as const;
const users = (from: number, count: number): PolicyTestUser[] =>
  Array.from({ length: count }, (_, i) => ({ id: `u${from + i}`, email: '', name: '', status: 'approved' }));

/** A server with `total` users that pages like the real one: `[]` past the end. */
function server(total: number) {
  return vi.fn((params: UsersPageParams) => {
    const start = (params.page - 1) * params.perPage;
    return Promise.resolve(users(start, Math.max(0, Math.min(params.perPage, total - start))));
  });
}

async function collect(options: WalkOptions) {
  const pages: number[] = [];
  let count = 0;
  for await (const page of walkUserPages(options)) {
    pages.push(page.page);
    count += page.users.length;
  }
  return { pages, count };
}

const noSleep = () => Promise.resolve();

describe('walkUserPages', () => {
  it('walks every page and stops at a short last page once the counts are reached', async () => {
    const fetchPage = server(2_500);
    expect(await collect({ testId: 't', expected: 2_500, fetchPage })).toEqual({ pages: [1, 2, 3], count: 2_500 });
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(fetchPage.mock.calls[0]![0]).toMatchObject({ perPage: 1000, page: 1 });
  });

  it('asks once more when the last page is full, and stops at the empty page', async () => {
    const fetchPage = server(2_000);
    expect(await collect({ testId: 't', expected: 2_000, fetchPage })).toEqual({ pages: [1, 2], count: 2_000 });
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('keeps going past a short page when a server pages smaller than asked', async () => {
    const fetchPage = vi.fn((p: UsersPageParams) => Promise.resolve(p.page <= 3 ? users((p.page - 1) * 100, 100) : []));
    expect(await collect({ testId: 't', expected: 300, fetchPage })).toEqual({ pages: [1, 2, 3], count: 300 });
  });

  it('passes the status filter through', async () => {
    const fetchPage = server(10);
    await collect({ testId: 't', status: 'fail', expected: 10, fetchPage });
    expect(fetchPage.mock.calls[0]![0].status).toBe('fail');
  });

  it('retries a passing fault with backoff, then carries on', async () => {
    const ok = server(1_500);
    let failures = 2;
    const fetchPage = vi.fn((p: UsersPageParams) =>
      p.page === 2 && failures-- > 0
        ? Promise.reject(new ApiError({ kind: 'http', status: 503, message: 'busy', request }))
        : ok(p),
    );
    const sleep = vi.fn(noSleep);
    expect(await collect({ testId: 't', expected: 1_500, fetchPage, sleep })).toEqual({ pages: [1, 2], count: 1_500 });
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('gives up on a fault that will not pass', async () => {
    const fetchPage = vi.fn(() =>
      Promise.reject(new ApiError({ kind: 'http', status: 404, message: 'gone', request })),
    );
    await expect(collect({ testId: 't', expected: 10, fetchPage, sleep: noSleep })).rejects.toMatchObject({
      status: 404,
    });
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const ok = server(5_000);
    const fetchPage = vi.fn((p: UsersPageParams) => {
      if (p.page === 2) controller.abort();
      return ok(p);
    });
    await expect(collect({ testId: 't', expected: 5_000, fetchPage, signal: controller.signal })).rejects.toMatchObject(
      { kind: 'aborted' },
    );
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('refuses to loop on a server that ignores the page parameter', async () => {
    const fetchPage = vi.fn(() => Promise.resolve(users(0, 1000)));
    await expect(collect({ testId: 't', expected: 5_000, fetchPage })).rejects.toThrow(/keeps sending/);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });
});
