import type { RequestHandler } from 'msw';
import type { MockState } from '../state/mock-state';
import { controlHandlers } from './control';
import { guardianFallback, guardianHandlers } from './guardian';
import { cloudflareFallback, policyTestHandlers } from './policy-tests';

/**
 * The one set of handlers every transport serves. `base` is what a URL must start with: `*` (any
 * origin: msw/node and the HTTP server) or the page's origin (the browser, so that a real server
 * configured in Settings is never answered by the mock).
 */
export function createHandlers(state: MockState, base = '*'): RequestHandler[] {
  // MSW tries handlers in order and reads the request's cookies for every one it tries: the API's
  // routes come first (their paths and /__mock/* never overlap), the catch-alls last.
  return [
    ...guardianHandlers(state, base),
    ...policyTestHandlers(state, base),
    ...controlHandlers(state, base),
    guardianFallback(base),
    cloudflareFallback(base),
  ];
}
