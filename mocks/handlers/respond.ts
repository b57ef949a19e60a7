import { HttpResponse } from 'msw';

/** Guardian's error body: grpc-gateway's rpcStatus, zero fields left out. */
export function guardianError(status: number, code: number, message: string, headers?: Record<string, string>) {
  return HttpResponse.json({ code, message }, { status, headers });
}

export interface CfMessage {
  code: number;
  message: string;
  error_chain?: CfMessage[];
}

/** The Cloudflare envelope, on success. */
export function cfSuccess(result: unknown) {
  return HttpResponse.json({ success: true, errors: [], messages: [], result });
}

/** The Cloudflare envelope, on failure: non-2xx, `success: false`, `result: null`. */
export function cfFailure(status: number, errors: CfMessage[], headers?: Record<string, string>) {
  return HttpResponse.json({ success: false, errors, messages: [], result: null }, { status, headers });
}

/**
 * Cloudflare error codes. Auth ones are the real API's; the rest are the mock's choice (the public
 * spec lists none for this endpoint), all ≥ 1000 as `access_messages` requires.
 */
export const CF = {
  missingAuth: { code: 9106, message: 'Missing X-Auth-Key, X-Auth-Email or Authorization headers' },
  badHeaders: 6003,
  badAuthorization: { code: 6111, message: 'Invalid format for Authorization header' },
  badAuthKey: { code: 6103, message: 'Invalid format for X-Auth-Key header' },
  badAuthEmail: { code: 6102, message: 'Invalid format for X-Auth-Email header' },
  authError: { code: 10000, message: 'Authentication error' },
  noRoute: 7003,
  invalidRequest: 10400,
  rateLimited: 10429,
  internal: 10500,
  unavailable: 10503,
} as const;

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
