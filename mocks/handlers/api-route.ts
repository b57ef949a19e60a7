import { delay, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import { faultResponse } from '../faults/fault-responses';
import type { RouteName } from '../faults/fault-store';
import { hash32 } from '../lib/random';
import type { MockState } from '../state/mock-state';
import { cfErrorFor, cfFailure, grpcFor, guardianError } from './respond';

type Resolver = HttpResponseResolver<PathParams, DefaultBodyType, undefined>;

let latencyDraw = 0;

/**
 * Wraps an API resolver with what the mock adds on the way: latency (configured ± 25%, plus
 * injected), then an injected fault for this route if one applies, then the random error rate.
 */
export function apiRoute(state: MockState, route: RouteName, resolver: Resolver): Resolver {
  return async (info) => {
    const base = state.config.latencyMs;
    const jitter = base > 0 ? ((hash32(state.config.seed, latencyDraw++, 0x1a7) % 51) - 25) / 100 : 0;
    const wait = Math.round(base * (1 + jitter)) + state.faults.state.latencyMs;
    if (wait > 0) await delay(wait);

    const url = new URL(info.request.url);
    const rule = state.faults.take(route, info.request.method, url.pathname);
    if (rule) {
      if (rule.times !== undefined) state.persistFaults();
      if (rule.fault === 'hang') await state.faults.hang();
      return faultResponse(rule, route);
    }
    if (state.faults.randomFailure()) {
      if (route.startsWith('guardian.')) {
        const { code, message } = grpcFor(500);
        return guardianError(500, code, `${message} (injected by the mock's error rate)`);
      }
      return cfFailure(500, [
        { ...cfErrorFor(500), message: 'Internal server error (injected by the mock’s error rate)' },
      ]);
    }
    return resolver(info);
  };
}
