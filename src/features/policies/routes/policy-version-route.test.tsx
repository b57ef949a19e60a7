import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import basicAuth from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { guardianHandlers } from '@/test/guardian-handlers';
import { GUARDIAN, renderPolicyRoute } from '../test/render-policy-route';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// jsdom has no <dialog> behaviour: enough of it for the confirmation to open and close.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const v1 = { ...basicAuth, version: 1, created_by: 'first@example.com', created_at: '2026-01-01T00:00:00Z' };
const v2 = {
  ...basicAuth,
  version: 2,
  created_by: 'second@example.com',
  created_at: '2026-02-01T00:00:00Z',
  steps: [{ name: 'test', strategy: 'manual', approvers: ['user@email.com', '$appeal.creator.manager'] }],
  appeal: { ...basicAuth.appeal, allow_permanent_access: true },
  stages: ['review'],
};
const rows = () => [structuredClone(v1), structuredClone(v2)];

// Whole routes with lazy chunks: slow on a busy machine, so a longer limit than unit tests.
describe('PolicyVersionRoute', { timeout: 20_000 }, () => {
  it('shows the version with its timeline, the latest marked', async () => {
    server.use(...guardianHandlers(rows()));
    renderPolicyRoute('/policies/id/versions/2');
    expect(await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).toHaveTextContent('id v2');
    const timeline = await screen.findByRole('navigation', { name: 'Versions' });
    expect(within(timeline).getByRole('link', { name: /v2/ })).toHaveAttribute('aria-current', 'page');
    expect(within(timeline).getByRole('link', { name: /v2/ })).toHaveTextContent('Latest');
    // Each version says what it changed, risky changes first.
    await waitFor(() =>
      expect(within(timeline).getByRole('link', { name: /v2/ })).toHaveTextContent(
        /Risky · 3 changes: permanent access turned on$/,
      ),
    );
    expect(within(timeline).getByRole('link', { name: /v1/ })).toHaveTextContent(/First version$/);
    expect(screen.getByRole('link', { name: /Edit/ })).toHaveAttribute('href', '/policies/id/edit');
    expect(screen.getByRole('link', { name: /Compare with previous/ })).toHaveAttribute(
      'href',
      '/policies/id/diff/1...2',
    );
    expect(screen.getByRole('link', { name: /Test this version/ })).toHaveAttribute(
      'href',
      '/tests/new?policy=id&version=2&start=now',
    );
    // Approvers: email and expression told apart in words.
    expect(screen.getByText('Email')).toBeInTheDocument();
    expect(screen.getByText('Expression')).toBeInTheDocument();
    // A fork's extra part, read-only.
    expect(screen.getByRole('heading', { name: 'Other settings this console does not edit' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'stages' })).toHaveTextContent('review');
  });

  it('masks the IAM password until "Reveal" is pressed for that value', async () => {
    server.use(...guardianHandlers(rows()));
    const { user } = renderPolicyRoute('/policies/id/versions/2');
    const reveal = await screen.findByRole('button', { name: 'Reveal config.auth.password' }, { timeout: 5000 });
    expect(document.body).not.toHaveTextContent('test-password');
    await user.click(reveal);
    expect(screen.getByText('test-password')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide config.auth.password' }));
    expect(document.body).not.toHaveTextContent('test-password');
  });

  it('shows the CLI file (secrets left out and named) and the REST JSON (secrets masked)', async () => {
    server.use(...guardianHandlers(rows()));
    const { user, router } = renderPolicyRoute('/policies/id/versions/2');
    await user.click(await screen.findByRole('tab', { name: 'YAML' }, { timeout: 5000 }));
    expect(router.state.location.search).toBe('?tab=yaml');
    const code = await screen.findByRole('region', { name: 'id version 2 as YAML for the CLI' }, { timeout: 5000 });
    expect(code).toHaveTextContent('appeal_config:');
    expect(code).toHaveTextContent('# iam.config.auth.password: set before applying');
    expect(code).not.toHaveTextContent('test-password');
    expect(code).not.toHaveTextContent('•');
    expect(code.textContent).not.toMatch(/^version:/m);
    expect(screen.getByText(/1 secret is left out/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Download for the CLI/ })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'For' }), 'goto');
    expect(code.textContent).toMatch(/^appeal:/m);
    await user.click(screen.getByRole('checkbox', { name: 'Include secrets in plain text' }));
    expect(code).toHaveTextContent('password: test-password');
    expect(screen.getByText(/Secrets in plain text: keep this file out of git/)).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'YAML' }));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('region', { name: 'id version 2 as JSON' })).toHaveTextContent(
      '"allow_permanent_access": true',
    );
    expect(screen.getByText(/Secrets are masked here and in the download/)).toBeInTheDocument();
  });

  it('restores an older version as a new one after showing what it changes', async () => {
    const puts: Record<string, unknown>[] = [];
    server.use(...guardianHandlers(rows(), puts));
    const { user, router } = renderPolicyRoute('/policies/id/versions/1');
    await user.click(await screen.findByRole('button', { name: /Restore as new version/ }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore v1 as a new version?' }, { timeout: 5000 });
    expect(await within(dialog).findByText(/permanent access turned off/i)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save as v3' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/policies/id/versions/3'));
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ id: 'id', steps: [{ name: 'test', approvers: ['user@email.com'] }] });
    expect(puts[0]).not.toHaveProperty('version');
    expect(puts[0]).not.toHaveProperty('created_by');
    // The secret goes back as it was, not as its mask.
    expect(puts[0]).toHaveProperty('iam.config.auth.password', 'test-password');
    await waitFor(() => expect(document.body).toHaveTextContent('Restored v1 as v3.'));
  });

  it('stops a restore when someone saved while the dialog was open, shows their change, and saves only when asked again', async () => {
    const puts: Record<string, unknown>[] = [];
    const data = rows();
    server.use(...guardianHandlers(data, puts));
    const { user, router } = renderPolicyRoute('/policies/id/versions/1');
    await user.click(await screen.findByRole('button', { name: /Restore as new version/ }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore v1 as a new version?' }, { timeout: 5000 });
    await within(dialog).findByText(/permanent access turned off/i);
    data.push({
      ...structuredClone(v2),
      version: 3,
      created_by: 'third@example.com',
      appeal: { ...v2.appeal, allow_permanent_access: false },
    });

    await user.click(within(dialog).getByRole('button', { name: 'Save as v3' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('third@example.com saved v3');
    expect(alert).toHaveTextContent('Nothing was restored');
    expect(await within(alert).findByText(/permanent access/i)).toBeInTheDocument();
    expect(puts).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Save as v4' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/policies/id/versions/4'));
    expect(puts).toHaveLength(1);
  });

  it('looks before anything else when the answer to a restore is lost, and does not restore twice', async () => {
    const puts: Record<string, unknown>[] = [];
    server.use(
      http.put(
        `${GUARDIAN}/api/v1beta1/policies/id`,
        async ({ request }) => {
          // The server stores it, then the connection breaks before the answer.
          await fetch(request.url, { method: 'PUT', headers: request.headers, body: await request.text() });
          return HttpResponse.error();
        },
        { once: true },
      ),
      ...guardianHandlers(rows(), puts),
    );
    const { user, router } = renderPolicyRoute('/policies/id/versions/1');
    await user.click(await screen.findByRole('button', { name: /Restore as new version/ }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore v1 as a new version?' }, { timeout: 5000 });
    await user.click(await within(dialog).findByRole('button', { name: 'Save as v3' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/policies/id/versions/3'));
    expect(puts).toHaveLength(1);
    await waitFor(() => expect(document.body).toHaveTextContent(/answer was lost, but it had saved this as version 3/));
  });

  it('clamps a 100,000-character description behind "show more", and shows it all when asked', async () => {
    const long = `Starts here. ${'word '.repeat(20_000)}Ends here.`;
    server.use(...guardianHandlers([{ ...structuredClone(v2), version: 1, description: long }]));
    const { user } = renderPolicyRoute('/policies/id/versions/1');
    const more = await screen.findByRole('button', { name: /Show more of the description/ }, { timeout: 5000 });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(document.body).toHaveTextContent('Starts here.');
    expect(document.body).not.toHaveTextContent('Ends here.');
    expect(document.body.textContent!.length).toBeLessThan(10_000);
    await user.click(more);
    expect(screen.getByRole('region', { name: 'Description' })).toHaveTextContent(/Ends here\.$/);
    expect(screen.getByRole('button', { name: 'Show less of the description' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('shows an unknown key nested 5,000 levels deep as raw text: overview, YAML and JSON', async () => {
    // Written as text: JSON.stringify itself overflows the stack at this depth, JSON.parse does not.
    const nested = `${'{"a":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`;
    const body = `{"policy":{"id":"id","version":1,"steps":[{"name":"s","strategy":"manual","approvers":["a@example.com"]}],"deep_extension":${nested}}}`;
    const list = `{"policies":[${body.slice('{"policy":'.length, -1)}]}`;
    const json = (text: string) => new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } });
    server.use(
      http.get(`${GUARDIAN}/api/v1beta1/policies`, () => json(list)),
      http.get(`${GUARDIAN}/api/v1beta1/policies/id/versions/:version`, () => json(body)),
    );
    const { user } = renderPolicyRoute('/policies/id/versions/1');
    const region = await screen.findByRole('region', { name: 'deep_extension' }, { timeout: 5000 });
    expect(region).toHaveTextContent(/nested too deep to show; as raw text\] \{\\?"a\\?":/);
    await user.click(screen.getByRole('tab', { name: 'YAML' }));
    expect(
      await screen.findByRole('region', { name: 'id version 1 as YAML for the CLI' }, { timeout: 5000 }),
    ).toHaveTextContent(/nested too deep to show/);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(await screen.findByRole('region', { name: 'id version 1 as JSON' }, { timeout: 5000 })).toHaveTextContent(
      /nested too deep to show/,
    );
  });

  it('refuses an answer for another version than the address names, instead of labelling it wrongly', async () => {
    server.use(
      http.get(`${GUARDIAN}/api/v1beta1/policies/id/versions/1`, () => HttpResponse.json({ policy: v2 })),
      ...guardianHandlers(rows()),
    );
    renderPolicyRoute('/policies/id/versions/1');
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      /Asked for version 1 of id, the server answered with version 2 of id/,
    );
    expect(screen.queryByRole('tab', { name: 'YAML' })).toBeNull();
  });

  it('refuses a version that is not a number, with a way to the latest', async () => {
    renderPolicyRoute('/policies/id/versions/abc');
    expect(screen.getByRole('alert')).toHaveTextContent('“abc” is not a version number');
    expect(screen.getByRole('link', { name: 'Open the latest version of id' })).toHaveAttribute('href', '/policies/id');
  });

  it('tells a missing version apart from a missing policy', async () => {
    server.use(...guardianHandlers(rows()));
    renderPolicyRoute('/policies/id/versions/999');
    expect(
      await screen.findByText('Version 999 of this policy does not exist.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the latest version' })).toHaveAttribute(
      'href',
      '/policies/id/versions/2',
    );
  });

  it('says "policy not found" for an unknown id', async () => {
    server.use(...guardianHandlers(rows()));
    renderPolicyRoute('/policies/nope/versions/1');
    expect(await screen.findByText('Policy not found.', {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
