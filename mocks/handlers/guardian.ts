import { http, HttpResponse, type RequestHandler } from 'msw';
import type { ListQuery } from '../db/catalog';
import { createPolicy, updatePolicy } from '../db/policy-service';
import type { MockState } from '../state/mock-state';
import { decodePolicyBody } from '../validation/proto-decode';
import { apiRoute } from './api-route';
import { guardianError } from './respond';

/**
 * Guardian v1beta1 policies, as a raystack server answers (internal/server mounts the gateway
 * under /api): snake_case out, zero values left out, unknown request keys dropped, version 0 =
 * latest, the list = every version of every policy, unordered; writes need X-Auth-Email; validation
 * failures are HTTP 500 with `failed to create policy: policy validation: ...`.
 */
const PREFIX = '/api/v1beta1';
const GRPC = { InvalidArgument: 3, NotFound: 5, Unauthenticated: 16 } as const;

function decodeParam(value: string | readonly string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : (value as string | undefined);
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    return raw ?? '';
  }
}

/** The version path parameter, parsed like grpc-gateway parses a uint32. */
function parseVersion(raw: string): number | { error: Response } {
  if (!/^\d+$/.test(raw)) {
    return {
      error: guardianError(
        400,
        GRPC.InvalidArgument,
        `type mismatch, parameter: version, error: strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
      ),
    };
  }
  const n = Number(raw);
  if (n > 4294967295) {
    return {
      error: guardianError(
        400,
        GRPC.InvalidArgument,
        `type mismatch, parameter: version, error: strconv.ParseUint: parsing ${JSON.stringify(raw)}: value out of range`,
      ),
    };
  }
  return n;
}

/** `?dry_run=` (or `dryRun`), parsed like Go's strconv.ParseBool. */
function parseDryRun(url: URL): boolean | { error: Response } {
  const name = url.searchParams.has('dry_run') ? 'dry_run' : url.searchParams.has('dryRun') ? 'dryRun' : undefined;
  if (!name) return false;
  const raw = url.searchParams.get(name)!;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return {
    error: guardianError(
      400,
      GRPC.InvalidArgument,
      `parsing field "dry_run": strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`,
    ),
  };
}

/** goto/guardian's list query (`size`, `offset` as uint32; `ids` repeated), parsed as grpc-gateway does. */
function parseListQuery(url: URL): ListQuery | { error: Response } {
  const number = (name: 'size' | 'offset'): number | { error: Response } => {
    const raw = url.searchParams.get(name);
    if (raw === null) return 0;
    if (/^\d+$/.test(raw) && Number(raw) <= 4294967295) return Number(raw);
    return {
      error: guardianError(
        400,
        GRPC.InvalidArgument,
        `parsing field "${name}": strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
      ),
    };
  };
  const size = number('size');
  if (typeof size !== 'number') return size;
  const offset = number('offset');
  if (typeof offset !== 'number') return offset;
  return { ids: url.searchParams.getAll('ids'), offset, size };
}

function authenticatedUser(request: Request): string | undefined {
  const email = request.headers.get('X-Auth-Email')?.trim();
  return email ? email : undefined;
}

const unauthenticated = () => guardianError(401, GRPC.Unauthenticated, 'unable to get authenticated user from context');
const notFound = () => guardianError(404, GRPC.NotFound, 'policy not found');

export function guardianHandlers(state: MockState, base: string): RequestHandler[] {
  const path = (p: string) => `${base}${PREFIX}${p}`;

  const write = (kind: 'create' | 'update') =>
    apiRoute(state, kind === 'create' ? 'guardian.create' : 'guardian.update', async ({ request, params }) => {
      // The gateway parses the query and the body before Guardian's handler looks for the user.
      const dryRun = parseDryRun(new URL(request.url));
      if (typeof dryRun !== 'boolean') return dryRun.error;
      const decoded = decodePolicyBody(await request.text());
      if (!decoded.ok) return guardianError(400, GRPC.InvalidArgument, decoded.message);
      const user = authenticatedUser(request);
      if (!user) return unauthenticated();
      const result =
        kind === 'create'
          ? createPolicy(state, decoded.body, user, dryRun)
          : updatePolicy(state, decodeParam(params.id), decoded.body, user, dryRun);
      if (!result.ok) return guardianError(result.status, result.code, result.message);
      return HttpResponse.json({ policy: result.policy });
    });

  return [
    http.get(
      path('/policies'),
      apiRoute(state, 'guardian.list', async ({ request }) => {
        // The demo computes the seeded catalog in a worker while it starts; elsewhere this is settled.
        await state.catalog.ready();
        const catalog = state.catalog;
        const query = state.config.listPaging ? parseListQuery(new URL(request.url)) : undefined;
        if (query && 'error' in query) return query.error;
        const body = query ? catalog.listPage(query) : catalog.listBody();
        // The ETag names this exact body: the HTTP server keeps it encoded for the next request.
        return new HttpResponse(body, {
          headers: { 'Content-Type': 'application/json', ETag: catalog.bodyTag(query), 'Cache-Control': 'no-cache' },
        });
      }),
    ),
    http.post(path('/policies'), write('create')),
    http.put(path('/policies/:id'), write('update')),
    http.get(
      path('/policies/:id/versions/:version'),
      apiRoute(state, 'guardian.get', ({ params }) => {
        const version = parseVersion(decodeParam(params.version));
        if (typeof version !== 'number') return version.error;
        const policy = state.catalog.get(decodeParam(params.id), version);
        return policy ? HttpResponse.json({ policy }) : notFound();
      }),
    ),
    http.get(
      path('/policies/:id/versions/:version/preferences'),
      apiRoute(state, 'guardian.preferences', ({ params }) => {
        const version = parseVersion(decodeParam(params.version));
        if (typeof version !== 'number') return version.error;
        const policy = state.catalog.get(decodeParam(params.id), version);
        if (!policy) return notFound();
        return HttpResponse.json(
          policy.appeal === undefined ? {} : { appeal: policy.appeal as Record<string, unknown> },
        );
      }),
    ),
  ];
}

const KNOWN_PATHS = [
  /^\/api\/v1beta1\/policies$/,
  /^\/api\/v1beta1\/policies\/[^/]+$/,
  /^\/api\/v1beta1\/policies\/[^/]+\/versions\/[^/]+(\/preferences)?$/,
];

/** What grpc-gateway answers for a path it has no route for (or a method a route does not take). */
export function guardianFallback(base: string): RequestHandler {
  return http.all(`${base}/api/*`, ({ request }) => {
    const path = new URL(request.url).pathname;
    if (KNOWN_PATHS.some((re) => re.test(path))) return guardianError(501, 12, 'Method Not Allowed');
    return guardianError(404, GRPC.NotFound, 'Not Found');
  });
}
