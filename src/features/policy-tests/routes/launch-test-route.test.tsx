import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetCachedRequests } from '@/lib/api/cached-request';
import { Route, RouterRoot, Switch } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
import { updateSettings } from '@/lib/settings';
import { LaunchTestRoute } from './launch-test-route';

const TESTS = 'http://cf.test/client/v4/accounts/acc/access/policy-tests';
const server = setupServer(
  http.get('http://guardian.test/api/v1beta1/policies', () => HttpResponse.json({ policies: [] })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
// The policy list is cached for the page's life: each test starts with none read.
beforeEach(() => resetCachedRequests({ retry: false }));
afterAll(() => server.close());

function renderLaunch(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <RouterRoot router={createTestRouter(path)}>
        <Switch>
          <Route path="/tests/new" component={LaunchTestRoute} />
        </Switch>
      </RouterRoot>
    </QueryClientProvider>,
  );
}

describe('LaunchTestRoute', { timeout: 20_000 }, () => {
  it('names the missing credentials before starting, and blames them, not the policy ids, when refused', async () => {
    updateSettings({
      guardianUrl: 'http://guardian.test',
      policyTestUrl: 'http://cf.test',
      accountId: 'acc',
      authMode: 'token',
      apiToken: '',
    });
    let sent: Headers | undefined;
    // What Cloudflare answers a request with no credentials: a 400, as if the request were malformed.
    server.use(
      http.post(TESTS, ({ request }) => {
        sent = request.headers;
        return HttpResponse.json(
          {
            success: false,
            errors: [{ code: 10001, message: 'Missing X-Auth-Key, X-Auth-Email or Authorization headers' }],
            messages: [],
            result: null,
          },
          { status: 400 },
        );
      }),
    );
    renderLaunch('/tests/new?mode=ids');

    expect(await screen.findByText(/Settings has no API token: the policy-test API refuses/)).toBeVisible();
    await userEvent.type(screen.getByRole('textbox', { name: 'Policy ids' }), 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415');
    await userEvent.click(screen.getByRole('button', { name: 'Start test' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The test did not start: credentials missing');
    expect(alert).toHaveTextContent(/Settings has no API token.*the policies are not the problem/);
    expect(alert).not.toHaveTextContent(/policy id exists/);
    expect(alert).toHaveTextContent('Missing X-Auth-Key, X-Auth-Email or Authorization headers');
    expect(sent?.get('authorization')).toBeNull();
  });

  it('sends nothing without an account id, and says that is why, not the policy ids', async () => {
    updateSettings({
      guardianUrl: 'http://guardian.test',
      policyTestUrl: 'http://cf.test',
      accountId: '',
      apiToken: 't',
    });
    let requests = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') requests += 1;
    });
    renderLaunch('/tests/new?mode=ids');
    await userEvent.type(screen.getByRole('textbox', { name: 'Policy ids' }), 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415');
    await userEvent.click(screen.getByRole('button', { name: 'Start test' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The test did not start: no cloudflare account id');
    expect(alert).toHaveTextContent(/Settings has no account id, so nothing was sent/);
    expect(alert).not.toHaveTextContent(/policy id/);
    expect(requests).toBe(0);
    server.events.removeAllListeners();
  });
  it('starts a version named in the address before the policy list arrives; "latest" says it waits for the list', async () => {
    updateSettings({
      guardianUrl: 'http://guardian.test',
      policyTestUrl: 'http://cf.test',
      accountId: 'acc',
      apiToken: 't',
    });
    const sent: unknown[] = [];
    server.use(
      http.get('http://guardian.test/api/v1beta1/policies', async () => {
        await delay('infinite');
        return HttpResponse.json({ policies: [] });
      }),
      http.post(TESTS, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({
          success: true,
          errors: [],
          messages: [],
          result: { id: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415', status: 'blocked' },
        });
      }),
    );
    const first = renderLaunch('/tests/new?policy=bigquery_approval&version=2');
    await userEvent.click(screen.getByRole('button', { name: 'Start test' }));
    await expect.poll(() => sent).toEqual([{ policies: ['bigquery_approval:2'] }]);
    first.unmount();

    renderLaunch('/tests/new?policy=bigquery_approval');
    await userEvent.click(screen.getByRole('button', { name: 'Start test' }));
    expect(await screen.findByText(/policy list is still loading/)).toHaveAttribute('role', 'status');
    expect(sent).toHaveLength(1);
  });
});
