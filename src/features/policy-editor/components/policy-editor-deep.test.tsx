import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { editorReady, GUARDIAN, renderEditor } from '../test/render-editor';
import { setUpEditorTests } from '../test/set-up-editor-tests';
import './review-dialog';

const API = `${GUARDIAN}/api/v1beta1`;
const nested = `${'{"a":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`;
const stored = `{"id":"deep","version":1,"steps":[{"name":"s","strategy":"manual","approvers":["a@example.com"],"step_extension":${nested}}],"deep_extension":${nested}}`;
const json = (text: string) => new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } });
const sent: Record<string, unknown>[] = [];
const server = setupServer(
  http.get(`${API}/policies/deep/versions/:version`, () => json(`{"policy":${stored}}`)),
  http.put(`${API}/policies/deep`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    sent.push(body);
    return HttpResponse.json({ policy: { ...body, version: 2 } });
  }),
);
setUpEditorTests(server);

describe('PolicyEditor: a policy with unknown keys nested 5,000 levels deep', () => {
  it('opens, says at review that those parts are left out, and saves the rest', async () => {
    const { user } = renderEditor('/policies/deep/edit');
    await editorReady();
    await user.type(document.getElementById('f-description') as HTMLInputElement, 'still editable');
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole('dialog', { name: /Review the changes/ }, { timeout: 10_000 });
    const note = within(dialog).getByRole('note');
    expect(note).toHaveTextContent(/^Left out when saving: .* are nested too deep for this console to handle/);
    expect(note).toHaveTextContent('steps.0.step_extension.… (64 levels down)');
    expect(note).toHaveTextContent('deep_extension.a.a.… (64 levels down)');
    await user.click(within(dialog).getByRole('button', { name: 'Save as version 2' }));
    expect(await screen.findByRole('heading', { name: 'Saved deep version 2' })).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 'deep', description: 'still editable' });
    expect(JSON.stringify(sent[0])).not.toContain('nested too deep');
  });
});
