import { describe, expect, it, vi } from 'vitest';
import type { PolicyTestUser, UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';
import { changeKind, classify, OutcomeCollector } from './compare-outcomes';

const user = (id: string, status: UserResultStatus): PolicyTestUser => ({ id, email: `${id}@x.co`, name: id, status });

describe('changeKind', () => {
  it.each([
    ['approved', 'blocked', 'newly-blocked'],
    ['error', 'blocked', 'newly-blocked'],
    ['blocked', 'approved', 'newly-approved'],
    ['error', 'approved', 'newly-approved'],
    ['approved', 'error', 'newly-errored'],
    ['blocked', 'error', 'newly-errored'],
    ['blocked', 'blocked', 'unchanged'],
    ['approved', undefined, 'only-in-a'],
    [undefined, 'error', 'only-in-b'],
  ] as const)('%s → %s is %s', (a, b, kind) => expect(changeKind(a, b)).toBe(kind));
});

describe('classify', () => {
  it('matches users by id whatever order the pages of A and B arrive in', async () => {
    const collector = new OutcomeCollector();
    collector.add('b', [user('u3', 'blocked'), user('u9', 'approved')]);
    collector.add('a', [user('u1', 'approved'), user('u2', 'blocked'), user('u3', 'approved')]);
    collector.add('b', [user('u1', 'approved'), user('u2', 'error')]);
    collector.add('a', [user('u8', 'error')]);
    const result = await classify(collector);
    expect(result.rows.map((r) => [r.id, r.a, r.b, r.change])).toEqual([
      ['u3', 'approved', 'blocked', 'newly-blocked'],
      ['u1', 'approved', 'approved', 'unchanged'],
      ['u2', 'blocked', 'error', 'newly-errored'],
      ['u8', 'error', undefined, 'only-in-a'],
      ['u9', undefined, 'approved', 'only-in-b'],
    ]);
    expect(result.counts).toEqual({
      'newly-blocked': 1,
      'newly-approved': 0,
      'newly-errored': 1,
      unchanged: 1,
      'only-in-a': 1,
      'only-in-b': 1,
    });
    expect(result.byKind['newly-blocked']).toEqual([0]);
    expect(result.changed).toEqual([0, 2]);
  });

  it('gives the main thread back between chunks and can be cancelled', async () => {
    const collector = new OutcomeCollector();
    const many = Array.from({ length: 25_000 }, (_, i) => user(`u${i}`, i % 3 === 0 ? 'blocked' : 'approved'));
    collector.add('a', many);
    collector.add(
      'b',
      many.map((u) => ({ ...u, status: 'approved' as const })),
    );
    const yieldToMain = vi.fn(() => Promise.resolve());
    const result = await classify(collector, { chunk: 5_000, yieldToMain });
    expect(yieldToMain).toHaveBeenCalledTimes(4);
    expect(result.counts['newly-approved']).toBe(8_334);
    expect(result.counts.unchanged).toBe(16_666);

    const controller = new AbortController();
    const cancelling = vi.fn(() => {
      controller.abort();
      return Promise.resolve();
    });
    await expect(
      classify(collector, { chunk: 5_000, yieldToMain: cancelling, signal: controller.signal }),
    ).rejects.toThrow();
  });
});
