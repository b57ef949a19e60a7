import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { NO_LATENCY } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * The policy editor against the demo's mock Guardian: create a policy from nothing, change an
 * example policy, see errors, ask the server, review the diff, save; and never lose work.
 */

// Whole flows with several saves and axe scans: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 60_000 });
test.beforeEach(({ page }) => seedMock(page, { config: NO_LATENCY }));

const SHOTS = process.env.EDITOR_SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

async function openEditor(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('button', { name: /^Review and (save|create)$/ })).toBeVisible({ timeout: 15_000 });
}

const step = (page: Page, n: number) => page.getByRole('button', { name: new RegExp(`^Step ${n} `) });

test('create a policy from nothing: errors first, then review and land on version 1', async ({ page }) => {
  await openEditor(page, '/policies/new');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Review and create' }).click();
  const summary = page.getByRole('region', { name: /problems stop this policy from saving/ });
  await expect(summary).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Id', exact: true })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Id', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'e2e-new-errors');
  await expectNoAxeViolations(page);

  const id = `e2e-created-${Date.now()}`;
  await page.getByRole('textbox', { name: 'Id', exact: true }).fill(id);
  await page.getByRole('textbox', { name: 'Title' }).fill('Created by the e2e test');
  await page.locator('#f-steps-0-name').fill('owner_approval');
  await page.locator('#f-steps-0-approvers-0-value').fill('owner@example.com');
  await page.getByRole('button', { name: 'Add duration option' }).click();
  await page.locator('#f-appeal-durationOptions-0-name').fill('1 day');
  await page.locator('#f-appeal-durationOptions-0-value').fill('1d');
  // Said on leaving the field, not only at Review.
  await page.keyboard.press('Tab');
  await expect(page.locator('#f-appeal-durationOptions-0-value-error')).toHaveText(/write 24h instead of "1d"/);
  await page.getByRole('button', { name: 'Review and create' }).click();
  await expect(page.locator('#f-appeal-durationOptions-0-value')).toBeFocused();
  await page.locator('#f-appeal-durationOptions-0-value').fill('24h');
  await expect(page.locator('#f-appeal-durationOptions-0-value-error')).toHaveCount(0);

  await page.getByRole('button', { name: 'Review and create' }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`Review the new policy ${id}`) });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('owner_approval');
  // Everything in a new policy is added, its title too: nothing is "changed".
  await expect(dialog.getByText('Created by the e2e test')).toBeVisible();
  await expect(dialog.getByText(/^Changed$/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(page).toHaveURL(new RegExp(`/policies/${id}/versions/1$`));
});

test('edit an example: add a step, reorder, add a question, check with server, review the diff, save', async ({
  page,
}) => {
  await openEditor(page, '/policies/my-first-policy/edit');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('my-first-policy');
  const subtitle = await page.locator('.page__subtitle').innerText();
  const next = Number(/Saving adds version (\d+)/.exec(subtitle)?.[1]);
  expect(next).toBeGreaterThan(1);
  const count = await page.getByRole('button', { name: /^Step \d+ / }).count();

  // A new step, named the way Guardian refuses: the server check finds it and points at it.
  await page.getByRole('button', { name: 'Add step' }).click();
  const name = page.locator(`#f-steps-${count}-name`);
  await expect(name).toBeFocused();
  await name.fill('security review');
  await page.locator(`#f-steps-${count}-approvers-0-value`).fill('security@example.com');
  await page.getByRole('button', { name: 'Check with server' }).click();
  await expect(
    page.getByRole('region', { name: /^Guardian would refuse this policy\. 1 problem stops/ }),
  ).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription(
    /Guardian: step names must not contain spaces — write “security_review” instead/,
  );
  await shot(page, 'e2e-server-refusal');
  await name.fill('security_review');
  await page.getByRole('button', { name: 'Check with server' }).click();
  await expect(page.locator('.editor__banner--success')).toContainText('Guardian accepts this policy.');

  // Reorder by keyboard: the new last step moves up one place and keeps focus.
  await step(page, count + 1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(step(page, count)).toBeFocused();
  await expect(step(page, count)).toContainText('security_review');

  await page.getByRole('button', { name: 'Add question' }).click();
  await page.locator('#f-appeal-questions-0-key').fill('reason');
  await page.locator('#f-appeal-questions-0-question').fill('Why do you need access?');
  // Shift+Tab back to a field that sits just under the sticky save bar: the page scrolls it out from under.
  await page.locator('#f-description').focus();
  await page.evaluate(() => window.scrollBy(0, document.getElementById('f-title')!.getBoundingClientRect().top - 60));
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#f-title')).toBeFocused();
  const bar = (await page.locator('.editor__toolbar').boundingBox())!;
  expect((await page.locator('#f-title').boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);

  await page.getByRole('button', { name: 'Review and save' }).click();
  const dialog = page.getByRole('dialog', { name: /Review the changes against version \d+ \(the latest\)/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('security_review');
  await expect(dialog).toContainText('reason');
  await shot(page, 'e2e-review');
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await dialog.getByRole('button', { name: `Save as version ${next}` }).click();
  await expect(page).toHaveURL(new RegExp(`/policies/my-first-policy/versions/${next}$`));
  // The new version opens at its top and says what happened.
  await expect(page.getByRole('status').filter({ hasText: `Saved as v${next}.` })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // A later edit starts from what was saved.
  await openEditor(page, '/policies/my-first-policy/edit');
  await expect(page.locator('.page__subtitle')).toContainText(`Editing from version ${next} (the latest)`);
});

test('a failed save keeps everything as typed', async ({ page }) => {
  await openEditor(page, '/policies/my_policy/edit');
  await page.getByLabel('Description').first().fill('kept through a failure');
  await page.evaluate(() =>
    (window as unknown as { __policyConsoleMock: { addFault(rule: unknown): unknown } }).__policyConsoleMock.addFault({
      route: 'guardian.update',
      fault: 503,
    }),
  );
  await page.getByRole('button', { name: 'Review and save' }).click();
  const dialog = page.getByRole('dialog', { name: /Review the changes/ });
  // my_policy reads the creator without an IAM: the review lists it, and saving is "Save anyway".
  await dialog.getByRole('button', { name: /^(Save as version|Save anyway)/ }).click();
  await expect(dialog.getByRole('alert')).toContainText(/503/);
  await expect(dialog.getByRole('alert')).toContainText(/Nothing was saved; your changes are still here/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Description').first()).toHaveValue('kept through a failure');
  await expect(page).toHaveURL(/\/policies\/my_policy\/edit$/);
});

test('reload mid-edit and restore the draft', async ({ page }) => {
  await openEditor(page, '/policies/my-second-policy/edit');
  await page.getByLabel('Description').first().fill('typed before the reload');
  await expect(page.getByText(/Draft kept in this browser at/)).toBeVisible();

  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByRole('button', { name: 'Review and save' })).toBeVisible({ timeout: 15_000 });
  const banner = page.getByRole('region', { name: 'Unsaved draft' });
  await expect(banner).toBeVisible();
  await expect(page.getByLabel('Description').first()).toHaveValue('');
  await shot(page, 'e2e-draft-offer');
  await expectNoAxeViolations(page);
  await banner.getByRole('button', { name: 'Restore my changes' }).click();
  await expect(page.getByLabel('Description').first()).toHaveValue('typed before the reload');
  await expect(banner).toBeHidden();
});

test('leaving with unsaved changes asks first', async ({ page }) => {
  await openEditor(page, '/policies/id/edit');
  await page.getByLabel('Title').fill('unsaved');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tests' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/policies\/id\/edit$/);
  await expect(page.getByLabel('Title')).toHaveValue('unsaved');
});

test('IAM secrets are masked until shown', async ({ page }) => {
  await openEditor(page, '/policies/id/edit');
  const password = page.locator('#f-iam-password');
  await expect(password).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(password).toHaveValue(/.+/);
});
