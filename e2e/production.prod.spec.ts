import { expect, test } from '@playwright/test';

test('the production build runs under its CSP against the mock HTTP server', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/policies');
  await expect(page.getByRole('table').getByRole('link', { name: 'bigquery_approval', exact: true })).toBeVisible();
  await expect(page.getByText('Mock backend')).toHaveCount(0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(violations).toEqual([]);
  const worker = await page.request.get('/mockServiceWorker.js');
  expect(await worker.text()).not.toContain('Mock Service Worker');
});
