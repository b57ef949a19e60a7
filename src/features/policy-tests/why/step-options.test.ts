import { describe, expect, it } from 'vitest';
import { stepOptions } from './step-options';
import { whyWords } from './why-words';

describe('stepOptions', () => {
  const reasons = [
    { status: 'blocked' as const, users: 30, step: 'security', reason: 'approve_if_false' },
    { status: 'approved' as const, users: 50, step: 'manager', reason: 'awaits_approval' },
    { status: 'error' as const, users: 25, step: 'security', reason: 'approve_if_error' },
    { status: 'error' as const, users: 5, reason: 'creator_lookup_failed' },
  ];

  it('adds up users per deciding step, most first, with no step as its own word', () => {
    expect(stepOptions(reasons)).toEqual([
      { step: 'security', users: 55 },
      { step: 'manager', users: 50 },
      { step: '(no step)', users: 5 },
    ]);
  });

  it('of one outcome only', () => {
    expect(stepOptions(reasons, 'error')).toEqual([
      { step: 'security', users: 25 },
      { step: '(no step)', users: 5 },
    ]);
  });
});

describe('whyWords', () => {
  it('step and reason in words; a reason this console does not know as the server wrote it', () => {
    expect(whyWords({ step: 'security', reason: 'approve_if_false' })).toBe('`security`: `approve_if` was false');
    expect(whyWords({ reason: 'creator_lookup_failed' })).toBe('the IAM lookup of the creator failed');
    expect(whyWords({ step: 's', reason: 'quota_exceeded' })).toBe('`s`: quota_exceeded');
  });
});
