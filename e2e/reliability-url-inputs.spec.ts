import { expect, test, type Page } from '@playwright/test';
import { FAST_MOCK, openDemo, startTestViaApi } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';
import { URL_CASES } from '../src/app/test/url-cases';

/**
 * Everything in the address is user input: a pasted link, a hand-edited URL, an old bookmark. In
 * Chromium, one address of each kind (a query, an id, a version, a test's users, no such route)
 * gives a clear message or a sane default — never the crash screen, a blank page or an uncaught
 * error. Every case of src/app/test/url-cases.ts runs in the whole app in src/app/url-inputs.test.tsx.
 */
const SAMPLE = [
  '/policies?sort=bogus&dir=sideways',
  '/policies/%E2%80%AEevil',
  '/policies/bigquery_approval/versions/0',
  '/policies/bigquery_approval/diff/1...999',
  'TEST?page=abc',
  '/policies/x/y/z',
];
const CASES = URL_CASES.filter((c) => SAMPLE.includes(c.url));

async function expectHandled(page: Page, errors: string[], where: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'This view failed' }), where).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 }), where).toBeVisible();
  expect(errors, `${where}: uncaught errors`).toEqual([]);
}

test.describe('malformed and out-of-range addresses', () => {
  test(`${CASES.length} addresses, one of each kind`, async ({ page }) => {
    expect(CASES).toHaveLength(SAMPLE.length);
    await seedMock(page, { config: FAST_MOCK });
    await openDemo(page, '/tests');
    const testId = await startTestViaApi(page, ['bigquery_approval:1']);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const c of CASES) {
      const url = c.url.replace(/^TEST/, `/tests/${testId}`);
      errors.length = 0;
      await page.goto(url);
      await expect(page.getByRole('main'), url).toContainText(c.says);
      if (c.lands) await expect(page, url).toHaveURL(c.lands);
      await expectHandled(page, errors, url);
    }
  });

  test('a malformed percent-encoding reached inside the app says not found, no crash', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/policies');
    // A static host refuses such an address outright; inside the app a link or history entry can still carry one.
    for (const path of ['/policies/%E0%A4%A', '/policies/%', '/tests/%']) {
      await page.evaluate((p) => {
        history.pushState({}, '', p);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await expect(page.getByRole('main'), path).toContainText(/Not found|no longer exists/, { timeout: 10_000 });
      await expectHandled(page, errors, path);
    }
  });
});
