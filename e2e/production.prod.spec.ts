import { expect, test } from '@playwright/test';

test('the production build runs under its CSP against the mock HTTP server', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const workerScripts: string[] = [];
  page.on('worker', (worker) => workerScripts.push(new URL(worker.url()).pathname));
  // The entry script is held back until the catalog's worker has started: the HTML starts it, not the entry.
  const workerFirst = page.waitForEvent('worker', { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  let startedBeforeEntry: boolean | undefined;
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    startedBeforeEntry ??= await workerFirst;
    await route.continue();
  });
  await page.goto('/policies');
  await expect(page.getByRole('table').getByRole('link', { name: 'bigquery_approval', exact: true })).toBeVisible();
  // The catalog's worker, started by the HTML as it was parsed, is the one that read the list: no second one.
  expect(startedBeforeEntry).toBe(true);
  expect(workerScripts).toEqual([expect.stringMatching(/^\/assets\/policy-catalog-worker-[\w-]+\.js$/)]);
  await expect(page.getByText('Mock backend')).toHaveCount(0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // Its only inline script runs by its hash (scripts/vite-plugins.ts checks the hash is that script's).
  expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/]+=*'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(violations).toEqual([]);
  const worker = await page.request.get('/mockServiceWorker.js');
  expect(await worker.text()).not.toContain('Mock Service Worker');
});
