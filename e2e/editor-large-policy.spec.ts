import { expect, test, type Page } from '@playwright/test';

/**
 * A 200-step policy in the editor: the steps open collapsed (no step's fields in the document until
 * asked for), a step deep in the list opens and takes typing, and its header follows. How fast it
 * mounts and types is measured by `npm run bench` (bench/measure-editor.ts), not here.
 */

const STEPS = 200;

async function createBigPolicy(page: Page, id: string) {
  await page.goto('/policies');
  await page.waitForFunction(() => '__policyConsoleMock' in window);
  await page.evaluate(
    async ({ id, count }) => {
      (window as unknown as { __policyConsoleMock: { setConfig(c: unknown): unknown } }).__policyConsoleMock.setConfig({
        latencyMs: 0,
      });
      const steps = Array.from({ length: count }, (_, i) =>
        i % 2
          ? {
              name: `auto_${i}`,
              strategy: 'auto',
              when: '$appeal.resource.details.is_pii',
              approve_if: `$appeal.creator.department == "team-${i}"`,
            }
          : {
              name: `manual_${i}`,
              strategy: 'manual',
              approvers: [`approver${i}@example.com`, '$appeal.resource.details.owner'],
            },
      );
      const response = await fetch('/api/v1beta1/policies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Auth-Email': 'perf@example.com' },
        body: JSON.stringify({ id, steps, appeal: { duration_options: [{ name: '1 day', value: '24h' }] } }),
      });
      if (!response.ok) throw new Error(`create failed: ${response.status}`);
    },
    { id, count: STEPS },
  );
}

test(`a ${STEPS}-step policy opens collapsed, and a step deep in the list takes typing`, async ({ page }) => {
  const id = 'large_policy';
  await createBigPolicy(page, id);
  await page.goto(`/policies/${id}/edit`);

  await expect(page.getByRole('button', { name: /^Step 200 / })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.step-list > li')).toHaveCount(STEPS);
  expect(await page.locator('.step-list input').count()).toBe(0);

  await page.getByRole('button', { name: /^Step 100 / }).click();
  const name = page.locator('#f-steps-99-name');
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type('_renamed');
  await expect(page.getByRole('button', { name: /^Step 100 auto_99_renamed/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Step 101 / })).toHaveAttribute('aria-expanded', 'false');
});
