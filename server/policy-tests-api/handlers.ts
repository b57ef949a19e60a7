import { checkCloudflareAuth, type CredentialCheck } from './cloudflare-auth';
import {
  StoreUnavailableError,
  type PolicySource,
  type PolicyTestStore,
  type TestSummary,
  type UserRow,
  type UsersPage,
  type UsersQuery,
  type UserWhy,
} from './contracts';
import { DIRECTORY_ROUTE, directoryLookup, directorySearch, type DirectorySource } from './directory-api';
import { CF, cfFailure, cfSuccess, invalidRequest } from './envelope';
import type { DraftRules } from './inline-guardian-policy';
import { resolvePolicies } from './resolve-policies';
import { parseUsersQuery } from './users-query';

/**
 * Cloudflare's Access policy tester as framework-neutral `Request → Response` functions: the
 * envelope on every body, bearer or email+key auth, 1-based `page` (absent = 1), `per_page` default
 * 25 and at most 1000, `status` filter words success|fail|error, `[]` past the last page (never
 * clamped: the official SDK pages until it sees one). MSW wraps these for the demo and unit tests,
 * a plain Node HTTP server for the runner.
 */
export interface PolicyTestsApiOptions {
  policies: PolicySource;
  tests: PolicyTestStore;
  accepts: CredentialCheck;
  /** How unsaved Guardian policies sent inline are checked (the server's expression target). */
  draftRules: () => DraftRules;
  /** The directory extension (directory-api.ts); without it those paths answer "No route". */
  directory?: DirectorySource;
}

export interface PolicyTestsApi {
  start(request: Request, accountId: string): Promise<Response>;
  status(request: Request, accountId: string, testId: string): Promise<Response>;
  users(request: Request, accountId: string, testId: string): Promise<Response>;
  /** The directory extension; "No route" when the server has no directory to offer. */
  directorySearch(request: Request): Promise<Response>;
  directoryUser(request: Request, email: string): Promise<Response>;
  /** Routes any request under /client/v4; unknown paths and methods answer as Cloudflare does. */
  handle(request: Request): Promise<Response>;
}

const ROUTE = /^\/client\/v4\/accounts\/([^/]+)\/access\/policy-tests(?:\/([^/]+)(\/users)?)?$/;

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function statusResult(s: TestSummary) {
  const result = {
    id: s.id,
    status: s.status,
    total_users: s.total,
    percent_users_processed: s.total === 0 ? 0 : Math.floor((s.processed / s.total) * 100),
    users_approved: s.approved,
    users_blocked: s.blocked,
    users_errored: s.errored,
    percent_approved: percent(s.approved, s.processed),
    percent_blocked: percent(s.blocked, s.processed),
    percent_errored: percent(s.errored, s.processed),
  };
  // Our servers' extension (the official SDK ignores it): why the users got their results.
  return s.reasons ? { ...result, reasons: s.reasons.map(wireWhy) } : result;
}

/** Why-fields in wire order: status (for a reasons entry), step, reason, error, users. */
function wireWhy<T extends UserWhy>(why: T) {
  const { step, reason, error, ...rest } = why;
  return { ...rest, ...(step === undefined ? {} : { step }), reason, ...(error === undefined ? {} : { error }) };
}

/**
 * A users-page row on the wire: the four fields the official SDK reads, then our servers' why-fields
 * (`step`, `reason`, `error`) where the store knows them.
 */
function userResult(u: UserRow) {
  const row = { id: u.id, email: u.email, name: u.name, status: u.status };
  return u.why ? { ...row, ...wireWhy(u.why) } : row;
}

/**
 * Cloudflare's paging facts for a list, which its SDK does not need (it pages until `[]`): here they
 * carry how many users the whole query matches, and echo the extension filters this server applied,
 * so a client can tell a server that applies `search` and `step` from one that ignores them.
 */
function resultInfo(query: UsersQuery, page: UsersPage) {
  return {
    page: query.page,
    per_page: query.perPage,
    count: page.rows.length,
    total_count: page.total,
    ...(query.search === undefined ? {} : { search: query.search }),
    ...(query.step === undefined ? {} : { step: query.step }),
  };
}

const unknownTest = (request: Request) =>
  cfFailure(404, [
    {
      code: CF.noRoute,
      message: `Could not route to ${new URL(request.url).pathname}, perhaps your object identifier is invalid?`,
    },
  ]);

const unavailable = (error: StoreUnavailableError) =>
  cfFailure(503, [{ code: CF.unavailable, message: `Service temporarily unavailable: ${error.message}` }], {
    'Retry-After': '5',
  });

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function createPolicyTestsApi(options: PolicyTestsApiOptions): PolicyTestsApi {
  const { policies, tests, accepts, draftRules, directory } = options;

  /** Auth first, then the handler; storage trouble becomes a 503 envelope. */
  const guarded =
    <A extends unknown[]>(handler: (request: Request, ...args: A) => Promise<Response>) =>
    async (request: Request, ...args: A): Promise<Response> => {
      const auth = checkCloudflareAuth(request.headers, accepts);
      if (!auth.ok) return cfFailure(auth.status, auth.errors);
      try {
        return await handler(request, ...args);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return unavailable(error);
        throw error;
      }
    };

  const start = guarded(async (request: Request, accountId: string) => {
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return invalidRequest('Request body is not valid JSON.');
    }
    const resolved = await resolvePolicies(body, policies, draftRules());
    if (!resolved.ok) {
      if ('problems' in resolved) return invalidRequest(...resolved.problems);
      if ('invalidDraft' in resolved) {
        // 422 with Guardian's own words, so a client can tell "your draft is wrong" (and put the
        // message on its fields) from a server that takes no inline Guardian policies at all (400).
        const { at, message } = resolved.invalidDraft;
        return cfFailure(422, [
          { code: CF.invalidDraft, message, error_chain: [{ code: CF.invalidDraft, message: at }] },
        ]);
      }
      const { status, message } = resolved.failure;
      const code = status === 404 ? CF.notFound : status === 504 ? CF.gatewayTimeout : CF.badGateway;
      return cfFailure(status, [{ code, message }]);
    }
    const { id } = await tests.start(accountId, resolved.policies);
    return cfSuccess({ id, status: 'success' });
  });

  const status = guarded(async (request: Request, accountId: string, testId: string) => {
    const summary = await tests.summary(accountId, testId);
    return summary ? cfSuccess(statusResult(summary)) : unknownTest(request);
  });

  const users = guarded(async (request: Request, accountId: string, testId: string) => {
    const parsed = parseUsersQuery(new URL(request.url).searchParams);
    if (!parsed.ok) return invalidRequest(...parsed.problems);
    const page = await tests.users(accountId, testId, parsed.query);
    return page ? cfSuccess(page.rows.map(userResult), resultInfo(parsed.query, page)) : unknownTest(request);
  });

  const noDirectory = async () => noRoute();
  const searchPeople = directory ? guarded(directorySearch(directory)) : noDirectory;
  const onePerson = directory ? guarded(directoryLookup(directory)) : noDirectory;

  return {
    start,
    status,
    users,
    directorySearch: searchPeople,
    directoryUser: onePerson,
    async handle(request) {
      const pathname = new URL(request.url).pathname;
      const person = DIRECTORY_ROUTE.exec(pathname);
      if (person) {
        if (request.method !== 'GET') return methodNotAllowed();
        return person[2] === undefined ? searchPeople(request) : onePerson(request, decode(person[2]));
      }
      const match = ROUTE.exec(pathname);
      if (!match) return cfFailure(400, [{ code: CF.noRoute, message: 'No route for the URI' }]);
      const [, account, test, usersPath] = match;
      const accountId = decode(account!);
      const method = request.method;
      if (test === undefined && method === 'POST') return start(request, accountId);
      if (test !== undefined && method === 'GET')
        return usersPath ? users(request, accountId, decode(test)) : status(request, accountId, decode(test));
      return methodNotAllowed();
    },
  };
}

export const methodNotAllowed = () => cfFailure(405, [{ code: CF.methodNotAllowed, message: 'Method not allowed' }]);
export const noRoute = () => cfFailure(400, [{ code: CF.noRoute, message: 'No route for the URI' }]);

/** Whether a path is one of the tester's (so another method on it is a 405, not a 400). */
export function isPolicyTestsPath(pathname: string): boolean {
  return ROUTE.test(pathname);
}
