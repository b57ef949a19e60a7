import { http, type RequestHandler } from 'msw';
import { Directory } from '../directory/directory';
import { iamReply, indexOfEmail, searchDirectory } from '../directory/directory-search';
import type { MockState } from '../state/mock-state';
import { apiRoute } from './api-route';
import { checkCloudflareAuth } from './cloudflare-auth';
import { CF, cfFailure, cfSuccess } from './respond';

/**
 * An extension of our test servers (not Cloudflare's API): the people a test runs over, so the trace
 * view can pick one and see what the IAM answers for them.
 *   GET …/access/policy-test-directory?search=&per_page=   → [{ id, email, name }]
 *   GET …/access/policy-test-directory/{email}             → { id, email, name, iam: { status, body | message } }
 * Same auth and envelope as the tester. A server without it answers 400 or 404 and the console falls
 * back to a pasted profile.
 */
export const DIRECTORY_PREFIX = '/client/v4/accounts/:accountId/access/policy-test-directory';
const MAX_PER_PAGE = 50;

export function directoryHandlers(state: MockState, base: string): RequestHandler[] {
  const directory = () => new Directory(state.config.seed, state.config.userCount, state.config.hostileNames);
  return [
    http.get(
      `${base}${DIRECTORY_PREFIX}`,
      apiRoute(state, 'tests.directory', ({ request }) => {
        const auth = checkCloudflareAuth(request.headers);
        if (!auth.ok) return cfFailure(auth.status, auth.errors);
        const url = new URL(request.url);
        const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page')) || 10));
        return cfSuccess(searchDirectory(directory(), (url.searchParams.get('search') ?? '').slice(0, 200), perPage));
      }),
    ),
    http.get(
      `${base}${DIRECTORY_PREFIX}/:email`,
      apiRoute(state, 'tests.directory', ({ request, params }) => {
        const auth = checkCloudflareAuth(request.headers);
        if (!auth.ok) return cfFailure(auth.status, auth.errors);
        const email = String(params.email ?? '');
        const people = directory();
        const index = indexOfEmail(people, email);
        if (index < 0) return cfFailure(404, [{ code: CF.noRoute, message: `No user ${email} in the directory` }]);
        return cfSuccess({ ...people.user(index), iam: iamReply(people, index) });
      }),
    ),
  ];
}
