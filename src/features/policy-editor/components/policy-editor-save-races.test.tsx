import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { editorReady, GUARDIAN, policySeeder, putPolicy, renderEditor } from '../test/render-editor';
import { setUpEditorTests } from '../test/set-up-editor-tests';
import './review-dialog';
import './conflict-dialog';

const { server } = createNodeMock();
setUpEditorTests(server);

const API = `${GUARDIAN}/api/v1beta1`;
const STEPS = [{ name: 'owner_approval', strategy: 'manual', approvers: ['owner@example.com'] }];
const seedPolicy = policySeeder('race-test', { steps: STEPS });

async function versionsOf(id: string): Promise<{ version: number; description?: string; created_by?: string }[]> {
  const body = (await fetch(`${API}/policies`).then((r) => r.json())) as {
    policies: { id: string; version: number; description?: string; created_by?: string }[];
  };
  return body.policies.filter((p) => p.id === id).sort((a, b) => a.version - b.version);
}

/** The server stores the write, then the connection breaks before its answer arrives. */
function storeThenCut(method: 'put' | 'post', url: string) {
  let writes = 0;
  server.use(
    http[method](
      url,
      async ({ request }) => {
        if (new URL(request.url).searchParams.has('dry_run')) return undefined;
        writes++;
        await fetch(request.url, { method: request.method, headers: request.headers, body: await request.text() });
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  return () => writes;
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;

async function openReview(user: ReturnType<typeof renderEditor>['user'], button = 'Review and save') {
  await user.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: /^Review/ }, { timeout: 10_000 });
}

describe('PolicyEditor: a save never overwrites what it was not shown', () => {
  it('checks again at confirm: a version saved while the review is open stops the save and shows theirs', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.type(field('f-description'), 'mine');
    const review = await openReview(user);
    const confirm = within(review).getByRole('button', { name: 'Save as version 2' });

    await putPolicy({ id, description: 'theirs', steps: STEPS });
    await user.click(confirm);

    const conflict = await screen.findByRole('dialog', { name: /saved version 2 while you were editing/ });
    expect(conflict).toHaveTextContent(/description/i);
    // Nothing of ours was sent: their version is the latest, and the only one after the first.
    expect((await versionsOf(id)).map((v) => [v.version, v.description])).toEqual([
      [1, undefined],
      [2, 'theirs'],
    ]);
  });
});

describe('PolicyEditor: a save whose answer is lost', () => {
  it('says the server may have saved it, looks, and lands on the version it stored instead of saving twice', async () => {
    const id = await seedPolicy();
    const writes = storeThenCut('put', `${API}/policies/${id}`);
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.type(field('f-description'), 'sent once');
    const review = await openReview(user);
    await user.click(within(review).getByRole('button', { name: 'Save as version 2' }));
    expect(await screen.findByRole('heading', { name: `Saved ${id} version 2` })).toBeInTheDocument();
    expect(writes()).toBe(1);
    expect((await versionsOf(id)).map((v) => [v.version, v.description])).toEqual([
      [1, undefined],
      [2, 'sent once'],
    ]);
  });

  it('when nothing was stored, says so after looking, and only then offers to save again', async () => {
    const id = await seedPolicy();
    server.use(http.put(`${API}/policies/${id}`, () => HttpResponse.error(), { once: true }));
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.type(field('f-description'), 'try twice');
    const review = await openReview(user);
    await user.click(within(review).getByRole('button', { name: 'Save as version 2' }));
    await waitFor(() => expect(review).toHaveTextContent(/it is still version 1, so nothing was saved/));
    expect(review).toHaveTextContent(/The server may have saved this/);
    await user.click(within(review).getByRole('button', { name: 'Save as version 2' }));
    expect(await screen.findByRole('heading', { name: `Saved ${id} version 2` })).toBeInTheDocument();
    expect((await versionsOf(id)).length).toBe(2);
  });

  it('when the look fails too, never offers to save again, only to look again', async () => {
    const id = await seedPolicy();
    server.use(http.put(`${API}/policies/${id}`, () => HttpResponse.error(), { once: true }));
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    await user.type(field('f-description'), 'unknown');
    const review = await openReview(user);
    // The confirm's own check passes; the look after the lost answer fails.
    let reads = 0;
    server.use(
      http.get(`${API}/policies/${id}/versions/0`, () => {
        reads++;
        return reads === 1 ? undefined : HttpResponse.error();
      }),
    );
    await user.click(within(review).getByRole('button', { name: 'Save as version 2' }));
    const checkAgain = await within(review).findByRole('button', { name: 'Check whether it was saved' });
    expect(review).toHaveTextContent(/Do not save again before knowing/);
    expect(within(review).queryByRole('button', { name: /^Save as/ })).toBeNull();
    server.resetHandlers();
    await user.click(checkAgain);
    await waitFor(() => expect(review).toHaveTextContent(/nothing was saved/));
  });

  it('creates a new policy once when the answer to the create is lost', async () => {
    const id = 'race-new-1';
    const writes = storeThenCut('post', `${API}/policies`);
    const { user } = renderEditor('/policies/new');
    await editorReady();
    await user.type(field('f-id'), id);
    await user.type(field('f-steps-0-name'), 'owner');
    await user.type(field('f-steps-0-approvers-0-value'), 'owner@example.com');
    const review = await openReview(user, 'Review and create');
    await user.click(within(review).getByRole('button', { name: 'Create policy' }));
    expect(await screen.findByRole('heading', { name: `Saved ${id} version 1` })).toBeInTheDocument();
    expect(writes()).toBe(1);
    expect((await versionsOf(id)).length).toBe(1);
  });
});
