import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { describeApiError } from './describe-api-error';

const request = { api: 'guardian' as const, method: 'GET', path: '/api/v1beta1/policies' };

describe('describeApiError', () => {
  it('ends the server’s words before adding the Retry-After sentence', () => {
    const error = new ApiError({
      kind: 'http',
      status: 429,
      retryAfter: 2,
      request,
      message: 'too many requests, please retry later',
    });
    expect(describeApiError(error)).toMatchObject({
      title: 'Too many requests',
      message: 'too many requests, please retry later. The server asked to wait 2 s before trying again.',
    });
  });

  it('does not double a full stop the server already wrote', () => {
    const error = new ApiError({ kind: 'http', status: 401, request, message: 'Authentication error.' });
    expect(describeApiError(error).message).toBe(
      'Authentication error. Check the identity email or API token in Settings.',
    );
  });
});
