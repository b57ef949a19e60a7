import { expect as baseExpect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { shot } from './support/shots';
import { getPolicyViaApi, NO_LATENCY, openDemo, putPolicyViaApi } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 60_000 });

test.beforeEach(({ page }) => seedMock(page, { config: NO_LATENCY }));

test('from the catalog to "what changed" in three clicks', async ({ page }) => {
  await page.goto('/policies');
  await page
    .getByRole('table', { name: 'Policies' })
    .getByRole('link', { name: 'my-second-policy', exact: true })
    .click();
  await page.getByRole('link', { name: 'Compare with previous' }).click();
  await expect(page).toHaveURL(/\/policies\/my-second-policy\/diff\/3\.\.\.4$/);
  await page.getByRole('combobox', { name: 'From' }).selectOption('1');
  await expect(page).toHaveURL(/\/diff\/1\.\.\.4$/);
  await expect(page.getByRole('heading', { name: 'What changed from v1 to v4' })).toBeVisible();
  const summary = page.getByRole('region', { name: /In short/ });
  await expect(summary.getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'diff-structural');
});

test('by URL alone: structural, split and unified, with n/p between changes', async ({ page }) => {
  await page.goto('/policies/my-second-policy/diff/1..4');
  await expect(page.getByRole('heading', { name: 'What changed from v1 to v4' })).toBeVisible();
  const nav = page.getByRole('group', { name: 'Move between changes' });
  const status = nav.getByRole('status');
  await expect(status).toHaveText(/^\d+ changes?$/);
  const total = Number((await status.innerText()).split(' ')[0]);
  await page.keyboard.press('n');
  await expect(status).toHaveText(`Change 1 of ${total}`);
  await expect(page.locator('[data-change-index="0"]')).toBeFocused();
  await page.keyboard.press('p');
  await expect(status).toHaveText(`Change ${total} of ${total}`);

  await page.locator('label', { hasText: 'Split lines' }).click();
  await expect(page).toHaveURL(/\?view=split$/);
  const split = page.getByRole('region', { name: /side by side: v1 to v4/ });
  await expect(split).toBeVisible();
  await expect(split.getByText('+').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'diff-split');

  await page.locator('label', { hasText: 'Unified lines' }).click();
  await expect(page).toHaveURL(/\?view=unified$/);
  await expect(page.getByRole('region', { name: /unified: v1 to v4/ })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('group', { name: 'Move between changes' }).getByRole('status')).toHaveText(
    /^Changed block 1 of \d+$/,
  );
  await expectNoAxeViolations(page);
  await shot(page, 'diff-unified');

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Unified lines' })).toBeChecked();
});

test('Next and Previous in the line diff bring the block into sight and mark it', async ({ page }) => {
  await page.goto('/policies/my-second-policy/diff/1...4?view=split');
  const region = page.getByRole('region', { name: /side by side: v1 to v4/ });
  await expect(region).toBeVisible();
  const status = page.getByRole('group', { name: 'Move between changes' }).getByRole('status');
  await expect(status).toHaveText(/^\d+ changed blocks?$/);
  const viewport = page.viewportSize()!;
  for (const key of ['p', 'n', 'p']) {
    // p from the start goes to the last block: the one furthest down the box.
    await page.keyboard.press(key);
    await expect(status).toHaveText(/^Changed block \d+ of \d+$/);
    const marked = region.locator('.ld-row--current');
    await expect(marked.first()).toBeVisible();
    const first = (await marked.first().boundingBox())!;
    const last = (await marked.last().boundingBox())!;
    expect(first.y, `${key}: the block starts below the page header`).toBeGreaterThan(40);
    expect(last.y + last.height, `${key}: the block ends inside the window`).toBeLessThanOrEqual(viewport.height);
  }
  await shot(page, 'diff-split-current');
});

test('a changed secret shows as changed, never its value', async ({ page }) => {
  // The mock's API is asked from a page of the demo, before the view that shows the change.
  await openDemo(page);
  const current = await getPolicyViaApi(page, 'id');
  const iam = current.iam as { config: { auth: Record<string, unknown> } };
  const saved = await putPolicyViaApi(page, 'id', {
    ...current,
    iam: { ...iam, config: { ...iam.config, auth: { ...iam.config.auth, password: 'rotated-secret' } } },
  });
  expect(saved.status).toBe(200);
  await page.goto(`/policies/id/diff/1...${saved.body.policy!.version}`);
  await expect(page.getByRole('region', { name: /In short/ })).toContainText(
    'config.auth.password changed (secret, not shown)',
  );
  await page.locator('label', { hasText: 'Unified lines' }).click();
  await expect(page.getByRole('region', { name: /unified/ })).toContainText('•••••••• (changed)');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('rotated-secret');
  expect(text).not.toContain('test-password');
});

test('a bad range or view in the URL gets words, not a blank page', async ({ page }) => {
  await page.goto('/policies/bigquery_approval/diff/latest');
  await expect(page.getByRole('alert')).toContainText('is not a range of versions');
  await page.goto('/policies/bigquery_approval/diff/1...3?view=fancy');
  await expect(page.getByText('There is no “fancy” view: showing the structural diff.')).toBeVisible();
  await page.goto('/policies/bigquery_approval/diff/1...42');
  await expect(page.getByRole('alert')).toContainText('Version 42 of bigquery_approval does not exist.');
  await expectNoAxeViolations(page);
});
