import { describe, expect, it } from 'vitest';
import { ExprEvalError } from './errors';

describe('expression failures', () => {
  it('capture no stack trace, and leave the stack trace limit as it was', () => {
    const limit = Error.stackTraceLimit;
    const error = new ExprEvalError('nil-member', 'cannot fetch name from <nil>');
    expect(error.stack ?? '').not.toMatch(/\n\s+at /);
    expect(new Error('an ordinary error').stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(error).toMatchObject({ name: 'ExprEvalError', kind: 'nil-member', message: 'cannot fetch name from <nil>' });
  });
});
