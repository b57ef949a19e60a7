import { screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route } from '@/lib/router';
import { guardianHandlers } from '@/test/guardian-handlers';
import { renderRoutes } from '@/test/render-routes';
import basicAuth from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { PolicyDiffRoute } from './policy-diff-route';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 20 });
});

const ROWS = [
  { ...basicAuth, version: 1 },
  { ...basicAuth, version: 2, steps: [...basicAuth.steps, { name: 'extra', strategy: 'auto', approve_if: 'true' }] },
  {
    ...basicAuth,
    version: 3,
    steps: [...basicAuth.steps, { name: 'extra', strategy: 'auto', approve_if: 'false' }],
    appeal: { ...basicAuth.appeal, allow_permanent_access: true },
    iam: {
      ...basicAuth.iam,
      config: { ...basicAuth.iam.config, auth: { ...basicAuth.iam.config.auth, password: 'changed-secret' } },
    },
  },
];

function renderDiff(path: string) {
  return renderRoutes(
    path,
    <>
      <Route path="/policies/:id/diff/:range" component={PolicyDiffRoute} />
      <Route>
        <h1>Elsewhere</h1>
      </Route>
    </>,
  );
}

describe('PolicyDiffRoute', { timeout: 20_000 }, () => {
  it('answers "what changed from v1 to v3" in plain words, secrets unrevealed', async () => {
    server.use(...guardianHandlers(structuredClone(ROWS)));
    renderDiff('/policies/id/diff/1...3');
    expect(await screen.findByRole('heading', { name: 'What changed from v1 to v3' })).toBeInTheDocument();
    const summary = await screen.findByRole('region', { name: /In short/ }, { timeout: 5000 });
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Risky Step extra added as step 2 of 2 — auto-approval added',
      'Risky Permanent access turned on',
      'IAM: config.auth.password changed (secret, not shown)',
    ]);
    expect(document.body).not.toHaveTextContent('changed-secret');
    expect(document.body).not.toHaveTextContent('test-password');
  });

  it('moves between changes with n and p, and announces where it is', async () => {
    server.use(...guardianHandlers(structuredClone(ROWS)));
    const { user } = renderDiff('/policies/id/diff/1..3');
    await screen.findByRole('region', { name: /In short/ }, { timeout: 5000 });
    const status = screen.getByText('3 changes', { selector: '[role=status]' });
    await user.keyboard('n');
    expect(status).toHaveTextContent('Change 1 of 3');
    await user.keyboard('n');
    await user.keyboard('n');
    await user.keyboard('n');
    expect(status).toHaveTextContent('Change 1 of 3');
    await user.keyboard('p');
    expect(status).toHaveTextContent('Change 3 of 3');
    await user.click(screen.getByRole('button', { name: /Previous/ }));
    expect(status).toHaveTextContent('Change 2 of 3');
    expect(document.activeElement).toHaveAttribute('data-change-index', '1');
  });

  it('keeps the versions and the view in the URL', async () => {
    server.use(...guardianHandlers(structuredClone(ROWS)));
    const { user, router } = renderDiff('/policies/id/diff/1...3');
    await screen.findByRole('region', { name: /In short/ }, { timeout: 5000 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), '2');
    await waitFor(() => expect(router.state.location.pathname).toBe('/policies/id/diff/2...3'));
    await user.click(screen.getByRole('radio', { name: 'Unified lines' }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=unified'));
    const lines = await screen.findByRole('region', { name: /Line diff, unified: v2 to v3/ }, { timeout: 5000 });
    // The view switch has focus: n still moves to the next change.
    await user.keyboard('n');
    expect(await screen.findByText('Changed block 1 of 3')).toBeInTheDocument();
    expect(lines).toHaveTextContent('approve_if: "false"');
    expect(lines).toHaveTextContent('removed: password: ••••••••');
    expect(lines).toHaveTextContent('added: password: •••••••• (changed)');
    expect(lines).not.toHaveTextContent('changed-secret');
    await user.click(screen.getByRole('radio', { name: 'Split lines' }));
    expect(await screen.findByRole('region', { name: /side by side/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Swap the two versions' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/policies/id/diff/3...2'));
    expect(router.state.location.search).toBe('?view=split');
  });

  it('explains a bad range and a missing version', async () => {
    server.use(...guardianHandlers(structuredClone(ROWS)));
    renderDiff('/policies/id/diff/banana');
    expect(screen.getByRole('alert')).toHaveTextContent('“banana” is not a range of versions');
  });

  it('says which version does not exist', async () => {
    server.use(...guardianHandlers(structuredClone(ROWS)));
    renderDiff('/policies/id/diff/1...9?view=weird');
    expect(await screen.findByText(/Version 9 of id does not exist/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/There is no “weird” view/)).toBeInTheDocument();
  });
});
