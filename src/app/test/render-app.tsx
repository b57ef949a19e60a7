import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetCachedRequests } from '@/lib/api/cached-request';
import { RouterRoot } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
import { updateSettings, type Settings } from '@/lib/settings';
import { AppLayout } from '../layout/app-layout';
import { createQueryClient } from '../query-client';
import { AppRoutes } from '../router';

/** Where the whole-app tests' servers live: the node mock (mocks/node.ts) answers any origin. */
const TEST_SERVER_URL = 'http://mock.test';

/** Settings the demo starts with, pointed at the node mock. */
const TEST_APP_SETTINGS: Partial<Settings> = {
  guardianUrl: TEST_SERVER_URL,
  policyTestUrl: TEST_SERVER_URL,
  accountId: 'demo-account',
  apiToken: 'demo-token',
  identityEmail: 'admin@example.com',
  exprTarget: 'guardian-1.12',
};

/**
 * The whole console as the browser mounts it — layout, every route, the app's own query client
 * (retries, backoff, staleness) and no cached request (the catalog's list) — in a memory router at `path`. `advanceTimers` is for tests on
 * vitest's fake timers: user-event then moves them while it types and clicks.
 */
export function renderApp(
  path: string,
  {
    settings = {},
    queryClient = createQueryClient(),
    advanceTimers,
  }: { settings?: Partial<Settings>; queryClient?: QueryClient; advanceTimers?: (ms: number) => unknown } = {},
) {
  updateSettings({ ...TEST_APP_SETTINGS, ...settings });
  // A fresh app: nothing loaded yet, requests retried as the app retries them.
  resetCachedRequests();
  const router = createTestRouter(path);
  const user = userEvent.setup(advanceTimers ? { advanceTimers } : {});
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterRoot router={router}>
        <AppLayout>
          <AppRoutes />
        </AppLayout>
      </RouterRoot>
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user };
}

/** Starts a policy test on the node mock through its API, as another tab would; returns its id. */
export async function startTestOnMock(policies: string[]): Promise<string> {
  const response = await fetch(
    `${TEST_SERVER_URL}/client/v4/accounts/${TEST_APP_SETTINGS.accountId}/access/policy-tests`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_APP_SETTINGS.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ policies }),
    },
  );
  return ((await response.json()) as { result: { id: string } }).result.id;
}
