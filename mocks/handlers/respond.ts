import { HttpResponse } from 'msw';
import { CF, type CfMessage } from '../../server/policy-tests-api';

/** Guardian's error body: grpc-gateway's rpcStatus, zero fields left out. */
export function guardianError(status: number, code: number, message: string, headers?: Record<string, string>) {
  return HttpResponse.json({ code, message }, { status, headers });
}

export { cfFailure, type CfMessage } from '../../server/policy-tests-api';

/** gRPC code and text grpc-gateway would give a status (for injected Guardian faults). */
export function grpcFor(status: number): { code: number; message: string } {
  switch (status) {
    case 400:
      return { code: 3, message: 'invalid argument' };
    case 401:
      return { code: 16, message: 'unable to get authenticated user from context' };
    case 403:
      return { code: 7, message: 'permission denied' };
    case 404:
      return { code: 5, message: 'policy not found' };
    case 409:
      return { code: 6, message: 'already exists' };
    case 429:
      return { code: 8, message: 'too many requests, please retry later' };
    case 501:
      return { code: 12, message: 'not implemented' };
    case 502:
    case 503:
      return { code: 14, message: 'upstream connect error or disconnect/reset before headers' };
    case 504:
      return { code: 4, message: 'context deadline exceeded' };
    default:
      return { code: 13, message: 'internal error' };
  }
}

/** Cloudflare envelope error for a status (for injected faults). */
export function cfErrorFor(status: number): CfMessage {
  switch (status) {
    case 401:
    case 403:
      return CF.authError;
    case 404:
      return { code: CF.noRoute, message: 'No route for the URI' };
    case 429:
      return { code: CF.rateLimited, message: 'Rate limited. Please wait and consider throttling your request speed' };
    case 502:
    case 503:
    case 504:
      return { code: CF.unavailable, message: 'Service temporarily unavailable, please try again' };
    default:
      return status >= 500
        ? { code: CF.internal, message: 'Internal server error' }
        : { code: CF.invalidRequest, message: 'Bad request' };
  }
}
