import { describe, expect, it } from 'vitest';
import type { PolicyTest, ReasonCount } from '@/lib/api/policy-tests/policy-test-schema';
import { errorsDominate, errorsDominateWords } from './errors-dominate';

const test = (approved: number, blocked: number, errored: number, reasons?: ReasonCount[]): PolicyTest => ({
  id: 't',
  status: 'complete',
  totalUsers: approved + blocked + errored,
  percentUsersProcessed: 100,
  usersApproved: approved,
  usersBlocked: blocked,
  usersErrored: errored,
  percentApproved: 0,
  percentBlocked: 0,
  percentErrored: 0,
  ...(reasons ? { reasons } : {}),
});

describe('errors dominate', () => {
  it('when more than half the evaluated users errored', () => {
    expect(errorsDominate(test(1000, 88, 3912))).toBe(true);
    expect(errorsDominate(test(2500, 0, 2500))).toBe(false);
    expect(errorsDominate(test(0, 0, 0))).toBe(false);
  });

  it('names the most common error and its step, in words', () => {
    const words = errorsDominateWords(
      test(1000, 88, 3912, [
        { status: 'approved', users: 1000, reason: 'approved' },
        {
          status: 'error',
          users: 3500,
          step: 'security_review',
          reason: 'approve_if_error',
          error: 'unknown func lower',
        },
        { status: 'error', users: 412, reason: 'creator_lookup_failed', error: '404' },
      ]),
    );
    expect(words.headline).toBe(
      '3,912 of 5,000 users (78%) errored: the most common error is “unknown func lower”, at step `security_review` (3,500 of them).',
    );
  });

  it('says the reason in words where the error has no text, and when the server says nothing', () => {
    const noText = errorsDominateWords(
      test(0, 0, 10, [{ status: 'error', users: 10, step: 'm', reason: 'approver_nil' }]),
    );
    expect(noText.headline).toMatch(
      /the most common error is an approver expression gave nil, at step `m` \(every one of them\)/,
    );
    const silent = errorsDominateWords(test(1, 0, 9));
    expect(silent.headline).toBe('9 of 10 users (90%) errored.');
    expect(silent.detail).toMatch(/does not report why/);
  });
});
