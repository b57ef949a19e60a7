import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
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
