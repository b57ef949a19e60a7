import { expect, test, type Page } from '@playwright/test';
import { FAST_MOCK, openDemo, setFaults, startTestViaApi } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * HTTP 429 with `Retry-After`: the console's automatic retries wait exactly as long as the server
 * asked (not its own, shorter backoff), then carry on without the user doing anything. Real clock.
 */
const RETRY_AFTER_SECONDS = 2;

/** The moments (ms since the test began) the page asked for URLs matching `pattern`. */
function recordRequests(page: Page, pattern: RegExp, method = 'GET'): number[] {
  const started = Date.now();
  const times: number[] = [];
  page.on('request', (request) => {
    if (request.method() === method && pattern.test(new URL(request.url()).pathname)) times.push(Date.now() - started);
  });
  return times;
}

test('a 429 on the policy list is retried after Retry-After, and the list then shows by itself', async ({ page }) => {
  await seedMock(page, {
    config: FAST_MOCK,
    faults: [
      { route: 'guardian.list', fault: 'status', status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS, times: 1 },
    ],
  });
  const times = recordRequests(page, /^\/api\/v1beta1\/policies$/);
  await page.goto('/policies');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ policies$/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(times.length).toBeGreaterThanOrEqual(2);
  expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 100);
});

test('a 429 on a running test’s status poll waits Retry-After before polling again', async ({ page }) => {
  await seedMock(page, { config: { ...FAST_MOCK, usersPerSecond: 100 } });
  await openDemo(page, '/tests');
  const id = await startTestViaApi(page, ['bigquery_approval:1']);
  await setFaults(page, [
    { route: 'tests.status', fault: 'status', status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS, times: 1 },
  ]);
  const times = recordRequests(page, new RegExp(`/policy-tests/${id}$`));
  await page.goto(`/tests/${id}`);
  await expect(page.getByRole('progressbar', { name: 'Users processed' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => times.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 100);
});
