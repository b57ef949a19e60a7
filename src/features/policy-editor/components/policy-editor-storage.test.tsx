import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { getSettings, updateSettings } from '@/lib/settings';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { draftKey, listDrafts, saveDraft } from '../draft/draft-storage';
import { toFormValues } from '../form/to-form-values';
import { editorReady, policySeeder, renderEditor } from '../test/render-editor';
import { setUpEditorTests } from '../test/set-up-editor-tests';
import './review-dialog';

const { server } = createNodeMock();
setUpEditorTests(server);
afterEach(() => vi.restoreAllMocks());

const STEPS = [{ name: 'owner_approval', strategy: 'manual', approvers: ['owner@example.com'] }];
const seedPolicy = policySeeder('storage-test', { steps: STEPS });

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const toolbarStatus = () => document.querySelector('.editor__toolbar-status') as HTMLElement;

describe('PolicyEditor and the browser’s storage', () => {
  it('runs with no storage at all, and says before any typing that drafts cannot be kept', async () => {
    const id = await seedPolicy();
    const denied = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(denied);
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(denied);
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    expect(screen.getByText(/drafts cannot be kept/)).toBeInTheDocument();
    await user.type(field('f-description'), 'kept in the page');
    await waitFor(() => expect(toolbarStatus()).toHaveTextContent(/does not let the console store data/));
    expect(toolbarStatus()).toHaveTextContent('Unsaved changes');
    expect(field('f-description').value).toBe('kept in the page');
  });

  it('says when storage is full, and keeps the edit in the page', async () => {
    const id = await seedPolicy();
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (key.startsWith('policy-console.draft.'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    await user.type(field('f-description'), 'x');
    await waitFor(() => expect(toolbarStatus()).toHaveTextContent(/storage is full: your draft is not being kept/));
    expect(toolbarStatus()).not.toHaveTextContent('No unsaved changes');
    expect(field('f-description').value).toBe('x');
  });

  it('keeps one draft per tab: offers the other tab’s with its time and version, and a save removes only its own', async () => {
    const id = await seedPolicy();
    const base = toFormValues(policySchema.parse({ id, version: 1, steps: STEPS }));
    const theirs = { ...structuredClone(base), title: 'typed in the other tab' };
    const otherTab = draftKey(id, 'other-tab');
    saveDraft(otherTab, {
      values: theirs,
      base,
      baseVersion: 1,
      latestAtStart: 1,
      now: new Date('2026-03-04T05:06:00Z'),
    });

    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    const banner = screen.getByRole('region', { name: 'Unsaved draft' });
    expect(banner).toHaveTextContent(/made in another tab/);
    expect(banner).toHaveTextContent(/made on version 1/);
    expect(banner).toHaveTextContent(/2026/);

    // This tab edits without touching the other tab's draft.
    await user.type(field('f-description'), 'typed in this tab');
    await waitFor(() => expect(localStorage.getItem(draftKey(id))).toContain('typed in this tab'));
    expect(localStorage.getItem(otherTab)).toContain('typed in the other tab');

    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole('dialog', { name: /Review the changes/ }, { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Save as version 2' }));
    expect(await screen.findByRole('heading', { name: `Saved ${id} version 2` })).toBeInTheDocument();
    expect(localStorage.getItem(draftKey(id))).toBeNull();
    expect(listDrafts(id, base).map((draft) => draft.values.title)).toEqual(['typed in the other tab']);
  });

  it('lists both drafts when this tab and another kept one, and restores the one chosen', async () => {
    const id = await seedPolicy();
    const base = toFormValues(policySchema.parse({ id, version: 1, steps: STEPS }));
    saveDraft(draftKey(id), {
      values: { ...structuredClone(base), title: 'mine' },
      base,
      baseVersion: 1,
      latestAtStart: 1,
    });
    saveDraft(draftKey(id, 'other-tab'), {
      values: { ...structuredClone(base), title: 'theirs' },
      base,
      baseVersion: 1,
      latestAtStart: 1,
    });
    const { user } = renderEditor(`/policies/${id}/edit`);
    await editorReady();
    const banner = screen.getByRole('region', { name: 'Unsaved drafts' });
    expect(within(banner).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(banner).getByRole('button', { name: /Restore the draft from .*another tab/ }));
    await waitFor(() => expect(field('f-title').value).toBe('theirs'));
    // Restoring made it this tab's draft; this tab's earlier one is still kept, not overwritten.
    expect(
      listDrafts(id, base)
        .map((draft) => draft.values.title)
        .sort(),
    ).toEqual(['mine', 'theirs']);
  });

  it('picks up an identity set in another tab without a reload', async () => {
    const id = await seedPolicy();
    renderEditor(`/policies/${id}/edit`);
    await editorReady();
    act(() => updateSettings({ identityEmail: '' }));
    expect(screen.getByText(/Saving needs your identity email/)).toBeInTheDocument();
    const { apiToken: _t, apiKey: _k, ...stored } = { ...getSettings(), identityEmail: 'from-other-tab@example.com' };
    localStorage.setItem('policy-console.settings', JSON.stringify(stored));
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: 'policy-console.settings' })));
    expect(screen.queryByText(/Saving needs your identity email/)).toBeNull();
    expect(getSettings().identityEmail).toBe('from-other-tab@example.com');
  });
});
