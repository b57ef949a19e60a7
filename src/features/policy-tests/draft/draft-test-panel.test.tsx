import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route } from '@/lib/router';
import { renderRoutes } from '@/test/render-routes';
import { rememberTest } from '../recent/recent-tests-store';
import { DraftTestPanel } from './draft-test-panel';

const TESTS = 'http://cf.test/client/v4/accounts/acc/access/policy-tests';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const complete = (id: string, blocked: number) => ({
  success: true,
  errors: [],
  messages: [],
  result: {
    id,
    status: 'complete',
    total_users: 100,
    percent_users_processed: 100,
    users_approved: 100 - blocked,
    users_blocked: blocked,
    users_errored: 0,
  },
});

/** A draft test of `p` beside its saved version's test, as "Test this draft" leaves them. */
function renderPanel() {
  rememberTest({ id: 'base', policies: ['p:3'] });
  rememberTest({ id: 'draft', policies: ['draft:p'], draft: { policyId: 'p', baseVersion: 3, baseTestId: 'base' } });
  return renderRoutes(
    '/policies/p/edit',
    <Route path="/policies/p/edit">{() => <DraftTestPanel policyId="p" />}</Route>,
    {
      policyTestUrl: 'http://cf.test',
      accountId: 'acc',
      apiToken: 'token',
    },
  );
}

describe('DraftTestPanel', () => {
  it('keeps each side’s status line while its status is on its way, so the delta link does not move when it comes', async () => {
    let answerBase: () => void = () => undefined;
    const baseAnswered = new Promise<void>((resolve) => (answerBase = resolve));
    server.use(
      http.get(`${TESTS}/draft`, () => HttpResponse.json(complete('draft', 40))),
      http.get(`${TESTS}/base`, async () => {
        await baseAnswered;
        return HttpResponse.json(complete('base', 0));
      }),
    );
    renderPanel();
    const panel = await screen.findByRole('region', { name: 'Test of this draft' });
    expect(within(panel).getByRole('link', { name: 'Open the delta' })).toBeInTheDocument();
    await within(panel).findByText(/60 approved · 40 blocked/);
    // The saved version's status has not come: its line is there already, saying so.
    const lines = () => [...panel.querySelectorAll('.draft-test__counts')].map((line) => line.textContent);
    expect(lines()).toEqual(['Waiting for its status…', expect.stringMatching(/^Complete 60 approved · 40 blocked/)]);

    answerBase();
    await waitFor(() =>
      expect(lines()).toEqual([
        expect.stringMatching(/^Complete 100 approved · 0 blocked/),
        expect.stringMatching(/^Complete 60 approved · 40 blocked/),
      ]),
    );
  });
});
