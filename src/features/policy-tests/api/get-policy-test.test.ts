import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import type { PolicyTest, PolicyTestStatus } from '@/lib/api/policy-tests/policy-test-schema';
import { HIDDEN_POLL_FACTOR, POLL_INTERVAL_MS, pollInterval, pollingCanRecover, retryStatus } from './get-policy-test';

const test = (status: PolicyTestStatus): PolicyTest => ({
  id: 't',
  status,
  totalUsers: 10,
  percentUsersProcessed: 50,
  usersApproved: 5,
  usersBlocked: 0,
  usersErrored: 0,
  percentApproved: 100,
  percentBlocked: 0,
  percentErrored: 0,
});
const httpError = (status: number) =>
  new ApiError({ kind: 'http', status, message: 'x', request: { api: 'policy-tests', method: 'GET', path: '/t' } });
const query = (data?: PolicyTest, error: Error | null = null) => ({ state: { data, error } });

describe('pollInterval (the polling stop rule)', () => {
  it('polls every second while processing, and before the first answer', () => {
    expect(pollInterval(query(test('processing')), 'visible')).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(query(undefined), 'visible')).toBe(POLL_INTERVAL_MS);
  });

  it.each(['complete', 'exceeded time', 'blocked'] as const)('stops for good at %s', (status) => {
    expect(pollInterval(query(test(status)), 'visible')).toBe(false);
    expect(pollInterval(query(test(status)), 'hidden')).toBe(false);
  });

  it('slows down five-fold in a hidden tab', () => {
    expect(pollInterval(query(test('processing')), 'hidden')).toBe(POLL_INTERVAL_MS * HIDDEN_POLL_FACTOR);
  });

  it('keeps polling through a passing fault but stops when the test is gone or access is refused', () => {
    expect(pollInterval(query(test('processing'), httpError(503)), 'visible')).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(query(test('processing'), httpError(404)), 'visible')).toBe(false);
    expect(pollInterval(query(undefined, httpError(403)), 'visible')).toBe(false);
  });
});

describe('pollingCanRecover / retryStatus', () => {
  it('retries what may pass by itself and nothing else', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(pollingCanRecover(httpError(status))).toBe(true);
    for (const status of [400, 401, 403, 404]) expect(pollingCanRecover(httpError(status))).toBe(false);
    const request = { api: 'policy-tests', method: 'GET', path: '/t' } as const;
    expect(pollingCanRecover(new ApiError({ kind: 'network', message: 'x', request }))).toBe(true);
    expect(pollingCanRecover(new ApiError({ kind: 'schema', message: 'x', request }))).toBe(false);
    expect(pollingCanRecover(new Error('boom'))).toBe(false);
    expect(retryStatus(3, httpError(503))).toBe(true);
    expect(retryStatus(0, httpError(404))).toBe(false);
  });
});
