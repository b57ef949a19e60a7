import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { Route, RouterRoot, Switch } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
import { getSettings, resetSettings } from '@/lib/settings';
import { SettingsRoute } from './settings-route';

const { server } = createNodeMock();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => resetSettings());
afterEach(() => server.resetHandlers());

function renderSettings() {
  const router = createTestRouter('/settings');
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterRoot router={router}>
        <Switch>
          <Route path="/settings" component={SettingsRoute} />
          <Route path="/policies">
            <h1>Policies page</h1>
          </Route>
        </Switch>
      </RouterRoot>
    </QueryClientProvider>,
  );
  return { router, user };
}

const guardianUrl = () => screen.getByRole('textbox', { name: 'Guardian base URL' });
const engine = () => screen.getByRole('combobox', { name: 'Expression engine of this Guardian' });
const save = () => screen.getByRole('button', { name: 'Save settings' });

describe('Settings', { timeout: 15_000 }, () => {
  it('applies nothing until saved, then says what was saved', async () => {
    const { user } = renderSettings();
    await user.type(guardianUrl(), 'https://guardian.example.com');
    await user.type(screen.getByRole('textbox', { name: 'Account id' }), 'acc-1');
    expect(getSettings().guardianUrl).toBe('');
    expect(screen.getByText('Not saved yet: 2 changes.')).toBeInTheDocument();

    await user.click(save());
    expect(getSettings()).toMatchObject({ guardianUrl: 'https://guardian.example.com', accountId: 'acc-1' });
    expect(
      screen.getByText('Saved: Guardian base URL and account id. The console uses them from now on.'),
    ).toHaveAttribute('role', 'status');

    await user.clear(guardianUrl());
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(guardianUrl()).toHaveValue('https://guardian.example.com');
  });

  it('remembers the expression engine per Guardian URL', async () => {
    const { user } = renderSettings();
    await user.type(guardianUrl(), 'https://goto.example.com');
    await user.selectOptions(engine(), 'guardian-1.15');
    await user.click(save());
    expect(getSettings().exprTarget).toBe('guardian-1.15');

    await user.clear(guardianUrl());
    await user.type(guardianUrl(), 'https://raystack.example.com');
    expect(engine()).toHaveValue('guardian-1.12');
    await user.click(save());
    expect(getSettings().exprTarget).toBe('guardian-1.12');

    await user.clear(guardianUrl());
    await user.type(guardianUrl(), 'https://goto.example.com/');
    expect(engine()).toHaveValue('guardian-1.15');
  });

  it('tests each connection with the values as typed, and says the answer in words', async () => {
    const { user } = renderSettings();
    await user.type(guardianUrl(), 'http://localhost');
    const guardian = screen.getByRole('group', { name: 'Guardian policy API' });
    await user.click(within(guardian).getByRole('button', { name: 'Test connection to Guardian' }));
    expect(await within(guardian).findByText('Connected: Guardian answered as expected.')).toBeInTheDocument();

    const tests = screen.getByRole('group', { name: 'Cloudflare policy tests' });
    await user.type(within(tests).getByRole('textbox', { name: 'API base URL' }), 'http://localhost');
    await user.type(within(tests).getByRole('textbox', { name: 'Account id' }), 'acc');
    await user.type(within(tests).getByLabelText('API token'), 'revoked');
    await user.click(within(tests).getByRole('button', { name: 'Test connection to the policy-test API' }));
    expect(
      await within(tests).findByText(/Reachable, but the credentials were refused \(HTTP 403/),
    ).toBeInTheDocument();
    expect(getSettings().apiToken).toBe(''); // tested, not saved
  });

  it('asks before leaving with unsaved settings', async () => {
    const { router, user } = renderSettings();
    await user.type(guardianUrl(), 'https://x.example.com');
    act(() => router.navigate('/policies'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving the settings?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(guardianUrl()).toHaveValue('https://x.example.com');
    act(() => router.navigate('/policies'));
    await user.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByRole('heading', { name: 'Policies page' })).toBeInTheDocument();
    expect(getSettings().guardianUrl).toBe('');
  });
});
