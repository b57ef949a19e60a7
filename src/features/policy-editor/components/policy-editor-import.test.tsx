import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { editorReady, policySeeder, renderEditor } from '../test/render-editor';
import { recordSaves, setUpEditorTests } from '../test/set-up-editor-tests';
import './import-dialog';
import './review-dialog';

const { server } = createNodeMock();
setUpEditorTests(server);

const seedPolicy = policySeeder('import-test', {
  description: 'from the server',
  steps: [{ name: 'owner', strategy: 'manual', approvers: ['a@example.com'] }],
});

/** A file as `guardian policy apply --file` reads it: another id, goto's `stages`, a changed step. */
const CLI_FILE = `id: some-other-id
description: edited in git
stages:
  - review
steps:
  - name: owner
    stage: review
    strategy: manual
    approvers:
      - b@example.com
appeal_config:
  duration_options:
    - name: 1 day
      value: 24h
`;

describe('PolicyEditor: import on an existing policy', () => {
  it('shows what the file changes, then replaces the form, keeping the id and unknown keys', async () => {
    const id = await seedPolicy();
    const sent = recordSaves(server);
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();

    await user.click(screen.getByRole('button', { name: 'Import YAML or JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a policy' });
    const text = within(dialog).getByRole('textbox', { name: 'Policy (YAML or JSON)' });
    expect(text).toHaveClass('mono');
    fireEvent.change(text, { target: { value: CLI_FILE } });
    await user.click(within(dialog).getByRole('button', { name: 'Show what changes' }));

    const preview = await screen.findByRole('dialog', { name: 'Replace the form with this policy?' });
    expect(preview).toHaveTextContent(/The file is for “some-other-id”; its content is imported into “import-test-/);
    expect(preview).toHaveTextContent(/Kept “stages” as they are/);
    expect(preview).toHaveTextContent(/edited in git/);
    expect(within(preview).getByText(/Duration option/)).toBeInTheDocument();
    await user.click(within(preview).getByRole('button', { name: 'Replace the form' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.getElementById('f-description')).toHaveValue('edited in git');
    expect(document.getElementById('f-steps-0-approvers-0-value')).toHaveValue('b@example.com');

    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const review = await screen.findByRole('dialog', { name: /Review the changes/ }, { timeout: 10_000 });
    await user.click(within(review).getByRole('button', { name: /Save as version 2/ }));
    await screen.findByRole('heading', { name: `Saved ${id} version 2` }, { timeout: 10_000 });
    expect(sent()).toMatchObject({
      id,
      stages: ['review'],
      steps: [{ name: 'owner', stage: 'review', approvers: ['b@example.com'] }],
      appeal: { duration_options: [{ name: '1 day', value: '24h' }] },
    });
  });

  it('refuses a file that carries a masked secret, naming where', async () => {
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Import YAML or JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a policy' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Policy (YAML or JSON)' }), {
      target: {
        value: `${CLI_FILE}iam:\n  provider: http\n  config:\n    url: http://iam\n    auth:\n      type: bearer\n      token: ••••••••\n`,
      },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Show what changes' }));
    expect(await within(dialog).findByText(/masked value .* not the secret/)).toBeInTheDocument();
    expect(within(dialog).getByText('iam.config.auth.token')).toBeInTheDocument();
  });
});
