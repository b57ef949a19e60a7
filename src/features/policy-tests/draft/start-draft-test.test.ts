// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import {
  listRecentTests,
  recordTestStatus,
  rememberTest,
  resetRecentTestsCache,
  type RecentTest,
} from '../recent/recent-tests-store';
import { startDraftTest, type DraftTestDeps } from './start-draft-test';

const NOW = new Date();
const EARLIER = new Date(NOW.getTime() - 20 * 60_000).toISOString();
const status = (s: PolicyTest['status'], totalUsers = 5000): PolicyTest => ({
  id: 'x',
  status: s,
  totalUsers,
  percentUsersProcessed: 100,
  usersApproved: totalUsers,
  usersBlocked: 0,
  usersErrored: 0,
  percentApproved: 100,
  percentBlocked: 0,
  percentErrored: 0,
});

function deps(statuses: Record<string, PolicyTest> = {}) {
  let n = 0;
  const start = vi.fn(() => Promise.resolve({ id: `t${++n}`, status: 'success' as const }));
  const get = vi.fn((id: string) => (statuses[id] ? Promise.resolve(statuses[id]) : Promise.reject(new Error('404'))));
  return { start, status: get, now: () => NOW } satisfies DraftTestDeps;
}

const wire = { id: 'p', steps: [{ name: 's', strategy: 'auto', approve_if: 'true' }] };

beforeEach(() => {
  localStorage.clear();
  resetRecentTestsCache();
});

describe('startDraftTest', () => {
  it('tests the draft inline and its saved version by id, and remembers them as a pair', async () => {
    const d = deps();
    const started = await startDraftTest({ wire, policyId: 'p', baseVersion: 3 }, d);
    expect(d.start.mock.calls).toEqual([[[wire]], [['p:3']]]);
    expect(started).toEqual({ draftTestId: 't1', base: { testId: 't2', reused: false } });
    const draft = listRecentTests().find((t) => t.id === 't1')!;
    expect(draft).toMatchObject({ policies: ['p:draft'], draft: { policyId: 'p', baseVersion: 3, baseTestId: 't2' } });
    expect(listRecentTests().find((t) => t.id === 't2')).toMatchObject({ policies: ['p:3'] });
  });

  it('keeps the draft test at once, but as the policy’s draft test only once its saved version’s test is known', async () => {
    const d = deps();
    const seenWhileBaseStarts: (RecentTest | undefined)[] = [];
    d.start.mockImplementationOnce(() => Promise.resolve({ id: 'd1', status: 'success' as const }));
    d.start.mockImplementationOnce(() => {
      seenWhileBaseStarts.push(listRecentTests().find((t) => t.id === 'd1'));
      return Promise.resolve({ id: 'b1', status: 'success' as const });
    });
    await startDraftTest({ wire, policyId: 'p', baseVersion: 3 }, d);
    // Kept (a reload finds it), not yet shown as a draft whose saved version "could not be tested".
    expect(seenWhileBaseStarts).toEqual([expect.objectContaining({ id: 'd1', policies: ['p:draft'] })]);
    expect(seenWhileBaseStarts[0]?.draft).toBeUndefined();
    expect(listRecentTests().find((t) => t.id === 'd1')).toMatchObject({ draft: { baseTestId: 'b1' } });
  });

  it('reuses a finished test of that version over as many users, instead of testing it again', async () => {
    rememberTest({ id: 'old', policies: ['p:3'], startedAt: EARLIER });
    recordTestStatus('old', status('complete'), true);
    const d = deps({ old: status('complete'), t1: status('processing') });
    const started = await startDraftTest({ wire, policyId: 'p', baseVersion: 3 }, d);
    expect(d.start).toHaveBeenCalledTimes(1);
    expect(started.base).toEqual({ testId: 'old', reused: true });
  });

  it('tests the version again when the finished one ran over another number of users, or is gone', async () => {
    rememberTest({ id: 'old', policies: ['p:3'], startedAt: EARLIER });
    recordTestStatus('old', status('complete'), true);
    const other = deps({ old: status('complete', 4000), t1: status('processing', 5000) });
    expect((await startDraftTest({ wire, policyId: 'p', baseVersion: 3 }, other)).base).toMatchObject({
      reused: false,
    });
    const gone = deps({ t1: status('processing') });
    expect((await startDraftTest({ wire, policyId: 'p', baseVersion: 3 }, gone)).base).toMatchObject({ reused: false });
  });

  it('a new policy has no version to compare with; a base that cannot start leaves the draft running', async () => {
    const d = deps();
    expect(await startDraftTest({ wire, policyId: 'p' }, d)).toEqual({ draftTestId: 't1' });
    const failing = deps();
    failing.start.mockImplementationOnce(() => Promise.resolve({ id: 'd1', status: 'success' as const }));
    failing.start.mockImplementationOnce(() => Promise.reject(new Error('too many tests')));
    const started = await startDraftTest({ wire, policyId: 'p', baseVersion: 1 }, failing);
    expect(started).toMatchObject({ draftTestId: 'd1', baseError: new Error('too many tests') });
    expect(listRecentTests().find((t) => t.id === 'd1')).toMatchObject({ draft: { policyId: 'p', baseVersion: 1 } });
  });
});
