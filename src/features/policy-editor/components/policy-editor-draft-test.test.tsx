import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { updateSettings } from '@/lib/settings';
import { editorReady, policySeeder, renderEditor } from '../test/render-editor';
import { setUpEditorTests } from '../test/set-up-editor-tests';

/** "Test this draft": the unsaved form tested over every user by the policy-test server, nothing saved. */

const TESTS = 'http://cf.test/client/v4/accounts/acc/access/policy-tests';
const { server, state } = createNodeMock();
// A new list per test: a launch body still being read when a test ends lands in that test's list.
let started: unknown[] = [];
setUpEditorTests(server);
beforeAll(() => {
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'POST' || request.url !== TESTS) return;
    const list = started;
    void request
      .clone()
      .json()
      .then((b) => list.push(b));
  });
});
beforeEach(() => {
  started = [];
  localStorage.clear();
  updateSettings({ policyTestUrl: 'http://cf.test', accountId: 'acc', apiToken: 'token' });
});

/** The test server refuses every launch with this status and error, in the Cloudflare envelope. */
const refuseDraftsWith = (status: number, error: { code: number; message: string }) =>
  server.use(
    http.post(TESTS, () =>
      HttpResponse.json({ success: false, result: null, messages: [], errors: [error] }, { status }),
    ),
  );

const seedPolicy = policySeeder('draft-test', {
  steps: [
    { name: 'owner_approval', strategy: 'manual', approvers: ['$appeal.resource.details.owner'] },
    { name: 'admin_approval', strategy: 'manual', approvers: ['admin@example.com'] },
  ],
});

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const testThisDraft = () => screen.getByRole('button', { name: 'Test this draft' });

describe('Test this draft', () => {
  it('sends the unsaved form inline with its saved version beside it, and shows both tests', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.clear(field('f-steps-1-approvers-0-value'));
    await user.type(field('f-steps-1-approvers-0-value'), 'security@example.com');
    await user.click(testThisDraft());

    const panel = await screen.findByRole('region', { name: 'Test of this draft' });
    await waitFor(() => expect(started).toHaveLength(2));
    const [draft, base] = started as { policies: unknown[] }[];
    // The draft in Guardian's REST wire form, as typed; the saved version by id.
    expect(draft!.policies).toEqual([
      expect.objectContaining({
        id,
        steps: [
          expect.objectContaining({ name: 'owner_approval', approvers: ['$appeal.resource.details.owner'] }),
          expect.objectContaining({ name: 'admin_approval', approvers: ['security@example.com'] }),
        ],
      }),
    ]);
    expect(base!.policies).toEqual([`${id}:1`]);
    expect(within(panel).getByRole('progressbar', { name: 'Saved version v1' })).toBeInTheDocument();
    expect(within(panel).getByRole('progressbar', { name: 'This draft (unsaved)' })).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'Open the delta' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/tests\/compare\?a=[\w-]+&b=[\w-]+$/),
    );
    // Nothing was saved.
    expect(state.catalog.latestVersion(id)).toBe(1);
  });

  it('a draft that does not validate is not sent: the same field errors as saving', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.clear(field('f-steps-1-name'));
    await user.click(testThisDraft());
    await screen.findByRole('region', { name: /problem stops this policy from saving/ });
    await waitFor(() => expect(field('f-steps-1-name')).toHaveFocus());
    expect(field('f-steps-1-name')).toHaveAttribute('aria-invalid', 'true');
    expect(started).toEqual([]);
  });

  it('Guardian’s refusal of the draft (422, Guardian’s words) lands on the field it names', async () => {
    refuseDraftsWith(422, {
      code: 10422,
      message:
        "policy validation: Key: 'Policy.Steps[1].Approvers' Error:Field validation for 'Approvers' failed on the 'required_if' tag",
    });
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.click(testThisDraft());
    const approvers = await screen.findByRole('group', { name: /Approvers/, description: /needs at least one/ });
    expect(approvers).toHaveAccessibleDescription(/Guardian: a manual step needs at least one approver/);
    expect(screen.queryByRole('region', { name: 'Test of this draft' })).toBeNull();
  });

  it('a server that takes no inline Guardian policies (400) is said in words, and nothing else changes', async () => {
    refuseDraftsWith(400, { code: 12130, message: 'access.api.error.invalid_request: policies[0] is invalid' });
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.click(testThisDraft());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This test server cannot test unsaved drafts — save a version, or use the Guardian test runner.',
    );
    expect(alert).toHaveTextContent('policies[0] is invalid');
    expect(screen.getByRole('button', { name: 'Review and save' })).toBeEnabled();
  });
});
