import { describe, expect, it } from 'vitest';
import type { PolicyTestUser, UserResultStatus, UserWhy } from '@/lib/api/policy-tests/policy-test-schema';
import { LiveComparison } from './live-comparison';
import { comparedIndexes } from './select-compared';

const user = (id: string, status: UserResultStatus, why?: UserWhy): PolicyTestUser => ({
  id,
  email: `${id}@x.co`,
  name: id,
  status,
  ...(why ? { why } : {}),
});
const blockedAt = (step: string): UserWhy => ({ step, reason: 'approve_if_false' });

describe('LiveComparison', () => {
  it('matches users as both tests report them, in any order, and counts only matched ones', () => {
    const live = new LiveComparison();
    live.add('b', [user('u1', 'blocked', blockedAt('security')), user('u2', 'approved')]);
    expect(live.snapshot()).toMatchObject({ pending: 2, counts: { 'newly-blocked': 0 }, changed: [] });
    live.add('a', [user('u1', 'approved'), user('u2', 'approved'), user('u3', 'error')]);
    const s = live.snapshot();
    expect(s.rows.map((r) => [r.id, r.a, r.b, r.change])).toEqual([
      ['u1', 'approved', 'blocked', 'newly-blocked'],
      ['u2', 'approved', 'approved', 'unchanged'],
      ['u3', 'error', undefined, undefined],
    ]);
    expect(s).toMatchObject({ pending: 1, read: { a: 3, b: 2 }, complete: false, explained: true });
    expect(s.counts).toMatchObject({ 'newly-blocked': 1, unchanged: 1 });
  });

  it('groups changes by the step B now decides at, most users first', () => {
    const live = new LiveComparison();
    live.add(
      'a',
      ['u1', 'u2', 'u3', 'u4'].map((id) => user(id, 'approved')),
    );
    live.add('b', [
      user('u1', 'blocked', blockedAt('security')),
      user('u2', 'blocked', blockedAt('manager')),
      user('u3', 'blocked', blockedAt('security')),
      user('u4', 'error', { reason: 'creator_lookup_failed', error: '404' }),
    ]);
    const s = live.snapshot();
    expect(s.groups.map((g) => [g.kind, g.step, g.users, g.indexes])).toEqual([
      ['newly-blocked', 'security', 2, [0, 2]],
      ['newly-blocked', 'manager', 1, [1]],
      ['newly-errored', undefined, 1, [3]],
    ]);
    expect(comparedIndexes(s, 'newly-blocked', 'security')).toEqual([0, 2]);
    expect(comparedIndexes(s, 'newly-errored', '(no step)')).toEqual([3]);
    expect(comparedIndexes(s, 'changed', 'security')).toEqual([0, 2]);
    expect(comparedIndexes(s, 'changed', undefined)).toEqual([0, 1, 2, 3]);
    expect(comparedIndexes(s, 'all', 'security')).toBeUndefined();
  });

  it('a page read twice counts once; at the end, users only one test reported are said as such', () => {
    const live = new LiveComparison();
    const page = [user('u1', 'approved'), user('u2', 'blocked')];
    expect(live.add('a', page)).toBe(2);
    expect(live.add('a', page)).toBe(0);
    live.add('b', [user('u1', 'approved'), user('u9', 'error')]);
    live.finish();
    const s = live.snapshot();
    expect(s.counts).toMatchObject({ unchanged: 1, 'only-in-a': 1, 'only-in-b': 1 });
    expect(s).toMatchObject({ pending: 0, complete: true, read: { a: 2, b: 2 } });
  });

  it('a server that reports no why leaves the comparison without steps, and says so', () => {
    const live = new LiveComparison();
    live.add('a', [user('u1', 'approved')]);
    live.add('b', [user('u1', 'blocked')]);
    expect(live.snapshot()).toMatchObject({ explained: false, groups: [{ kind: 'newly-blocked', step: undefined }] });
  });
});
