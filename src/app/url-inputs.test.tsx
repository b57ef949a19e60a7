import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { renderApp, startTestOnMock } from './test/render-app';
import { URL_CASES } from './test/url-cases';

/**
 * Everything in the address is user input: a pasted link, a hand-edited URL, an old bookmark.
 * Every route and query parameter that is malformed or out of range gives a clear message or a
 * sane default (and says so) — never the crash screen, a blank page or an uncaught error. A
 * malformed percent-encoding inside the app is the browser's (e2e/reliability-url-inputs.spec.ts).
 */

vi.setConfig({ testTimeout: 20_000 });

const { server } = createNodeMock({ config: { latencyMs: 0, userCount: 1_000, usersPerSecond: 1_000_000 } });
let testId = '';
const uncaught: unknown[] = [];
const onUncaught = (event: ErrorEvent) => uncaught.push(event.error);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  window.addEventListener('error', onUncaught);
  testId = await startTestOnMock(['bigquery_approval:1']);
});

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => {
  app?.unmount();
  app?.queryClient.clear();
  app = undefined;
  uncaught.length = 0;
});
afterAll(() => {
  window.removeEventListener('error', onUncaught);
  server.close();
});

function expectHandled() {
  expect(screen.queryByRole('heading', { name: 'This view failed' })).toBeNull();
  expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
  expect(uncaught).toEqual([]);
}

describe('malformed and out-of-range addresses', () => {
  for (const c of URL_CASES) {
    it(c.url.length > 120 ? `${c.url.slice(0, 60)}… (${c.url.length} characters)` : c.url, async () => {
      const url = c.url.replace(/^TEST/, `/tests/${testId}`).replaceAll('TEST_ID', testId);
      app = renderApp(url);
      const main = screen.getByRole('main');
      await waitFor(() => expect(main.textContent).toMatch(c.says), { timeout: 15_000 });
      if (c.lands) expect(app.router.state.location.pathname).toMatch(c.lands);
      expectHandled();
    });
  }
});
