import { connectBlocked, connectBlockedAdvice } from '../csp/connect-policy';
import { ApiError, type ApiRequestInfo } from './api-error';

/** The build-time variable that adds an API's origin to the CSP's connect-src. */
const ENV_NAMES = { guardian: 'VITE_GUARDIAN_URL', 'policy-tests': 'VITE_POLICY_TEST_URL' } as const;

/**
 * The error for a request to `url` that this page's CSP forbids, naming the fix; undefined when the
 * CSP allows it. A Web Worker carries no meta CSP: it is given the page's `sources`, and asks here
 * before its own requests, so the page's policy is honoured (and explained) there too.
 */
export function blockedByPolicyError(
  url: string,
  request: ApiRequestInfo,
  cause?: unknown,
  sources?: string[],
): ApiError | undefined {
  const blocked = connectBlocked(url, sources ? { sources } : undefined);
  if (!blocked) return undefined;
  return new ApiError({
    kind: 'network',
    message: connectBlockedAdvice(url, ENV_NAMES[request.api], blocked.allowed),
    request,
    blockedByPolicy: true,
    cause,
  });
}
