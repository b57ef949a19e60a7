import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test('the demo lists the mock policies', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/policies$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeVisible();
  await expect(page.getByText('Mock backend').first()).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'bigquery_approval', exact: true })).toBeVisible();
  await expect(table.getByRole('link', { name: 'my-second-policy', exact: true })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThan(10);
  await expectNoAxeViolations(page);
});

test('an unknown address says so inside the layout', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
