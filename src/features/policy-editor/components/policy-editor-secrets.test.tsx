import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { loadExpr } from '@/lib/expr/load';
import { policyDocument } from '@/lib/policy-document';
import example5 from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { editorReady, renderEditor } from '../test/render-editor';
import './import-dialog';

beforeAll(() => loadExpr());
vi.setConfig({ testTimeout: 20_000 });

const { server } = createNodeMock();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('PolicyEditor: a masked secret is never saved as the secret', () => {
  it('imports a downloaded YAML with its password masked, refuses the mask at the field, and sends nothing', async () => {
    const writes: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') writes.push(`${request.method} ${request.url}`);
    });
    const downloaded = policyDocument(policySchema.parse({ ...example5, id: 'masked-import', version: 3 }), 'yaml');
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.click(screen.getByRole('button', { name: 'Import YAML or JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a policy' });
    const text = within(dialog).getByLabelText('Policy (YAML or JSON)');
    await user.click(text);
    await user.paste(downloaded);
    await user.click(within(dialog).getByRole('button', { name: 'Fill the form' }));
    expect(await screen.findByText(/iam\.config\.auth\.password holds a masked value/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Review and create' }));
    const password = document.getElementById('f-iam-password') as HTMLInputElement;
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(/This is a masked value \(••••••••\), not the secret/),
    );
    expect(screen.queryByRole('dialog', { name: /Review the new policy/ })).toBeNull();
    expect(writes).toEqual([]);
    server.events.removeAllListeners();
  });
});
