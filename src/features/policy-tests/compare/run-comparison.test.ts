import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import type { PolicyTestUser, UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';
import type { UsersPageParams } from '../api/get-policy-test-users';
import { runComparison } from './run-comparison';

const N = 2_500;
const outcome = (test: string, i: number): UserResultStatus => {
  if (test === 'A') return i % 10 === 0 ? 'blocked' : 'approved';
  return i % 5 === 0 ? 'blocked' : 'approved';
};
function fetchPage(p: UsersPageParams): Promise<PolicyTestUser[]> {
  const start = (p.page - 1) * p.perPage;
  const count = Math.max(0, Math.min(p.perPage, N - start));
  return Promise.resolve(
    Array.from({ length: count }, (_, k) => ({
      id: `u${start + k}`,
      email: '',
      name: '',
      status: outcome(p.testId, start + k),
    })),
  );
}

describe('runComparison', () => {
  it('fetches both tests and counts who moved', async () => {
    const phases: string[] = [];
    const result = await runComparison({
      a: { id: 'A', expected: N },
      b: { id: 'B', expected: N },
      fetchPage,
      yieldFn: () => Promise.resolve(),
      onProgress: (p) => phases.push(`${p.phase}:${p.a}:${p.b}`),
    });
    // Every 5th is blocked in B; every 10th was already blocked in A.
    expect(result.counts['newly-blocked']).toBe(250);
    expect(result.counts.unchanged).toBe(2_250);
    expect(result.counts['newly-approved']).toBe(0);
    expect(phases[0]).toBe('fetching:0:0');
    expect(phases.at(-1)).toBe(`comparing:${N}:${N}`);
  });

  it('stops the other side when one side fails', async () => {
    const calls: string[] = [];
    const failing = vi.fn((p: UsersPageParams, signal?: AbortSignal) => {
      calls.push(`${p.testId}${p.page}`);
      if (p.testId === 'B')
        return Promise.reject(
          new ApiError({
            kind: 'http',
            status: 404,
            message: 'gone',
            request: { api: 'policy-tests', method: 'GET', path: '' },
          }),
        );
      return new Promise<PolicyTestUser[]>((resolve, reject) => {
        signal?.addEventListener('abort', () =>
          reject(
            new ApiError({ kind: 'aborted', message: 'x', request: { api: 'policy-tests', method: 'GET', path: '' } }),
          ),
        );
        setTimeout(() => resolve([]), 1_000);
      });
    });
    await expect(
      runComparison({ a: { id: 'A', expected: N }, b: { id: 'B', expected: N }, fetchPage: failing }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(calls).toEqual(['A1', 'B1']);
  });
});
