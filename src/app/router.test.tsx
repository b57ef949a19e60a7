import { QueryClient } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp as renderWholeApp } from './test/render-app';

// The Tests view's chunk never arrives: the app stays between the view it left and that one.
vi.mock('@/features/policy-tests/routes/recent-tests-route', () => new Promise(() => {}));

vi.setConfig({ testTimeout: 20_000 });

/** The whole app with no server behind it (a query client without the app's retries). */
const renderApp = (path: string) =>
  renderWholeApp(path, { settings: { guardianUrl: 'http://guardian.test' }, queryClient: new QueryClient() });

/** Types a title into a new policy, then leaves for the Tests view (still loading) with `choice`. */
async function typeThenLeave(choice: string) {
  const app = renderApp('/policies/new');
  await app.user.type(await screen.findByRole('textbox', { name: 'Title' }, { timeout: 5000 }), 'Typed before leaving');
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Tests' }));
  const leave = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
  await app.user.click(within(leave).getByRole('button', { name: choice }));
  expect(await screen.findByText('Loading…')).toBeInTheDocument();
  // As Back does, before the Tests view has loaded.
  act(() => app.router.navigate('/policies/new'));
  return screen.findByRole('textbox', { name: 'Title' });
}

describe('AppRoutes: coming back to a view before the next one has loaded', () => {
  it('offers the draft of an editor left with "keep the draft"', async () => {
    const title = await typeThenLeave('Leave, keep the draft');
    expect(await screen.findByRole('region', { name: 'Unsaved draft' })).toBeInTheDocument();
    expect(title).toHaveValue('');
  });

  it('does not bring back changes that were discarded', async () => {
    const title = await typeThenLeave('Discard changes and leave');
    expect(title).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Unsaved draft' })).toBeNull();
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });
});
