import { describe, expect, it, vi } from 'vitest';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import type { UsersPageParams } from '../api/get-policy-test-users';
import { ComparisonRun } from './comparison-run';

const PER_PAGE = 10;
const people = (from: number, n: number, status: PolicyTestUser['status']) =>
  Array.from({ length: n }, (_, i) => ({ id: `u${from + i}`, email: `u${from + i}@x.co`, name: '', status }));

/** Two servers whose tests have evaluated `done` users each, listed in order. */
function servers() {
  const done = { A: 0, B: 0 };
  const fetchPage = vi.fn((p: UsersPageParams) => {
    const upTo = done[p.testId as 'A' | 'B'];
    const start = (p.page - 1) * p.perPage;
    const n = Math.max(0, Math.min(p.perPage, upTo - start));
    return Promise.resolve(people(start, n, p.testId === 'A' ? 'approved' : 'blocked'));
  });
  return { done, fetchPage };
}

describe('ComparisonRun', () => {
  it('reads a page once the status says it is full, the short last one once the test is done', async () => {
    const { done, fetchPage } = servers();
    const run = new ComparisonRun({ a: 'A', b: 'B' }, { fetchPage, perPage: PER_PAGE, notifyEveryMs: 0, idleMs: 50 });
    run.start();
    done.A = 15;
    done.B = 9;
    run.setProgress('a', { processed: 15, terminal: false });
    run.setProgress('b', { processed: 9, terminal: false });
    // A's first page is full; B has no full page yet: nothing fetched for it.
    await vi.waitFor(() => expect(fetchPage.mock.calls.map(([p]) => `${p.testId}${p.page}`)).toEqual(['A1']));
    done.B = 25;
    run.setProgress('b', { processed: 25, terminal: false });
    await vi.waitFor(() =>
      expect(run.getSnapshot().comparison).toMatchObject({ counts: { 'newly-blocked': 10 }, pending: 10 }),
    );
    done.A = 25;
    run.setProgress('a', { processed: 25, terminal: true });
    run.setProgress('b', { processed: 25, terminal: true });
    await vi.waitFor(() => expect(run.getSnapshot().state.kind).toBe('done'));
    expect(run.getSnapshot().comparison).toMatchObject({ complete: true, counts: { 'newly-blocked': 25 }, pending: 0 });
    // Each page read once, the short last page (and never a page past the end) once each test was done.
    const calls = fetchPage.mock.calls.map(([p]) => `${p.testId}${p.page}`);
    expect(calls.filter((c) => c === 'A3')).toHaveLength(1);
    expect(calls.filter((c) => c === 'A1')).toHaveLength(1);
  });

  it('stops and says so when a server hands back the same page whatever page is asked for', async () => {
    const fetchPage = vi.fn(() => Promise.resolve(people(0, PER_PAGE, 'approved')));
    const run = new ComparisonRun({ a: 'A', b: 'B' }, { fetchPage, perPage: PER_PAGE, idleMs: 50 });
    run.start();
    run.setProgress('a', { processed: 100, terminal: true });
    run.setProgress('b', { processed: 100, terminal: true });
    await vi.waitFor(() => expect(run.getSnapshot().state.kind).toBe('failed'));
    const state = run.getSnapshot().state;
    expect(state.kind === 'failed' && String(state.error)).toMatch(/does not page/);
  });

  it('a pause stops reading; going on resumes from the next page', async () => {
    const { done, fetchPage } = servers();
    const run = new ComparisonRun({ a: 'A', b: 'B' }, { fetchPage, perPage: PER_PAGE, idleMs: 50 });
    run.start();
    run.stop();
    await vi.waitFor(() => expect(run.getSnapshot().state.kind).toBe('stopped'));
    done.A = done.B = 20;
    run.setProgress('a', { processed: 20, terminal: true });
    run.setProgress('b', { processed: 20, terminal: true });
    expect(fetchPage).not.toHaveBeenCalled();
    run.start();
    await vi.waitFor(() => expect(run.getSnapshot().state.kind).toBe('done'));
    expect(run.getSnapshot().comparison.counts['newly-blocked']).toBe(20);
  });
});
