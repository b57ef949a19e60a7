import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { configureMock, openDemo, setFaults } from './faults/mock-control';

/** Screenshots for people to look at (not compared): SHOTS_DIR=/tmp/shots-catalog. */
// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });

async function shot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return;
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const rows = (page: Page) => page.getByRole('table', { name: 'Policies' }).getByRole('row');

test.beforeEach(async ({ page }) => {
  await openDemo(page);
  await configureMock(page, { latencyMs: 0 });
});

test('the catalog lists every policy once, searchable and sortable, all in the URL', async ({ page }) => {
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
  await setFaults(page, [{ route: 'guardian.list', fault: 'status', status: 500, times: 1 }]);
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

test('10,000 policies × 5 versions stay usable', async ({ page }) => {
  // The mock builds and sends a 68 MB list through the service worker: slow on a loaded machine.
  test.setTimeout(300_000);
  await configureMock(page, { policyCount: 10_000, versionsPerPolicy: 5 });
  const started = Date.now();
  await page.goto('/policies');
  await expect(page.getByRole('status').filter({ hasText: /policies$/ })).toHaveText(
    /^10,?0\d\d policies$|^\d{5} policies$/,
    { timeout: 240_000 },
  );
  const loaded = Date.now() - started;
  // Only one page of rows is in the document.
  expect(await rows(page).count()).toBe(101);
  const pager = page.getByRole('navigation', { name: 'Pages of policies' });
  await expect(pager).toContainText(/1–100 of 10,?0\d\d/);

  // Paging is a link: the page is in the URL.
  const t1 = Date.now();
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2$/);
  await expect(pager).toContainText(/101–200 of/);
  const paged = Date.now() - t1;

  // Another order sorts all 10,000 and starts again at page 1.
  const t2 = Date.now();
  await page.getByRole('button', { name: /^Policy/ }).click();
  await expect(page).toHaveURL(/sort=id&dir=asc$/);
  await expect(pager).toContainText(/1–100 of/);
  const sorted = Date.now() - t2;

  const search = page.getByRole('searchbox', { name: 'Search policies' });
  const t0 = Date.now();
  await search.pressSequentially('bigquery', { delay: 20 });
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toBeVisible();
  const searched = Date.now() - t0;
  expect(await rows(page).count()).toBeLessThanOrEqual(101);
  test.info().annotations.push({
    type: 'timing',
    description: `list ready ${loaded} ms; next page ${paged} ms; sort ${sorted} ms; typing 8 keys + filtering ${searched} ms`,
  });
  console.log(
    `catalog 10k×5: list ready ${loaded} ms; next page ${paged} ms; sort ${sorted} ms; typing 8 keys + filtering ${searched} ms`,
  );
});
