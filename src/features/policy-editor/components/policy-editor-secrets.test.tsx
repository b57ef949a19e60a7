import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { policyDocument } from '@/lib/policy-document';
import { SECRET_MASK } from '@/lib/secrets';
import example5 from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { editorReady, renderEditor } from '../test/render-editor';
import { setUpEditorTests } from '../test/set-up-editor-tests';
import './import-dialog';

const { server } = createNodeMock();
setUpEditorTests(server);

describe('PolicyEditor: a masked secret is never saved as the secret', () => {
  it('refuses to import a downloaded YAML whose password is masked, naming where', async () => {
    const downloaded = policyDocument(policySchema.parse({ ...example5, id: 'masked-import', version: 3 }), 'yaml');
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Import YAML or JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a policy' });
    await user.click(within(dialog).getByLabelText('Policy (YAML or JSON)'));
    await user.paste(downloaded);
    await user.click(within(dialog).getByRole('button', { name: 'Show what changes' }));
    expect(await within(dialog).findByText(/masked value .*not the secret/)).toBeInTheDocument();
    expect(dialog).toHaveTextContent(/iam\.config\.auth\.password/);
  });

  it('refuses a mask typed or pasted into a secret field, at the field, and sends nothing', async () => {
    const writes: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') writes.push(`${request.method} ${request.url}`);
    });
    const { user } = renderEditor('/policies/new');
    await editorReady();
    const field = (id: string) => document.getElementById(id) as HTMLInputElement;
    await user.type(field('f-id'), 'masked-field');
    await user.type(field('f-steps-0-name'), 'owner');
    await user.type(field('f-steps-0-approvers-0-value'), 'owner@example.com');
    await user.click(screen.getByLabelText('Look up the requester in an identity service'));
    await user.type(field('f-iam-url'), 'https://iam.example.com/users/{{user_id}');
    await user.selectOptions(screen.getByLabelText('Type'), 'Basic (username and password)');
    await user.type(field('f-iam-username'), 'svc');
    await user.click(field('f-iam-password'));
    await user.paste(SECRET_MASK);

    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    await waitFor(() =>
      expect(field('f-iam-password')).toHaveAccessibleDescription(
        /This is a masked value \(••••••••\), not the secret/,
      ),
    );
    expect(screen.queryByRole('dialog', { name: /Review the new policy/ })).toBeNull();
    expect(writes).toEqual([]);
    server.events.removeAllListeners();
  });
});
