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

  it('counts the whole wait of a request retried after timeouts, not one try', () => {
    const error = new ApiError({ kind: 'timeout', request, message: 'The server did not answer within 15 s.' });
    expect(describeApiError(error, { ms: 67_400, attempts: 4 })).toMatchObject({
      title: 'Guardian did not answer in time',
      message: 'The server did not answer within 15 s. No answer to any of 4 tries: 67 s in all.',
    });
    expect(describeApiError(error, { ms: 15_000, attempts: 1 }).message).toBe('The server did not answer within 15 s.');
  });

  it('says how often an unreachable server was tried', () => {
    const error = new ApiError({ kind: 'network', request, message: 'The server could not be reached.' });
    expect(describeApiError(error, { ms: 7_200, attempts: 4 }).message).toBe(
      'The server could not be reached. Tried 4 times over 7 s.',
    );
  });
});
