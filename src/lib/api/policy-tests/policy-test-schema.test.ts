import { describe, expect, it } from 'vitest';
import { policyTestSchema, policyTestUserSchema, resultInfoSchema } from './policy-test-schema';

const row = { id: 'u1', email: 'a@x.co', name: 'A', status: 'blocked' };

describe('why-fields (our test servers’ extension)', () => {
  it('are read into `why` when a row has a reason; a row without is as the real API sends it', () => {
    expect(policyTestUserSchema.parse({ ...row, step: 'security', reason: 'approve_if_false' })).toEqual({
      ...row,
      why: { step: 'security', reason: 'approve_if_false' },
    });
    expect(policyTestUserSchema.parse(row)).toEqual(row);
  });

  it('a field of the wrong type is dropped, never the row', () => {
    expect(policyTestUserSchema.parse({ ...row, step: 3, reason: 'when_error', error: { x: 1 } })).toEqual({
      ...row,
      why: { reason: 'when_error' },
    });
    expect(policyTestUserSchema.parse({ ...row, reason: null })).toEqual(row);
  });

  it('the status’s reasons are read when well-formed, and dropped as a whole when not', () => {
    const status = { status: 'complete', total_users: 2, users_blocked: 2 };
    const reasons = [{ status: 'blocked', users: 2, step: 's', reason: 'approve_if_false', extra: true }];
    expect(policyTestSchema.parse({ ...status, reasons }).reasons).toEqual([
      { status: 'blocked', users: 2, step: 's', reason: 'approve_if_false' },
    ]);
    expect(policyTestSchema.parse({ ...status, reasons: 'many' })).not.toHaveProperty('reasons');
    expect(policyTestSchema.parse(status)).not.toHaveProperty('reasons');
  });
});

describe('resultInfoSchema', () => {
  it('reads the total and the echoed filters, dropping what is odd', () => {
    expect(resultInfoSchema.parse({ page: 1, total_count: 12, search: 'ana', step: 's' })).toEqual({
      totalCount: 12,
      search: 'ana',
      step: 's',
    });
    expect(resultInfoSchema.parse({ total_count: '12', search: 4 })).toEqual({});
  });
});
