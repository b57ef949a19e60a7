import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import {
  MAX_RECENT_TESTS,
  RECENT_TESTS_KEY,
  findRecentTest,
  forgetTest,
  listRecentTests,
  recordTestStatus,
  rememberTest,
  resetRecentTestsCache,
  updateRecentTest,
  useRecentTests,
} from './recent-tests-store';

const status = (overrides: Partial<PolicyTest> = {}): PolicyTest => ({
  id: 't1',
  status: 'processing',
  totalUsers: 100,
  percentUsersProcessed: 40,
  usersApproved: 30,
  usersBlocked: 8,
  usersErrored: 2,
  percentApproved: 75,
  percentBlocked: 20,
  percentErrored: 5,
  ...overrides,
});

beforeEach(() => {
  localStorage.clear();
  resetRecentTestsCache();
});

describe('recent tests store', () => {
  it('remembers launched tests newest first and survives a reload', () => {
    rememberTest({ id: 'a', policies: ['p:1'], startedAt: '2026-01-01T10:00:00.000Z' });
    rememberTest({ id: 'b', policies: ['p:2'], startedAt: '2026-01-01T11:00:00.000Z' });
    resetRecentTestsCache();
    expect(listRecentTests().map((t) => t.id)).toEqual(['b', 'a']);
    expect(findRecentTest('a')).toMatchObject({ policies: ['p:1'], firstSeenAt: '2026-01-01T10:00:00.000Z' });
  });

  it('keeps what it knew when a known test is opened again by link', () => {
    rememberTest({ id: 'a', policies: ['p:1'], startedAt: '2026-01-01T10:00:00.000Z' });
    rememberTest({ id: 'a' });
    expect(findRecentTest('a')).toMatchObject({ policies: ['p:1'], startedAt: '2026-01-01T10:00:00.000Z' });
    expect(listRecentTests()).toHaveLength(1);
  });

  it('records the last status and the moment it first turned terminal', () => {
    rememberTest({ id: 't1', policies: ['p:1'] });
    recordTestStatus('t1', status(), false);
    expect(findRecentTest('t1')).toMatchObject({ lastStatus: 'processing', approved: 30, finishedAt: undefined });
    recordTestStatus('t1', status({ status: 'complete' }), true);
    const finishedAt = findRecentTest('t1')!.finishedAt;
    expect(finishedAt).toBeDefined();
    expect(findRecentTest('t1')!.finishSeen).toBe(true);
    recordTestStatus('t1', status({ status: 'complete' }), true);
    expect(findRecentTest('t1')!.finishedAt).toBe(finishedAt);
  });

  it('knows when it only saw the end, not the finish', () => {
    rememberTest({ id: 'late' });
    recordTestStatus('late', status({ status: 'complete' }), true);
    expect(findRecentTest('late')).toMatchObject({ lastStatus: 'complete', finishSeen: false });
  });

  it('drops broken entries from storage instead of crashing', () => {
    localStorage.setItem(
      RECENT_TESTS_KEY,
      JSON.stringify([
        { id: 'ok', firstSeenAt: '2026-01-01T10:00:00.000Z' },
        { id: 42 },
        'junk',
        { id: 'x', firstSeenAt: 'yesterday' },
      ]),
    );
    expect(listRecentTests().map((t) => t.id)).toEqual(['ok']);
    localStorage.setItem(RECENT_TESTS_KEY, '{not json');
    resetRecentTestsCache();
    expect(listRecentTests()).toEqual([]);
  });

  it('caps the list', () => {
    for (let i = 0; i < MAX_RECENT_TESTS + 5; i += 1) rememberTest({ id: `t${i}` });
    expect(listRecentTests()).toHaveLength(MAX_RECENT_TESTS);
    expect(listRecentTests()[0]!.id).toBe(`t${MAX_RECENT_TESTS + 4}`);
  });

  it('re-renders readers on change, marks missing tests and forgets', () => {
    const { result } = renderHook(() => useRecentTests());
    act(() => rememberTest({ id: 'gone' }));
    expect(result.current.map((t) => t.id)).toEqual(['gone']);
    act(() => updateRecentTest('gone', { missing: true }));
    expect(result.current[0]!.missing).toBe(true);
    act(() => forgetTest('gone'));
    expect(result.current).toEqual([]);
  });
});
