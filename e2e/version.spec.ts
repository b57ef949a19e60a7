import { expect as baseExpect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { shot } from './support/shots';
import { getPolicyViaApi, NO_LATENCY } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 60_000 });

test.beforeEach(({ page }) => seedMock(page, { config: NO_LATENCY }));

test('open a policy from the catalog and walk to an older version', async ({ page }) => {
  await page.goto('/policies');
  await page
    .getByRole('table', { name: 'Policies' })
    .getByRole('link', { name: 'bigquery_approval', exact: true })
    .click();
  await expect(page).toHaveURL(/\/policies\/bigquery_approval\/versions\/3$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('bigquery_approval v3');
  const timeline = page.getByRole('navigation', { name: 'Versions' });
  await expect(timeline.getByRole('link', { name: /v3/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /^Steps \(\d+\)$/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'version-latest');

  await timeline.getByRole('link', { name: /v1/ }).click();
  await expect(page).toHaveURL(/\/versions\/1$/);
  await expect(page.getByText('You are reading an older version.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit from this version' })).toHaveAttribute(
    'href',
    '/policies/bigquery_approval/edit?from=1',
  );
  await expect(page.getByRole('button', { name: 'Restore as new version' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('secrets stay masked until revealed one by one, and in raw views', async ({ page }) => {
  await page.goto('/policies/id/versions/1');
  await expect(page.getByRole('heading', { name: 'IAM' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('test-password');
  await page.getByRole('button', { name: 'Reveal config.auth.password' }).click();
  await expect(page.getByText('test-password')).toBeVisible();
  await page.getByRole('button', { name: 'Hide config.auth.password' }).click();
  await expect(page.getByText('test-password')).toHaveCount(0);

  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page).toHaveURL(/\?tab=yaml$/);
  const yaml = page.getByRole('region', { name: 'id version 1 as YAML' });
  await expect(yaml).toContainText('# iam.config.auth.password: set before applying');
  await expect(yaml).not.toContainText('•');
  await expect(page.getByText('1 secret is left out (named in comments).')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for the CLI' }).click();
  expect((await download).suggestedFilename()).toBe('id.yaml');
  await expectNoAxeViolations(page);
  await shot(page, 'version-yaml');
  await page.getByRole('tab', { name: 'YAML' }).press('ArrowLeft');
  await expect(page.getByRole('region', { name: 'id version 1 as JSON' })).toContainText('"password": "••••••••"');
});

test('restore an older version as a new one, after seeing what it changes', async ({ page }) => {
  await page.goto('/policies/my-second-policy/versions/2');
  await page.getByRole('button', { name: 'Restore as new version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore v2 as a new version?' });
  await expect(dialog.getByRole('heading', { name: /Changes against the latest version \(v4 → v5\)/ })).toBeVisible();
  await expect(dialog.getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'version-restore-dialog');
  await dialog.getByRole('button', { name: 'Save as v5' }).click();
  await expect(page).toHaveURL(/\/policies\/my-second-policy\/versions\/5$/);
  await expect(page.getByRole('status').filter({ hasText: 'Restored v2 as v5.' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: /v5/ })).toContainText(
    'Latest',
  );
  const [v2, v5] = [
    await getPolicyViaApi(page, 'my-second-policy', 2),
    await getPolicyViaApi(page, 'my-second-policy', 5),
  ];
  expect(v5.steps).toEqual(v2.steps);
});

test('a bad version in the address gets words and a way out', async ({ page }) => {
  await page.goto('/policies/bigquery_approval/versions/abc');
  await expect(page.getByRole('alert')).toContainText('“abc” is not a version number');
  await page.getByRole('link', { name: 'Open the latest version of bigquery_approval' }).click();
  await expect(page).toHaveURL(/\/versions\/3$/);

  await page.goto('/policies/bigquery_approval/versions/999');
  await expect(page.getByRole('alert')).toContainText('Version 999 of this policy does not exist.');
  await expectNoAxeViolations(page);

  await page.goto('/policies/no-such-policy/versions/1');
  await expect(page.getByRole('alert')).toContainText('Policy not found.');
});
