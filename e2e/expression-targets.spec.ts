import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/**
 * An admin on goto/guardian writes a time-based condition with `let`: the editor accepts it on
 * that server, offers the newer functions, and says raystack Guardian (expr 1.12) cannot run it.
 */
const SHOTS = process.env.EDITOR_SHOTS_DIR;
const CONDITION = 'let age = now() - date($appeal.created_at); age < duration("72h")';

async function chooseServer(page: Page, label: string) {
  await page.goto('/settings');
  await page.getByRole('combobox', { name: 'Expression engine of this Guardian' }).selectOption({ label });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
}

test('a let/time condition passes on goto/guardian and is refused for raystack Guardian', async ({ page }) => {
  test.setTimeout(60_000);
  if (SHOTS) await page.setViewportSize({ width: 1440, height: 900 });
  await chooseServer(page, 'goto/guardian (expr 1.15)');
  await page.goto('/policies/new');
  const when = page.getByRole('combobox', { name: 'When (optional)' });
  await expect(when).toBeVisible({ timeout: 15_000 });

  await when.fill(CONDITION);
  await when.press('End');
  await when.pressSequentially(' && findI');
  const functions = page.getByRole('listbox', { name: 'Functions and variables' });
  await expect(functions.getByRole('option', { name: 'findIndex' })).toBeVisible();
  if (SHOTS) {
    await when.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/expression-completion.png` });
  }
  await when.press('Enter');
  await when.pressSequentially('($appeal.creator.managers, # endsWith "@example.com") >= 0');
  await expect(when).toHaveValue(`${CONDITION} && findIndex($appeal.creator.managers, # endsWith "@example.com") >= 0`);
  // The checker runs after a short pause in typing: nothing to report on this server.
  await expect(page.getByRole('status').filter({ hasText: 'problem' })).toHaveCount(0);
  await expect(when).not.toHaveAttribute('aria-invalid', 'true');
  if (SHOTS) {
    await when.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/expression-goto.png` });
  }
  await expectNoAxeViolations(page);

  await chooseServer(page, 'raystack/guardian (expr 1.12)');
  await page.goto('/policies/new');
  await page.getByRole('combobox', { name: 'When (optional)' }).fill(CONDITION);
  await expect(page.getByText(/`let` needs expr 1\.15 or later/).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'When (optional)' })).toHaveAttribute('aria-invalid', 'true');
  if (SHOTS) {
    await page
      .getByRole('combobox', { name: 'When (optional)' })
      .evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/expression-raystack.png` });
  }
});
