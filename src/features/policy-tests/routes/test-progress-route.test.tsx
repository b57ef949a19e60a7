import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route, RouterRoot, Switch } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
import { updateSettings } from '@/lib/settings';
import { TestProgressRoute } from './test-progress-route';

const TESTS = 'http://cf.test/client/v4/accounts/acc/access/policy-tests';
const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderRoute(path: string) {
  updateSettings({ policyTestUrl: 'http://cf.test', accountId: 'acc', apiToken: 't' });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <RouterRoot router={createTestRouter(path)}>
        <Switch>
          <Route path="/tests/:id" component={TestProgressRoute} />
        </Switch>
      </RouterRoot>
    </QueryClientProvider>,
  );
}

describe('TestProgressRoute', { timeout: 20_000 }, () => {
  it('shows a users page with one bad row: the row named as unreadable, every other user in the table', async () => {
    server.use(
      http.get(`${TESTS}/t1`, () =>
        HttpResponse.json(
          envelope({
            id: 't1',
            status: 'complete',
            total_users: 3,
            percent_users_processed: 100,
            users_approved: 2,
            users_blocked: 1,
            percent_approved: 67,
            percent_blocked: 33,
          }),
        ),
      ),
      http.get(`${TESTS}/t1/users`, () =>
        HttpResponse.json(
          envelope([
            { id: 'u1', email: 'a@example.com', name: 'Ada', status: 'approved' },
            { id: 'u2', email: null, name: 'No Mail', status: 'approved' },
            { id: 'u3', email: 'c@example.com', name: 'Cy', status: 'rejected' },
          ]),
        ),
      ),
    );
    renderRoute('/tests/t1');
    const table = await screen.findByRole('table', {}, { timeout: 5000 });
    expect(within(table).getByText('Ada')).toBeInTheDocument();
    expect(within(table).getByText('No Mail')).toBeInTheDocument();
    expect(screen.getByText('1 row of this page could not be read')).toBeInTheDocument();
    expect(screen.getByText(/Row 3 \(id u3\): status:/)).toBeInTheDocument();
  });

  it('treats a page with no readable row as a page it cannot read, with a way to ask again', async () => {
    let calls = 0;
    server.use(
      http.get(`${TESTS}/t2`, () =>
        HttpResponse.json(
          envelope({
            id: 't2',
            status: 'complete',
            total_users: 1,
            percent_users_processed: 100,
            users_approved: 1,
            percent_approved: 100,
          }),
        ),
      ),
      http.get(`${TESTS}/t2/users`, () => {
        calls++;
        return HttpResponse.json(
          envelope(
            calls === 1
              ? [{ id: 1, email: null, status: 'maybe' }]
              : [{ id: 'u1', email: 'a@example.com', name: 'Ada', status: 'approved' }],
          ),
        );
      }),
    );
    renderRoute('/tests/t2');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(/a page of users this console cannot read/);
    within(alert).getByRole('button', { name: 'Try again' }).click();
    expect(await screen.findByRole('table', {}, { timeout: 5000 })).toHaveTextContent('Ada');
  });
});
