import { http, type RequestHandler } from 'msw';
import { resolvePolicies } from '../engine/resolve-policies';
import { FILTER_WORDS, OUTCOME_WORDS, type FilterWord } from '../engine/outcome';
import type { MockState } from '../state/mock-state';
import { apiRoute } from './api-route';
import { checkCloudflareAuth } from './cloudflare-auth';
import { CF, cfFailure, cfSuccess } from './respond';

/**
 * Cloudflare's Access policy tester: the envelope on every body, bearer or email+key auth, 1-based
 * `page` (absent = 1), `per_page` default 25 and at most 1000, `status` filter words
 * success|fail|error, `[]` past the last page (never clamped: the SDK pages until it sees one).
 */
const PREFIX = '/client/v4/accounts/:accountId/access/policy-tests';
const MAX_PER_PAGE = 1000;

const invalid = (...messages: string[]) =>
  cfFailure(
    400,
    messages.map((message) => ({ code: CF.invalidRequest, message })),
  );

function param(value: string | readonly string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : (value as string | undefined)) ?? '';
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

export function policyTestHandlers(state: MockState, base: string): RequestHandler[] {
  const path = (p: string) => `${base}${PREFIX}${p}`;
  const unknownTest = (request: Request) =>
    cfFailure(404, [
      {
        code: CF.noRoute,
        message: `Could not route to ${new URL(request.url).pathname}, perhaps your object identifier is invalid?`,
      },
    ]);

  return [
    http.post(
      path(''),
      apiRoute(state, 'tests.start', async ({ request, params }) => {
        const auth = checkCloudflareAuth(request.headers);
        if (!auth.ok) return cfFailure(auth.status, auth.errors);
        let body: unknown;
        try {
          body = JSON.parse(await request.text());
        } catch {
          return invalid('Request body is not valid JSON.');
        }
        const resolved = resolvePolicies(body, state.catalog);
        if (!resolved.ok) return invalid(...resolved.problems);
        const record = state.startTest(param(params.accountId), resolved.policies);
        return cfSuccess({ id: record.id, status: 'success' });
      }),
    ),
    http.get(
      path('/:testId'),
      apiRoute(state, 'tests.status', ({ request, params }) => {
        const auth = checkCloudflareAuth(request.headers);
        if (!auth.ok) return cfFailure(auth.status, auth.errors);
        const run = state.tests.get(param(params.testId), param(params.accountId));
        if (!run) return unknownTest(request);
        const s = run.summary(state.clock.now());
        return cfSuccess({
          id: run.record.id,
          status: s.status,
          total_users: s.total,
          percent_users_processed: Math.floor((s.processed / s.total) * 100),
          users_approved: s.approved,
          users_blocked: s.blocked,
          users_errored: s.errored,
          percent_approved: percent(s.approved, s.processed),
          percent_blocked: percent(s.blocked, s.processed),
          percent_errored: percent(s.errored, s.processed),
        });
      }),
    ),
    http.get(
      path('/:testId/users'),
      apiRoute(state, 'tests.users', ({ request, params }) => {
        const auth = checkCloudflareAuth(request.headers);
        if (!auth.ok) return cfFailure(auth.status, auth.errors);
        const query = new URL(request.url).searchParams;
        const problems: string[] = [];
        const page = query.get('page') ?? '1';
        const perPage = query.get('per_page') ?? '25';
        const status = query.get('status');
        if (!/^\d+$/.test(page) || Number(page) < 1) problems.push('page: must be an integer of at least 1');
        if (!/^\d+$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > MAX_PER_PAGE) {
          problems.push(`per_page: must be an integer from 1 to ${MAX_PER_PAGE}`);
        }
        if (status !== null && !(status in FILTER_WORDS)) problems.push('status: must be one of success, fail, error');
        if (problems.length > 0) return invalid(...problems);
        const run = state.tests.get(param(params.testId), param(params.accountId));
        if (!run) return unknownTest(request);
        const outcome = status === null ? undefined : FILTER_WORDS[status as FilterWord];
        const users = run.page(state.clock.now(), Number(page), Number(perPage), outcome);
        return cfSuccess(
          users.map((u) => ({ id: u.id, email: u.email, name: u.name, status: OUTCOME_WORDS[u.outcome] })),
        );
      }),
    ),
  ];
}

const KNOWN_PATH = /^\/client\/v4\/accounts\/[^/]+\/access\/policy-tests(\/[^/]+(\/users)?)?$/;

/** Unknown paths under /client/v4 (and methods the tester does not take), as Cloudflare answers them. */
export function cloudflareFallback(base: string): RequestHandler {
  return http.all(`${base}/client/v4/*`, ({ request }) => {
    if (KNOWN_PATH.test(new URL(request.url).pathname))
      return cfFailure(405, [{ code: 7001, message: 'Method not allowed' }]);
    return cfFailure(400, [{ code: CF.noRoute, message: 'No route for the URI' }]);
  });
}
