import { expect, test, type Page } from '@playwright/test';
import { FAST_MOCK } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * Two tabs of one browser on the same policy: they share local storage, not their session. Each
 * keeps its own draft, and a setting changed in one applies in the other without a reload.
 */
const EDIT = '/policies/my_policy/edit';

async function openTab(page: Page): Promise<void> {
  await seedMock(page, { config: FAST_MOCK });
  await page.goto(EDIT);
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();
}

test('two tabs keep two drafts, each offered with its origin, and settings travel between them', async ({
  context,
}) => {
  const a = await context.newPage();
  await openTab(a);
  await a.getByRole('textbox', { name: 'Title' }).fill('Typed in tab A');
  await expect(a.getByText(/^Draft kept in this browser/)).toBeVisible();

  const b = await context.newPage();
  await openTab(b);
  const offered = b.getByRole('region', { name: 'Unsaved draft' });
  await expect(offered).toContainText('made in another tab');
  await b.getByRole('textbox', { name: 'Title' }).fill('Typed in tab B');
  await expect(b.getByText(/^Draft kept in this browser/)).toBeVisible();

  // Tab A's draft was not overwritten by tab B's: a reload of B offers both, its own first.
  await b.reload();
  const both = b.getByRole('region', { name: 'Unsaved drafts' });
  await expect(both.getByRole('listitem')).toHaveCount(2);
  await expect(both.getByRole('listitem').first()).toContainText('(this tab)');
  await both.getByRole('button', { name: /Restore the draft from .*\(this tab/ }).click();
  await expect(b.getByRole('textbox', { name: 'Title' })).toHaveValue('Typed in tab B');
  await expect(a.getByRole('textbox', { name: 'Title' })).toHaveValue('Typed in tab A');

  // An identity cleared in tab A's Settings reaches tab B's open editor at once.
  await a.goto('/settings');
  await a.getByRole('textbox', { name: 'Identity email (X-Auth-Email)' }).fill('');
  await a.getByRole('button', { name: 'Save settings' }).click();
  await expect(b.getByText(/Saving needs your identity email/)).toBeVisible();
});
