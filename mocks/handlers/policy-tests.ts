import { http, type RequestHandler } from 'msw';
import {
  createPolicyTestsApi,
  indexedDirectorySource,
  isPolicyTestsPath,
  methodNotAllowed,
  noRoute,
  type CredentialCheck,
} from '../../server/policy-tests-api';
import { catalogPolicySource } from '../db/catalog-policy-source';
import { Directory } from '../directory/directory';
import { directoryPeople } from '../directory/directory-search';
import { memoryTestStore } from '../engine/memory-test-store';
import type { MockState } from '../state/mock-state';
import { apiRoute } from './api-route';

/**
 * Cloudflare's Access policy tester over the mock catalog and in-memory tests: the shared handlers
 * (server/policy-tests-api), wrapped with the mock's latency and faults per route.
 */
const PREFIX = '/client/v4/accounts/:accountId/access/policy-tests';
/** The directory extension (server/policy-tests-api/directory-api.ts). */
const DIRECTORY = '/client/v4/accounts/:accountId/access/policy-test-directory';

/** The mock knows every credential except these words, so that a 403 can be shown on demand. */
const REJECTED = new Set(['invalid', 'expired', 'revoked']);
const mockCredentials: CredentialCheck = (c) => !REJECTED.has(c.kind === 'token' ? c.token : c.key);

function param(value: string | readonly string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : (value as string | undefined)) ?? '';
}

export function policyTestHandlers(state: MockState, base: string): RequestHandler[] {
  const path = (p: string) => `${base}${PREFIX}${p}`;
  const api = createPolicyTestsApi({
    policies: catalogPolicySource(() => state.catalog),
    tests: memoryTestStore(state),
    accepts: mockCredentials,
    draftRules: () => ({ target: state.config.exprTarget, strict: state.config.validation === 'strict' }),
    directory: indexedDirectorySource(() =>
      directoryPeople(new Directory(state.config.seed, state.config.userCount, state.config.hostileNames)),
    ),
  });

  return [
    http.post(
      path(''),
      apiRoute(state, 'tests.start', ({ request, params }) => api.start(request, param(params.accountId))),
    ),
    http.get(
      path('/:testId'),
      apiRoute(state, 'tests.status', ({ request, params }) =>
        api.status(request, param(params.accountId), param(params.testId)),
      ),
    ),
    http.get(
      path('/:testId/users'),
      apiRoute(state, 'tests.users', ({ request, params }) =>
        api.users(request, param(params.accountId), param(params.testId)),
      ),
    ),
    http.get(
      `${base}${DIRECTORY}`,
      apiRoute(state, 'tests.directory', ({ request }) => api.directorySearch(request)),
    ),
    http.get(
      `${base}${DIRECTORY}/:email`,
      apiRoute(state, 'tests.directory', ({ request, params }) => api.directoryUser(request, param(params.email))),
    ),
  ];
}

/** Unknown paths under /client/v4 (and methods the tester does not take), as Cloudflare answers them. */
export function cloudflareFallback(base: string): RequestHandler {
  return http.all(`${base}/client/v4/*`, ({ request }) =>
    isPolicyTestsPath(new URL(request.url).pathname) ? methodNotAllowed() : noRoute(),
  );
}
