import { expect, test, type Page } from '@playwright/test';
import { clearFaults, FAST_MOCK, getPolicyViaApi, putPolicyViaApi, setFaults } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * An edit survives what usually loses one: a reload, navigating away, a save the server refuses to
 * answer, and a colleague saving a newer version meanwhile.
 */
const NEW_ID = 'lost_work_policy';
const TITLE = 'Typed before trouble';

test.beforeEach(async ({ page }) => {
  await seedMock(page, { config: FAST_MOCK });
});

async function typeNewPolicy(page: Page): Promise<void> {
  await page.goto('/policies/new');
  await page.getByRole('textbox', { name: 'Id' }).fill(NEW_ID);
  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Name' }).fill('owner_approval');
  await page.getByRole('textbox', { name: 'Approver 1' }).fill('owner@example.com');
  await expect(page.getByText(/^Draft kept in this browser/)).toBeVisible();
}

async function expectNewPolicyBack(page: Page): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Id' })).toHaveValue(NEW_ID);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('owner_approval');
  await expect(page.getByRole('textbox', { name: 'Approver 1' })).toHaveValue('owner@example.com');
}

async function restoreDraft(page: Page): Promise<void> {
  const banner = page.getByRole('region', { name: 'Unsaved draft' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(banner).toHaveCount(0);
}

test('a reload keeps a new policy as a draft to restore', async ({ page }) => {
  await typeNewPolicy(page);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Id' })).toHaveValue('');
  await restoreDraft(page);
  await expectNewPolicyBack(page);
});

test('closing the tab with unsaved changes asks first', async ({ page }) => {
  await typeNewPolicy(page);
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  expect(page.isClosed()).toBe(false);
});

test('navigating away asks; staying keeps the edit, leaving keeps a draft', async ({ page }) => {
  await typeNewPolicy(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const leave = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });

  await nav.getByRole('link', { name: 'Tests' }).click();
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/policies\/new$/);
  await expectNewPolicyBack(page);

  await nav.getByRole('link', { name: 'Tests' }).click();
  await leave.getByRole('button', { name: 'Leave, keep the draft' }).click();
  await expect(page).toHaveURL(/\/tests$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/policies\/new$/);
  await restoreDraft(page);
  await expectNewPolicyBack(page);
});

test('a save that fails keeps the edit, across a reload too, and a later save stores it', async ({ page }) => {
  await page.goto('/policies/my_policy/edit');
  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await expect(page.getByText(/^Draft kept in this browser/)).toBeVisible();
  await setFaults(page, [{ route: 'guardian.update', fault: 'status', status: 503 }]);
  await page.getByRole('button', { name: 'Review and save' }).click();
  const review = page.getByRole('dialog');
  await review.getByRole('button', { name: /^(Save as version|Save anyway)/ }).click();
  await expect(review.getByRole('alert')).toContainText('HTTP 503');
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);

  await page.reload();
  await restoreDraft(page);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);

  await clearFaults(page);
  await page.getByRole('button', { name: 'Review and save' }).click();
  await review.getByRole('button', { name: /^(Save as version|Save anyway)/ }).click();
  await expect(page).toHaveURL(/\/policies\/my_policy\/versions\/\d+$/);
  expect((await getPolicyViaApi(page, 'my_policy')).title).toBe(TITLE);
});

test('a colleague’s save during the edit is shown, and both changes end up in the next version', async ({ page }) => {
  await page.goto('/policies/my_policy/edit');
  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  const before = await getPolicyViaApi(page, 'my_policy');
  const theirs = await putPolicyViaApi(page, 'my_policy', {
    ...before,
    description: 'Described by a colleague meanwhile',
  });
  expect(theirs.status).toBe(200);
  const theirVersion = theirs.body.policy!.version!;

  await page.getByRole('button', { name: 'Review and save' }).click();
  const conflict = page.getByRole('dialog', {
    name: `colleague@example.com saved version ${theirVersion} while you were editing`,
  });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep editing on top of theirs' }).click();
  await expect(page.getByText(`Your changes now sit on top of version ${theirVersion}.`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
  await expect(page.getByRole('textbox', { name: 'Description' }).first()).toHaveValue(
    'Described by a colleague meanwhile',
  );

  await page.getByRole('button', { name: 'Review and save' }).click();
  await page
    .getByRole('dialog')
    // my_policy reads the creator without an IAM: the review asks to "Save anyway" (the URL checks the version).
    .getByRole('button', { name: new RegExp(`^(Save as version ${theirVersion + 1}|Save anyway)$`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/policies/my_policy/versions/${theirVersion + 1}$`));
  const saved = await getPolicyViaApi(page, 'my_policy');
  expect(saved).toMatchObject({
    version: theirVersion + 1,
    title: TITLE,
    description: 'Described by a colleague meanwhile',
  });
});
