import { HttpResponse, type JsonBodyType } from 'msw';
import { cfErrorFor, cfFailure, grpcFor, guardianError } from '../handlers/respond';
import type { FaultRule, RouteName } from './fault-store';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Valid JSON of the wrong shape for each route: what a broken proxy or a changed server might send. */
const WRONG_SHAPE: Record<RouteName, JsonBodyType> = {
  'guardian.list': { policies: 'nope' },
  'guardian.get': { policy: { id: 42, steps: 'nope', version: 'latest' } },
  'guardian.preferences': { appeal: 'nope' },
  'guardian.create': { policy: { id: 42, steps: 'nope' } },
  'guardian.update': { policy: { id: 42, steps: 'nope' } },
  'tests.start': { success: true, errors: [], messages: [], result: { id: 42, status: 'maybe' } },
  'tests.status': { success: true, errors: [], messages: [], result: { status: 'sideways', total_users: 'many' } },
  'tests.users': { success: true, errors: [], messages: [], result: [{ id: 1, email: null, status: 'maybe' }] },
  'tests.directory': { success: true, errors: [], messages: [], result: { email: 7, iam: 'maybe' } },
};

/** The answer an injected fault gives on a route, shaped like that route's API. */
export function faultResponse(rule: FaultRule, route: RouteName): Response {
  switch (rule.fault) {
    case 'offline':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse('{"policies": [{"id": "trunc', { status: 200, headers: JSON_HEADERS });
    case 'schema':
      return HttpResponse.json(WRONG_SHAPE[route]);
    case 'hang':
      // The caller awaits the hang first; by then the client has usually given up.
      return HttpResponse.error();
    case 'status': {
      const status = rule.status ?? 500;
      const headers: Record<string, string> = {};
      if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rule.retryAfterSeconds);
      if (route.startsWith('guardian.')) {
        const { code, message } = grpcFor(status);
        return guardianError(status, code, message, headers);
      }
      return cfFailure(status, [cfErrorFor(status)], headers);
    }
  }
}
