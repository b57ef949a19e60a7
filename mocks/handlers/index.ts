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
  return [
    ...controlHandlers(state, base),
    ...guardianHandlers(state, base),
    ...policyTestHandlers(state, base),
    guardianFallback(base),
    cloudflareFallback(base),
  ];
}
