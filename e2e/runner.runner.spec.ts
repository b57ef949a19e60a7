import { expect as baseExpect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { E2E_RUNNER_TOKEN } from './support/runner-token';

/**
 * The production console against the Guardian test runner: policies from a Guardian server (the
 * mock's, over HTTP), tests run by `npm run runner` over examples/directory.csv. Each person's
 * outcome below was worked out by hand from the policy and their row.
 */
const expect = baseExpect.configure({ timeout: 20_000 });

// my-second-policy v1: `employee_check` approves when $appeal.creator.company == "Company Name",
// and the IAM schema maps `company` from the row's `companyName`. Contractors, an empty company
// (nil) and a lower-case "company name" are blocked; everyone else goes on to the owner's approval.
const EXPECTED: Record<string, 'Approved' | 'Blocked'> = {
  'amara.okafor@example.com': 'Approved',
  'ben.carter@example.com': 'Approved',
  'chen.wei@example.com': 'Approved',
  'diego.alvarez@example.com': 'Approved',
  'elif.yilmaz@example.com': 'Approved',
  'farah.haddad@example.com': 'Blocked', // Acme Staffing
  'gabriel.silva@example.com': 'Blocked', // Globex Contracting
  'hana.sato@example.com': 'Approved',
  'ivan.petrov@example.com': 'Approved',
  'julia.novak@example.com': 'Approved',
  'kofi.mensah@example.com': 'Blocked', // no company
  'lena.fischer@example.com': 'Approved',
  'mateo.rossi@example.com': 'Blocked', // "company name"
  'nadia.rahman@example.com': 'Approved',
  'oscar.lind@example.com': 'Approved',
  'priya.nair@example.com': 'Approved',
  'quinn.murphy@example.com': 'Blocked', // Initech Services
  'rosa.jimenez@example.com': 'Approved',
  'sven.olsen@example.com': 'Approved',
  'tomas.garcia@example.com': 'Blocked', // no company
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript((token) => {
    localStorage.setItem('policy-console.settings', JSON.stringify({ accountId: 'e2e-account' }));
    sessionStorage.setItem('policy-console.credentials', JSON.stringify({ apiToken: token }));
  }, E2E_RUNNER_TOKEN);
});

test('testing a Guardian policy version on the runner: every person’s outcome, pages and filters', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/tests/new?policy=my-second-policy&version=1');
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue('1');
  await page.getByRole('button', { name: 'Start test' }).click();
  await page.waitForURL(/\/tests\/(?!new|compare)[^/?]+$/);
  const testUrl = page.url();

  await expect(page.locator('.test-progress__facts dd').first()).toHaveText('Complete');
  await expect(page.getByRole('progressbar', { name: 'Users processed' })).toHaveAttribute('aria-valuemax', '20');

  const table = page.getByRole('table', { name: /page \d+ of/ });
  const readRows = async () => {
    await expect(table.locator('tbody tr').first()).toBeVisible();
    const rows = await table.locator('tbody tr').all();
    const out: Record<string, string> = {};
    for (const row of rows) {
      const cells = await row.locator('td').allInnerTexts();
      const email = cells.find((c) => c.includes('@'))!.trim();
      out[email] = cells.find((c) => /Approved|Blocked|Error/.test(c))!.trim();
    }
    return out;
  };
  const all = await readRows();
  expect(Object.keys(all)).toHaveLength(20);
  for (const [email, outcome] of Object.entries(EXPECTED)) expect(all[email], email).toContain(outcome);
  await page.screenshot({ path: 'test-results/runner-users-all.png' });
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: /^Blocked/ }).click();
  await expect(table.locator('tbody tr')).toHaveCount(6);
  const blocked = await readRows();
  expect(Object.keys(blocked).sort()).toEqual(
    Object.keys(EXPECTED)
      .filter((e) => EXPECTED[e] === 'Blocked')
      .sort(),
  );
  await page.screenshot({ path: 'test-results/runner-users-blocked.png' });
  // Why, from the runner: each blocked person's deciding step and reason, and that step as a filter.
  await expect(table.locator('tbody tr td.col-why').first()).toContainText('employee_check');
  await page.getByLabel('Deciding step').selectOption('employee_check');
  await expect(page).toHaveURL(/step=employee_check/);
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await page.getByLabel('Deciding step').selectOption('');

  await page.getByRole('radio', { name: /^Approved/ }).click();
  await expect(table.locator('tbody tr')).toHaveCount(14);

  await page.getByRole('radio', { name: /^Error/ }).click();
  await expect(page.getByText('This test gave no user the status')).toBeVisible();

  // Twenty people are one page: the second page is past the end, and says so.
  await page.goto(`${testUrl}?page=2`);
  await expect(page.getByText('Page 2 is past the end')).toBeVisible();
  await page.getByRole('link', { name: /Go to the first page/ }).click();
  await expect(table.locator('tbody tr')).toHaveCount(20);
});
