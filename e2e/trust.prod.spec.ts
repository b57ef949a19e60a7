import { expect, test, type Page } from '@playwright/test';
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
  await page.getByRole('button', { name: 'Save settings' }).click();

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

/** An admin with an identity set, as Settings would keep it. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.addInitScript((identityEmail) => {
    localStorage.setItem('policy-console.settings', JSON.stringify({ identityEmail }));
  }, email);
}

test('two admins: a save made while the other’s review is open stops that review at confirm', async ({ browser }) => {
  const id = `race_${Date.now().toString(36)}`;
  const steps = [{ name: 'owner_approval', strategy: 'manual', approvers: ['owner@example.com'] }];
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await signIn(alice, 'alice@example.com');
  const created = await alice.request.post('/api/v1beta1/policies', {
    data: { id, steps },
    headers: { 'X-Auth-Email': 'alice@example.com' },
  });
  expect(created.status()).toBe(200);

  await alice.goto(`/policies/${id}/edit`);
  await alice.getByRole('textbox', { name: 'Title' }).fill('Alice’s title');
  await alice.getByRole('button', { name: 'Review and save' }).click();
  const review = alice.getByRole('dialog', { name: /Review the changes/ });
  await expect(review.getByRole('button', { name: 'Save as version 2' })).toBeVisible();

  const theirs = await bob.request.put(`/api/v1beta1/policies/${id}`, {
    data: { id, steps, description: 'Bob’s description' },
    headers: { 'X-Auth-Email': 'bob@example.com' },
  });
  expect(theirs.status()).toBe(200);

  await review.getByRole('button', { name: 'Save as version 2' }).click();
  const conflict = alice.getByRole('dialog', { name: 'bob@example.com saved version 2 while you were editing' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep editing on top of theirs' }).click();
  await alice.getByRole('button', { name: 'Review and save' }).click();
  await alice.getByRole('dialog').getByRole('button', { name: 'Save as version 3' }).click();
  await expect(alice).toHaveURL(new RegExp(`/policies/${id}/versions/3$`));
  const latest = (await (await bob.request.get(`/api/v1beta1/policies/${id}/versions/0`)).json()) as {
    policy: { version: number; title?: string; description?: string };
  };
  // Nothing of Bob's was undone.
  expect(latest.policy).toMatchObject({ version: 3, title: 'Alice’s title', description: 'Bob’s description' });
  await Promise.all([alice.context().close(), bob.context().close()]);
});
