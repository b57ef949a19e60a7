import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, onTestFinished, vi } from 'vitest';
import { loadExpr } from '@/lib/expr/load';

/**
 * The whole editor in jsdom, typed into key by key: slower than a unit test, still a few seconds. The expression
 * engine loads once; `server` answers the file's tests, a request it has no handler for fails the test, and a
 * handler one test adds is gone before the next.
 */
export function setUpEditorTests(server: SetupServer): void {
  vi.setConfig({ testTimeout: 20_000 });
  beforeAll(() => loadExpr());
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/**
 * Records the body of each save (a PUT that is not a dry run) as `server` receives it; the returned function gives
 * the last one. Listening stops with the test that started it.
 */
export function recordSaves(server: SetupServer): () => Record<string, unknown> | undefined {
  let sent: Record<string, unknown> | undefined;
  const listener = async ({ request }: { request: Request }) => {
    if (request.method === 'PUT' && !request.url.includes('dry_run'))
      sent = (await request.clone().json()) as Record<string, unknown>;
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return () => sent;
}
