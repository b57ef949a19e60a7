import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { shot } from './support/shots';
import { clearFaults, NO_LATENCY } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 60_000 });

const rows = (page: Page) => page.getByRole('table', { name: 'Policies' }).getByRole('row');

test('the catalog lists every policy once, searchable and sortable, all in the URL', async ({ page }) => {
  await seedMock(page, { config: NO_LATENCY });
  await page.goto('/policies');
  const table = page.getByRole('table', { name: 'Policies' });
  await expect(table.getByRole('link', { name: 'bigquery_approval', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'catalog');

  // Search: every word must match id, title, description or a label.
  await page.getByRole('searchbox', { name: 'Search policies' }).fill('my-');
  await expect(page).toHaveURL(/\?q=my-$/);
  await expect(page.getByRole('status').filter({ hasText: /policies match|policy match/ })).toContainText('of');
  await expect(table.getByRole('link', { name: 'my-second-policy', exact: true })).toBeVisible();
  await expect(table.getByRole('link', { name: 'bigquery_approval', exact: true })).toHaveCount(0);

  // Sort by versions: most first, said by aria-sort, kept in the URL.
  await page.getByRole('button', { name: /^Versions/ }).click();
  await expect(page).toHaveURL(/sort=versions&dir=desc/);
  await expect(page.getByRole('columnheader', { name: /Versions/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).nth(1).getByRole('cell').first()).toHaveText('my-second-policy');

  // The URL alone gives the same view.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search policies' })).toHaveValue('my-');
  await expect(rows(page).nth(1).getByRole('cell').first()).toHaveText('my-second-policy');

  // Nothing matches: said, with a way out.
  await page.getByRole('searchbox', { name: 'Search policies' }).fill('no such policy anywhere');
  await expect(page.getByText('No policy matches “no such policy anywhere”')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/policies\?sort=versions&dir=desc$/);
});

test('the label filter narrows the list to policies with that label', async ({ page }) => {
  await seedMock(page, { config: NO_LATENCY });
  await page.goto('/policies');
  const select = page.getByRole('combobox', { name: 'Label' });
  await expect(select.locator('option')).not.toHaveCount(1);
  const option = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(option!);
  await expect(page).toHaveURL(
    new RegExp(`label=${encodeURIComponent(option!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  const [key, value] = option!.split(':');
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i < Math.min(count, 6); i++) await expect(rows(page).nth(i)).toContainText(`${key}: ${value}`);
});

test('a failing list says so, with the server’s words and a retry', async ({ page }) => {
  await seedMock(page, {
    config: NO_LATENCY,
    faults: [{ route: 'guardian.list', fault: 'status', status: 500, times: 1 }],
  });
  await page.goto('/policies');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load the policy list');
  await shot(page, 'catalog-error');
  await expectNoAxeViolations(page);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(
    page.getByRole('table', { name: 'Policies' }).getByRole('link', { name: 'bigquery_approval', exact: true }),
  ).toBeVisible();
});

test('a list that never answers says so while it waits, and can be stopped and tried again', async ({ page }) => {
  await page.clock.install();
  await seedMock(page, { config: NO_LATENCY, faults: [{ route: 'guardian.list', fault: 'hang' }] });
  // The list's timeout runs on the page's clock from the moment the list is asked for.
  const asked = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/v1beta1/policies');
  await page.goto('/policies');
  await expect(page.getByRole('status').filter({ hasText: 'Loading policies…' })).toBeVisible();
  await asked;
  await page.clock.fastForward(16_500);
  const waiting = page.getByRole('status').filter({ hasText: 'Still waiting for Guardian…' });
  await expect(waiting).toContainText(/1[67] s/);
  await expect(waiting).toContainText('did not answer in time on try 1 of 4; trying again.');
  await expectNoAxeViolations(page);
  await shot(page, 'catalog-waiting');

  await waiting.getByRole('button', { name: 'Cancel' }).click();
  const stopped = page.getByRole('status').filter({ hasText: 'Stopped waiting for Guardian.' });
  await expect(stopped).toBeVisible();
  await clearFaults(page);
  await stopped.getByRole('button', { name: 'Try again' }).click();
  await expect(rows(page).nth(1)).toBeVisible();
});
