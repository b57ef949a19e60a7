import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/**
 * The production build where the browser, not the server, is the adversary: a page served to be
 * framed, an endpoint the built CSP forbids, a browser that denies this site any storage.
 */

test('the console is served with headers that forbid framing it', async ({ page }) => {
  for (const path of ['/', '/policies/bigquery_approval']) {
    const response = await page.request.get(path);
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  }
});

test('an endpoint the built CSP forbids is named at its field and in the error, with the fix', async ({ page }) => {
  const elsewhere = 'http://127.0.0.1:8859';
  await page.goto('/settings');
  const field = page.getByRole('textbox', { name: 'Guardian base URL' });
  await field.fill(elsewhere);
  await expect(field).toHaveAccessibleDescription(
    new RegExp(`browser blocks requests to ${elsewhere}.*VITE_GUARDIAN_URL=${elsewhere}`),
  );
  await expectNoAxeViolations(page);

  await page.goto('/policies');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Blocked by this console’s security policy');
  await expect(alert).toContainText(`VITE_GUARDIAN_URL=${elsewhere}`);
  await expect(alert).not.toContainText('Check your connection');
});

test.describe('a browser that denies this site storage', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const deny = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
      Object.defineProperty(window, 'sessionStorage', { get: deny, configurable: true });
    });
  });

  test('still gets the console, and the editor says drafts cannot be kept', async ({ page }) => {
    await page.goto('/policies');
    await expect(page.getByRole('table').getByRole('link', { name: 'bigquery_approval', exact: true })).toBeVisible();
    await page.goto('/policies/bigquery_approval/edit');
    await expect(page.getByText(/drafts cannot be kept/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Title' }).fill('typed without storage');
    await expect(page.getByText(/does not let the console store data: your draft is not being kept/)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
