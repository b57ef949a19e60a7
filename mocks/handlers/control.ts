import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  addFaults,
  applyConfig,
  applyFaults,
  clearFaults,
  describeMock,
  removeFault,
  type ControlResult,
} from '../state/controls';
import type { MockState } from '../state/mock-state';

/**
 * `/__mock/*`: the mock's own controls, served by the same handlers as the APIs so that the demo
 * panel, Playwright, unit tests and curl all drive it the same way. Never faulted, never delayed.
 */
async function jsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await request.text();
    return { ok: true, value: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function answer<T>(result: ControlResult<T>, ok: (value: T) => unknown = (v) => v): Response {
  if (!result.ok) return HttpResponse.json({ error: 'invalid request', problems: result.problems }, { status: 400 });
  return HttpResponse.json(ok(result.value) as Record<string, unknown>);
}

const withBody =
  (apply: (body: unknown) => Response) =>
  async ({ request }: { request: Request }) => {
    const body = await jsonBody(request);
    if (!body.ok)
      return HttpResponse.json({ error: 'invalid request', problems: ['the body is not JSON'] }, { status: 400 });
    return apply(body.value);
  };

export function controlHandlers(state: MockState, base: string): RequestHandler[] {
  const path = (p: string) => `${base}/__mock${p}`;
  return [
    http.get(path('/config'), () => HttpResponse.json(state.config)),
    http.put(
      path('/config'),
      withBody((body) => answer(applyConfig(state, body))),
    ),
    // POST is accepted too: both read as "apply these settings".
    http.post(
      path('/config'),
      withBody((body) => answer(applyConfig(state, body))),
    ),
    http.get(path('/faults'), () => HttpResponse.json(state.faults.state)),
    http.put(
      path('/faults'),
      withBody((body) => answer(applyFaults(state, body))),
    ),
    http.post(
      path('/faults'),
      withBody((body) => answer(addFaults(state, body), () => state.faults.state)),
    ),
    http.delete(path('/faults/:id'), ({ params }) => HttpResponse.json(removeFault(state, String(params.id)))),
    http.delete(path('/faults'), () => HttpResponse.json(clearFaults(state))),
    http.post(path('/reset'), () => {
      state.reset();
      return HttpResponse.json({ reset: true, config: state.config });
    }),
    http.get(path('/state'), () => HttpResponse.json(describeMock(state))),
    http.all(path('/*'), ({ request }) =>
      HttpResponse.json(
        { error: `no mock control at ${request.method} ${new URL(request.url).pathname}` },
        { status: 404 },
      ),
    ),
  ];
}
