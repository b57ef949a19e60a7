import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { updateSettings } from '@/lib/settings';
import { draftKey } from '../draft/draft-storage';
import { editorReady, GUARDIAN, policySeeder, putPolicy, renderEditor } from '../test/render-editor';
import { recordSaves, setUpEditorTests } from '../test/set-up-editor-tests';
// Loaded lazily by the editor; imported here once so that the first test to open one is not slow.
import './review-dialog';
import './conflict-dialog';

const { server } = createNodeMock();
setUpEditorTests(server);

const seedPolicy = policySeeder('editor-test', {
  steps: [
    { name: 'owner_approval', strategy: 'manual', approvers: ['$appeal.resource.details.owner'] },
    { name: 'admin_approval', strategy: 'manual', approvers: ['admin@example.com'] },
  ],
  appeal: { duration_options: [{ name: '1 day', value: '24h' }] },
});

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
/** Text on the page, not counting what the live region reads out. */
const saidOnScreen = (text: RegExp) => screen.getAllByText(text).filter((el) => !el.closest('[aria-live]'));

describe('PolicyEditor: new policy', () => {
  it('stops an empty policy at the id, lists every problem with a link, and marks the fields', async () => {
    const { user } = renderEditor('/policies/new');
    await user.click(await editorReady());
    const summary = await screen.findByRole('region', { name: /3 problems stop this policy from saving/ });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Id', 'Step 1 › Name', 'Step 1 › Approver 1']);
    const id = field('f-id');
    await waitFor(() => expect(id).toHaveFocus());
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(id).toHaveAccessibleDescription(/Give the policy an id, e\.g\. bigquery_approval/);
    await waitFor(() =>
      expect(document.querySelector('[aria-live="polite"][aria-atomic="true"]')).toHaveTextContent(
        /3 problems stop this policy from saving\. First: Id: Give the policy an id/,
      ),
    );
  });

  it('auto steps ask for approve_if and hide approvers; manual steps the reverse', async () => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.type(field('f-id'), 'p');
    await user.type(field('f-steps-0-name'), 'check');
    await user.click(screen.getByRole('radio', { name: /Auto/ }));
    expect(screen.queryByRole('group', { name: /Approvers/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    const approveIf = field('f-steps-0-approveIf');
    await waitFor(() => expect(approveIf).toHaveFocus());
    expect(document.getElementById('f-steps-0-approveIf-error')).toHaveTextContent(/An auto step needs approve_if/);

    await user.click(screen.getByRole('radio', { name: /Manual/ }));
    expect(document.getElementById('f-steps-0-approveIf')).toBeNull();
    const approver = field('f-steps-0-approvers-0-value');
    await user.type(approver, 'alice@example');
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    await waitFor(() => expect(approver).toHaveFocus());
    expect(approver).toHaveAccessibleDescription(/not a valid email address: write it as name@example\.com/);
  });

  it.each([
    ['basic', 'Basic (username and password)', ['Username', 'Password']],
    ['api_key', 'API key (header or query parameter)', ['Header or parameter name', 'API key']],
    ['bearer', 'Bearer token', ['Token']],
    ['google_idtoken', 'Google ID token (service account)', ['Audience', 'Credentials JSON']],
  ])('IAM %s auth shows its own fields, masks the secret, and requires them', async (_type, option, labels) => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.click(screen.getByLabelText('Look up the requester in an identity service'));
    await user.type(field('f-iam-url'), 'https://iam.example.com/users/{{user_id}');
    await user.selectOptions(screen.getByLabelText('Type'), option);
    for (const label of labels) expect(screen.getAllByLabelText(label).length).toBeGreaterThan(0);
    const secret = document.querySelector<HTMLInputElement>('.editor__secret input');
    expect(secret?.type === 'password' || secret?.readOnly).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    const summary = await screen.findByRole('region', { name: /problems? stops? this policy/ });
    for (const label of labels.map((l) => (l === 'Header or parameter name' ? 'API key name' : l))) {
      expect(within(summary).getByRole('link', { name: label })).toBeInTheDocument();
    }
  });

  it('says what is wrong with a duration and with a requirement, at the field', async () => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Add duration option' }));
    await user.type(field('f-appeal-durationOptions-0-name'), 'One day');
    await user.type(field('f-appeal-durationOptions-0-value'), '1d');
    await user.click(screen.getByRole('button', { name: 'Add requirement' }));
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    await screen.findByRole('region', { name: /problems stop/ });
    expect(field('f-appeal-durationOptions-0-value')).toHaveAccessibleDescription(
      /Go durations have no days: write 24h instead of "1d"/,
    );
    expect(field('f-requirements-0-on-providerType')).toHaveAccessibleDescription(/fill at least one of provider type/);
    expect(field('f-requirements-0-appeals-0-role')).toHaveAccessibleDescription(/Give the role/);
  });

  it('says a duration is wrong as soon as the field is left, and drops the message once it is right', async () => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Add duration option' }));
    const value = field('f-appeal-durationOptions-0-value');
    await user.type(value, '1d');
    expect(value).not.toHaveAccessibleDescription(/Go durations have no days/);
    await user.tab();
    await waitFor(() =>
      expect(value).toHaveAccessibleDescription(/Go durations have no days: write 24h instead of "1d"/),
    );
    expect(value).toHaveAttribute('aria-invalid', 'true');
    // Other fields are not judged on leaving: the empty name says nothing yet.
    expect(field('f-appeal-durationOptions-0-name')).not.toHaveAttribute('aria-invalid');
    await user.clear(value);
    await user.type(value, '24h');
    await waitFor(() => expect(value).not.toHaveAttribute('aria-invalid'));
  });

  it('asks for the identity email before sending anything', async () => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    act(() => updateSettings({ identityEmail: '' }));
    await user.type(field('f-id'), 'no-identity');
    await user.type(field('f-steps-0-name'), 'only');
    await user.type(field('f-steps-0-approvers-0-value'), 'a@example.com');
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Saving needs your identity email/);
    expect(within(alert).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses an id that already exists, at the id', async () => {
    const existing = await seedPolicy();
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.type(field('f-id'), existing);
    await user.type(field('f-steps-0-name'), 'only');
    await user.type(field('f-steps-0-approvers-0-value'), 'a@example.com');
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    await waitFor(() => expect(field('f-id')).toHaveAccessibleDescription(/already exists \(latest version 1\)/));
  });

  it('creates a policy and lands on its first version', async () => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.type(field('f-id'), 'created-1');
    await user.type(field('f-steps-0-name'), 'owner');
    await user.type(field('f-steps-0-approvers-0-value'), 'owner@example.com');
    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    const dialog = await screen.findByRole('dialog', { name: /Review the new policy/ }, { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Create policy' }));
    expect(await screen.findByRole('heading', { name: /Saved created-\d+ version 1/ })).toBeInTheDocument();
  });
});

describe('PolicyEditor: editing', () => {
  it('collapses a long policy, and opens the step that holds the first problem', async () => {
    const id = await seedPolicy({
      steps: Array.from({ length: 6 }, (_, i) => ({
        name: `step_${i}`,
        strategy: 'manual',
        approvers: [`a${i}@example.com`],
      })),
    });
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    expect(document.getElementById('f-steps-4-name')).toBeNull();
    const toggle = screen.getByRole('button', { name: /^Step 5 step_4/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    await user.clear(field('f-steps-4-name'));
    await user.click(toggle);
    expect(document.getElementById('f-steps-4-name')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    await waitFor(() => expect(document.getElementById('f-steps-4-name')).toHaveFocus());
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('reorders steps with Alt+Arrow on a focused step header, keeping focus on it', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    const first = screen.getByRole('button', { name: /^Step 1 owner_approval/ });
    first.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(screen.getByRole('button', { name: /^Step 2 owner_approval/ })).toHaveFocus());
    expect(screen.getByRole('button', { name: /^Step 1 admin_approval/ })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('[aria-live="polite"][aria-atomic="true"]')).toHaveTextContent(
        'Moved owner_approval to position 2 of 2.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Move step 2 up' }));
    expect(screen.getByRole('button', { name: /^Step 1 owner_approval/ })).toBeInTheDocument();
  });

  it('puts Guardian’s dry-run refusal on the fields it names, and the rest at the top in its words', async () => {
    const id = await seedPolicy();
    server.use(
      http.put(`${GUARDIAN}/api/v1beta1/policies/${id}`, () =>
        HttpResponse.json(
          {
            code: 13,
            message:
              "failed to update policy: policy validation: Key: 'Policy.Steps[1].Approvers' Error:Field validation for 'Approvers' failed on the 'required_if' tag\nKey: 'Policy.Version' Error:Field validation for 'Version' failed on the 'gte' tag",
          },
          { status: 500 },
        ),
      ),
    );
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Check with server' }));
    // One place says it: the list of problems, not a banner as well.
    const summary = await screen.findByRole('region', { name: /^Guardian would refuse this policy\. 2 problems stop/ });
    expect(saidOnScreen(/Guardian would refuse this policy/)).toHaveLength(1);
    expect(summary).toHaveTextContent(
      "Key: 'Policy.Version' Error:Field validation for 'Version' failed on the 'gte' tag",
    );
    expect(within(summary).getByRole('link', { name: 'Step 2 (admin_approval) › Approvers' })).toBeInTheDocument();
    await waitFor(() => expect(document.getElementById('f-steps-1-approvers')).toHaveFocus());
  });

  it('says a duration Guardian refuses in words at the field, with Go’s own text behind “details”', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.clear(field('f-appeal-durationOptions-0-value'));
    await user.type(field('f-appeal-durationOptions-0-value'), '1d');
    await user.click(screen.getByRole('button', { name: 'Check with server' }));
    const summary = await screen.findByRole('region', { name: /^Guardian would refuse this policy\. 1 problem stops/ });
    expect(saidOnScreen(/Guardian would refuse this policy/)).toHaveLength(1);
    const item = within(summary).getByRole('link', { name: 'Duration option 1 › Duration' }).closest('li')!;
    expect(item).toHaveTextContent('Guardian: Go durations have no days: write 24h instead of "1d".');
    const details = within(item).getByText('Guardian’s words').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('time: unknown unit "d" in duration "1d"');
    expect(field('f-appeal-durationOptions-0-value')).toHaveAccessibleDescription(
      /Guardian: Go durations have no days: write 24h instead of "1d"/,
    );
    expect(field('f-appeal-durationOptions-0-value')).not.toHaveAccessibleDescription(/unknown unit/);
  });

  it('says when Guardian accepts the policy in a dry run, and saves nothing', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Check with server' }));
    await waitFor(() =>
      expect(document.querySelector('.editor__banner--success')).toHaveTextContent(
        /Guardian accepts this policy.*would store version 2/,
      ),
    );
    const latest = await fetch(`${GUARDIAN}/api/v1beta1/policies/${id}/versions/0`).then(
      (r) => r.json() as Promise<{ policy: { version: number } }>,
    );
    expect(latest.policy.version).toBe(1);
  });

  it('sends only the chosen strategy’s fields, reviews the diff, and lands on the new version', async () => {
    const id = await seedPolicy();
    const sent = recordSaves(server);
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.click(screen.getAllByRole('radio', { name: /Auto/ })[1]!);
    await user.type(field('f-steps-1-approveIf'), 'true');
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /Review the changes against version 1 \(the latest\)/ },
      { timeout: 10_000 },
    );
    expect(within(dialog).getAllByText(/admin_approval/).length).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('button', { name: 'Save as version 2' }));
    expect(await screen.findByRole('heading', { name: `Saved ${id} version 2` })).toBeInTheDocument();
    const steps = sent()?.steps as Record<string, unknown>[];
    expect(steps[1]).toEqual({
      name: 'admin_approval',
      strategy: 'auto',
      approve_if: 'true',
      approvers: [],
      allow_failed: false,
    });
  });

  it('keeps a draft, offers it back after a reload, and restores it', async () => {
    const id = await seedPolicy();
    const first = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await first.user.type(field('f-description'), 'typed before the crash');
    await waitFor(() => expect(localStorage.getItem(draftKey(id))).toContain('typed before the crash'));
    first.unmount();

    const second = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    expect(field('f-description').value).toBe('');
    const banner = screen.getByRole('region', { name: 'Unsaved draft' });
    expect(banner).toHaveTextContent(/made on version 1/);
    await second.user.click(within(banner).getByRole('button', { name: 'Restore my changes' }));
    expect(field('f-description').value).toBe('typed before the crash');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('warns that someone else saved meanwhile, shows their change, and can rebase on it', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.type(field('f-description'), 'mine');
    await putPolicy({
      id,
      steps: [
        {
          name: 'owner_approval',
          strategy: 'manual',
          approvers: ['$appeal.resource.details.owner', 'backup@example.com'],
        },
        { name: 'admin_approval', strategy: 'manual', approvers: ['admin@example.com'] },
      ],
      appeal: { duration_options: [{ name: '1 day', value: '24h' }] },
    });
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /saved version 2 while you were editing/ },
      { timeout: 10_000 },
    );
    expect(within(dialog).getByText(/someone\.else@example\.com|Someone/)).toBeDefined();
    expect(dialog).toHaveTextContent(/owner_approval/);
    expect(within(dialog).getByRole('button', { name: 'Overwrite with mine' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing on top of theirs' }));
    expect((await screen.findAllByText(/Your changes now sit on top of version 2/)).length).toBeGreaterThan(0);
    expect(field('f-description').value).toBe('mine');
    expect(screen.getByRole('button', { name: /^Step 1 owner_approval/ })).toHaveAttribute('aria-expanded', 'true');
    expect(field('f-steps-0-approvers-1-value').value).toBe('backup@example.com');
  });

  it('explains a ?from= it cannot read, and edits the latest instead', async () => {
    const id = await seedPolicy();
    renderEditor(`/policies/${id}/edit?from=abc`);
    await editorReady();
    expect(screen.getByText(/“from=abc” in the address is not a version number/)).toBeInTheDocument();
  });

  it('shows a policy it cannot load as an error with a retry, not a blank page', async () => {
    renderEditor('/policies/does-not-exist/edit');
    expect(await screen.findByRole('alert')).toHaveTextContent(/policy not found/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('blocks in-app navigation with unsaved changes until the admin decides', async () => {
    const id = await seedPolicy();
    const { user, router } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.type(field('f-title'), 'unsaved');
    act(() => void router.navigate('/policies'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe(`/policies/${id}/edit`);
    act(() => void router.navigate('/policies'));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' })).getByRole('button', {
        name: 'Discard changes and leave',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Policy list' })).toBeInTheDocument();
    expect(localStorage.getItem(draftKey(id))).toBeNull();
  });
});
