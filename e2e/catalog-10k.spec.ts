import { expect as baseExpect, test, type Page } from '@playwright/test';
import { NO_LATENCY } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

// A file of its own: Playwright's trace keeps every response body, and copying this 68 MB list into
// it made the list take 70 s instead of 16 s on a loaded machine (and time out in CI). Nothing here
// needs a trace, and the trace setting is per file.
test.use({ trace: 'off' });

const expect = baseExpect.configure({ timeout: 20_000 });
const rows = (page: Page) => page.getByRole('table', { name: 'Policies' }).getByRole('row');

test('10,000 policies × 5 versions stay usable', async ({ page }) => {
  // The mock builds and sends a 68 MB list through the service worker. How fast the catalog
  // gets is for the bench; this checks that it works at this size.
  test.setTimeout(60_000);
  await seedMock(page, { config: { ...NO_LATENCY, policyCount: 10_000, versionsPerPolicy: 5 } });
  await page.goto('/policies');
  await expect(page.getByRole('status').filter({ hasText: /policies$/ })).toHaveText(
    /^10,?0\d\d policies$|^\d{5} policies$/,
    { timeout: 45_000 },
  );
  // Only one page of rows is in the document (drawn a slice per frame: counted once all are in).
  await expect(rows(page)).toHaveCount(101);
  const pager = page.getByRole('navigation', { name: 'Pages of policies' });
  await expect(pager).toContainText(/1–100 of 10,?0\d\d/);

  // Paging is a link: the page is in the URL.
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2$/);
  await expect(pager).toContainText(/101–200 of/);

  // Another order sorts all 10,000 and starts again at page 1.
  await page.getByRole('button', { name: /^Policy/ }).click();
  await expect(page).toHaveURL(/sort=id&dir=asc$/);
  await expect(pager).toContainText(/1–100 of/);

  const search = page.getByRole('searchbox', { name: 'Search policies' });
  await search.pressSequentially('bigquery', { delay: 20 });
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toBeVisible();
  expect(await rows(page).count()).toBeLessThanOrEqual(101);
});
