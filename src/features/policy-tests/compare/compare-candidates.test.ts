import { describe, expect, it } from 'vitest';
import type { RecentTest } from '../recent/recent-tests-store';
import { compareCandidates } from './compare-candidates';

const test = (id: string, policy: string, minute: number, extra: Partial<RecentTest> = {}): RecentTest => ({
  id,
  policies: [policy],
  firstSeenAt: `2026-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  startedAt: `2026-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  ...extra,
});

describe('compareCandidates', () => {
  const recent = [
    test('v4-now', 'p:4', 50),
    test('other-policy', 'q:4', 45),
    test('v4-earlier', 'p:4', 40),
    test('v3', 'p:3', 30),
    test('v5', 'p:5', 20),
    test('gone', 'p:2', 10, { missing: true }),
    test('two-policies', 'p:1', 5, { policies: ['p:1', 'p:2'] }),
  ];

  it('offers the same policy’s other versions first, newest first, then earlier runs of this version', () => {
    expect(compareCandidates(recent, 'v4-now').map((c) => c.test.id)).toEqual(['v3', 'v5', 'v4-earlier']);
  });

  it('puts the older version (or the earlier run) on side A', () => {
    const byId = Object.fromEntries(compareCandidates(recent, 'v4-now').map((c) => [c.test.id, [c.a, c.b]]));
    expect(byId['v3']).toEqual(['v3', 'v4-now']);
    expect(byId['v5']).toEqual(['v4-now', 'v5']);
    expect(byId['v4-earlier']).toEqual(['v4-earlier', 'v4-now']);
  });

  it('has nothing to offer for a test of several policies, or one it does not know', () => {
    expect(compareCandidates(recent, 'two-policies')).toEqual([]);
    expect(compareCandidates(recent, 'unknown')).toEqual([]);
  });
});
