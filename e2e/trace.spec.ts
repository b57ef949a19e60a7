import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { configureMock, openDemo } from './faults/mock-control';

// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });

async function shot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return;
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.beforeEach(async ({ page }) => {
  await openDemo(page);
  await configureMock(page, { latencyMs: 0 });
});

test('trace a blocked person from the version view, and why', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/policies/my-second-policy/versions/1');
  await page.getByRole('link', { name: 'Trace an appeal' }).click();
  await expect(page).toHaveURL(/\/policies\/my-second-policy\/versions\/1\/trace$/);
  const result = page.getByRole('region', { name: 'Trace result' });
  await expect(result.getByTestId('trace-sentence')).toContainText('Waits for approval at step 2');

  await page.getByLabel('Sample', { exact: true }).selectOption({ label: 'Contractor without a manager' });
  await expect(result.getByTestId('trace-sentence')).toHaveText(
    'Blocked at step 1 employee_check: approve_if was false — $appeal.creator.company was "Acme Staffing".',
  );
  await expect(result.getByRole('article', { name: /Step 1 of 2: employee_check, Blocked/ })).toBeVisible();
  await expect(
    result.getByRole('article', { name: /Step 2 of 2: resource_owner_approval, Not reached/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/sample=contractor/);
  await expectNoAxeViolations(page);
  await shot(page, 'trace-blocked');

  // The same person from the directory: search, pick, and the link reproduces it.
  await page.getByRole('radio', { name: 'Someone from the directory' }).check();
  await page.getByLabel('Find a person by email or name').fill('0@example.com');
  await page.getByRole('list', { name: 'People found' }).getByRole('button').first().click();
  await expect(result.getByTestId('trace-sentence')).not.toBeEmpty();
  await page.getByLabel('Show the other targets side by side').check();
  await expect(result.getByRole('table', { name: 'The same appeal on each server target' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'trace-directory');
});
