import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNT, FAST_MOCK, openDemo, setFaults, startTestViaApi } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * HTTP 429 with `Retry-After`: the console's automatic retries wait exactly as long as the server
 * asked (not its own, shorter backoff), then carry on without the user doing anything. Real clock.
 */
const RETRY_AFTER_SECONDS = 2;

/**
 * How long after the 429 answer for `path` the page asked again, in the page's own resource timing
 * (the request events' arrival in the test lags on a busy machine); undefined until it has.
 */
function retryGap(page: Page, path: string): Promise<number | undefined> {
  return page.evaluate((path) => {
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => new URL(entry.name).pathname === path,
    );
    const limited = entries.findIndex((entry) => (entry as { responseStatus?: number }).responseStatus === 429);
    const next = entries[limited + 1];
    return limited >= 0 && next ? next.startTime - entries[limited]!.responseEnd : undefined;
  }, path);
}

/**
 * The same gap for requests a worker makes (the catalog reads its list in one, which the page's
 * resource timing does not see), from the browser's own timing of each request.
 */
function recordWorkerGap(page: Page, path: string): () => number | undefined {
  const seen: { start: number; end: number; status: number }[] = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname !== path) return;
    const timing = request.timing();
    void request.response().then((response) =>
      seen.push({
        start: timing.startTime,
        end: timing.startTime + Math.max(0, timing.responseEnd),
        status: response?.status() ?? 0,
      }),
    );
  });
  return () => {
    const inOrder = [...seen].sort((a, b) => a.start - b.start);
    const limited = inOrder.findIndex((entry) => entry.status === 429);
    const next = inOrder[limited + 1];
    return limited >= 0 && next ? next.start - inOrder[limited]!.end : undefined;
  };
}

test('a 429 on the policy list is retried after Retry-After, and the list then shows by itself', async ({ page }) => {
  const listGap = recordWorkerGap(page, '/api/v1beta1/policies');
  await seedMock(page, {
    config: FAST_MOCK,
    faults: [
      { route: 'guardian.list', fault: 'status', status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS, times: 1 },
    ],
  });
  await page.goto('/policies');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ policies$/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(listGap).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 100);
});

test('a 429 on a running test’s status poll waits Retry-After before polling again', async ({ page }) => {
  await seedMock(page, { config: { ...FAST_MOCK, usersPerSecond: 100 } });
  // A view that polls no test, so that the one 429 goes to the test's own page.
  await openDemo(page, '/settings');
  const id = await startTestViaApi(page, ['bigquery_approval:1']);
  await setFaults(page, [
    { route: 'tests.status', fault: 'status', status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS, times: 1 },
  ]);
  await page.goto(`/tests/${id}`);
  await expect(page.getByRole('progressbar', { name: 'Users processed' })).toBeVisible();
  await expect
    .poll(() => retryGap(page, `/client/v4/accounts/${DEMO_ACCOUNT}/access/policy-tests/${id}`))
    .toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 100);
});
