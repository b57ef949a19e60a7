import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import type { MockConfig } from '../mocks/state/config';
import { COMPARISON_CSV_HEADER } from '../src/features/policy-tests/compare/export-comparison-csv';
import { expectNoAxeViolations } from './support/axe';

/** Policy tests on the demo: launch, live progress, users table, export, recent list, compare. */

// Tests progress over time (the mock processes users at a set rate) and the CI machines are
// shared: generous waits, but every wait is for a state, never for a fixed time, except where
// the point is to see that nothing happens.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 60_000 });

async function mockReady(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__policyConsoleMock));
}

async function configure(page: Page, config: Partial<MockConfig>): Promise<void> {
  await mockReady(page);
  await page.evaluate((c) => window.__policyConsoleMock!.setConfig(c), config);
}

/** Starts a test from the launch page, as an admin would, and returns its id. */
async function launch(page: Page, policy: string, version: number, config?: Partial<MockConfig>): Promise<string> {
  await page.goto(`/tests/new?policy=${policy}&version=${version}`);
  if (config) await configure(page, config);
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue(String(version), { timeout: 20_000 });
  await page.getByRole('button', { name: 'Start test' }).click();
  await page.waitForURL(/\/tests\/(?!new|compare)[^/?]+$/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

const statusBadge = (page: Page) => page.locator('.test-progress__facts dd').first();
const usersTable = (page: Page) => page.getByRole('table', { name: /page \d+ of/ });
const firstRowEmail = (page: Page) => usersTable(page).locator('tbody tr').first().locator('td').nth(2);
const FAST = { usersPerSecond: 20_000, latencyMs: 20 };

test('launching a test on an example policy shows the bars move, then stops polling at the end', async ({ page }) => {
  const statusCalls: number[] = [];
  page.on('request', (request) => {
    if (/\/access\/policy-tests\/[^/]+$/.test(new URL(request.url()).pathname)) statusCalls.push(Date.now());
  });
  // The page's clock runs as usual until paused: polling is then counted in fake seconds, not waited for.
  await page.clock.install();
  const id = await launch(page, 'bigquery_approval', 1, { usersPerSecond: 1_000, latencyMs: 20 });
  // Named after what it tests; the id is there too, for reference.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test of bigquery_approval v1');
  await expect(page.locator('.page__subtitle')).toContainText(id);

  const processed = page.getByRole('progressbar', { name: 'Users processed' });
  await expect(processed).toHaveAttribute('aria-valuemax', '5000');
  await expect(statusBadge(page)).toHaveText('Processing');
  await expect(page.getByText('Time left')).toBeVisible();
  await expect.poll(async () => Number(await processed.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  const early = Number(await processed.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await processed.getAttribute('aria-valuenow'))).toBeGreaterThan(early);

  // One polling query, however many parts of the page read it: about one status call a second.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  const callsBefore = statusCalls.length;
  for (let tick = 0; tick < 6; tick++) {
    await page.clock.runFor(500);
    await page.evaluate(() => 0);
  }
  // The clock is paused now: no more polls start, but the request events of those that did may
  // still be on their way to the test.
  await expect
    .poll(() => statusCalls.length - callsBefore, { message: 'status calls in 3 s' })
    .toBeGreaterThanOrEqual(1);
  expect(statusCalls.length - callsBefore, 'status calls in 3 s').toBeLessThanOrEqual(5);
  await page.clock.resume();
  await expectNoAxeViolations(page);

  // The rest of the run at once: the mock processes users by the page's clock.
  await page.clock.fastForward(5_000);
  await expect(statusBadge(page)).toHaveText('Complete', { timeout: 30_000 });
  await expect(processed).toHaveAttribute('aria-valuenow', '5000');
  const outcome = page.getByRole('progressbar', { name: 'Outcome' });
  await expect(outcome).toHaveAttribute(
    'aria-valuetext',
    /^Approved [\d,]+ \(\d+%\), Blocked [\d,]+ \(\d+%\), Errored [\d,]+ \(\d+%\); 5,000 of 5,000 users$/,
  );
  await expect(page.getByText('Every user was evaluated.')).toBeVisible();

  // Ten more seconds of the page's timers, at once: no poll among them.
  const callsAtEnd = statusCalls.length;
  await page.clock.runFor(10_000);
  await page.evaluate(() => 0);
  expect(statusCalls.length, 'no status polls after a terminal status').toBe(callsAtEnd);

  // The recent list remembers it with its final status.
  await page.getByRole('link', { name: 'Tests', exact: true }).first().click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: id }) });
  await expect(row).toContainText('Complete');
  await expect(row.getByRole('link', { name: /bigquery_approval/ })).toHaveAttribute(
    'href',
    '/policies/bigquery_approval/versions/1',
  );
  await expectNoAxeViolations(page);
});

test('the users table pages and filters by URL, and a reload lands on the same rows', async ({ page }) => {
  const id = await launch(page, 'bigquery_approval', 1, FAST);
  await expect(statusBadge(page)).toHaveText('Complete', { timeout: 20_000 });

  await page.getByRole('radio', { name: /^Approved/ }).click();
  await expect(page).toHaveURL(/status=approved/);
  await page.getByLabel('Rows per page').selectOption('50');
  await expect(page).toHaveURL(/per_page=50/);
  const pager = page.getByRole('navigation', { name: 'Pages of users' });
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await pager.getByRole('link', { name: 'Next' }).press('Enter');
  await expect(page).toHaveURL(/page=3/);
  await expect(pager).toContainText('Approved 101–150 of');
  // The pager follows the address at once; the rows are page 3's once the table is no longer busy.
  await expect(page.locator('.paged-table[aria-busy="true"]')).toHaveCount(0);
  const email = await firstRowEmail(page).textContent();
  const statuses = await usersTable(page).locator('tbody tr td.col-status').allTextContents();
  expect(statuses).toHaveLength(50);
  expect(new Set(statuses)).toEqual(new Set(['Approved']));

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/tests/${id}\\?.*page=3`));
  await expect(firstRowEmail(page)).toHaveText(email!, { timeout: 20_000 });
  await expect(page.getByRole('radio', { name: /^Approved/ })).toBeChecked();
  await expect(page.getByLabel('Page number, 1 to')).toHaveValue('3');

  // The blocked users of this version: none, said in words.
  await page.getByRole('radio', { name: /^Blocked/ }).click();
  await expect(page).toHaveURL(/status=blocked/);
  await expect(page).not.toHaveURL(/page=3/);
  await expect(page.getByText('This test gave no user the status “Blocked”.')).toBeVisible();

  // Past the end: the API returns [] and the page says so, with a way back.
  await page.goto(`/tests/${id}?status=error&page=999`);
  await expect(page.getByText('Page 999 is past the end')).toBeVisible();
  await page.getByRole('link', { name: /Go to the last page/ }).click();
  await expect(usersTable(page).locator('tbody tr').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Broken params: sane defaults and a notice, never a crash.
  await page.goto(`/tests/${id}?page=abc&per_page=30&status=<b>x</b>`);
  await expect(page.getByText('“abc” is not a page number; showing page 1.')).toBeVisible();
  await expect(page.getByText('30 users per page is not offered; showing 25 per page.')).toBeVisible();
  await expect(usersTable(page).locator('tbody tr')).toHaveCount(25);
});

test('large pages are virtualised and keep the page on screen while users arrive', async ({ page }) => {
  const id = await launch(page, 'bigquery_approval', 1, { usersPerSecond: 1_500, userCount: 20_000, latencyMs: 20 });
  await page.goto(`/tests/${id}?per_page=1000&page=2`);
  // Page 2 does not exist yet; once users arrive it fills in, without a jump back to page 1.
  await expect(usersTable(page)).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/page=2/);
  // The virtualiser draws a first few rows, then fills the viewport once it has measured them.
  const rows = usersTable(page).locator('tbody tr:not([aria-hidden])');
  await expect.poll(() => rows.count()).toBeGreaterThan(10);
  expect(await rows.count()).toBeLessThan(200);
  await expect(firstRowEmail(page)).toHaveText(/@/);
  await expect(usersTable(page).locator('tbody tr').first().locator('td').first()).toHaveText('1,001');
});

test('exporting the users writes a CSV that reads back, with formulas neutralised', async ({ page }) => {
  await launch(page, 'bigquery_approval', 1, FAST);
  await expect(statusBadge(page)).toHaveText('Complete', { timeout: 20_000 });
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export CSV/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^policy-test-[\w-]+-all-users\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('5,000 users');

  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
  expect(rows[0]).toEqual(['id', 'email', 'name', 'status', 'step', 'reason', 'error']);
  expect(rows).toHaveLength(5_001);
  expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(5_000);
  const live = rows
    .slice(1)
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell));
  expect(live, 'cells a spreadsheet would run as formulas').toEqual([]);
  // The seeded directory holds a few hostile names (markup, RTL overrides, formulas); they come out inert.
  const hostile = rows.slice(1).filter((r) => /[<\u202E]|HYPERLINK/.test(r[2]!));
  expect(hostile.length).toBeGreaterThan(0);
  for (const row of hostile.filter((r) => r[2]!.includes('HYPERLINK'))) expect(row[2]!.startsWith(`'=`)).toBe(true);

  // A filtered export holds only that status, and says so in its name.
  await page.getByRole('radio', { name: /^Error/ }).click();
  const errorCount = Number(
    (await page
      .getByRole('radio', { name: /^Error/ })
      .locator('..')
      .textContent())!.replace(/\D/g, ''),
  );
  const filtered = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export CSV/ }).click();
  const errors = await filtered;
  expect(errors.suggestedFilename()).toMatch(/-error-users\.csv$/);
  const errorRows = Papa.parse<string[]>((await readFile((await errors.path())!, 'utf8')).trimEnd(), {
    newline: '\r\n',
  }).data.slice(1);
  expect(errorRows).toHaveLength(errorCount);
  expect(new Set(errorRows.map((r) => r[3]))).toEqual(new Set(['error']));
});

test('two versions of a policy compare user by user, from the recent list', async ({ page }) => {
  const before = await launch(page, 'my-second-policy', 3, FAST);
  const after = await launch(page, 'my-second-policy', 4);
  await expect(statusBadge(page)).toHaveText('Complete', { timeout: 20_000 });

  await page.goto('/tests');
  await page.getByRole('checkbox', { name: `Select test ${after} to compare` }).click();
  await page.getByRole('checkbox', { name: `Select test ${before} to compare` }).click();
  await page.getByRole('button', { name: /Compare selected/ }).click();
  await expect(page).toHaveURL(new RegExp(`/tests/compare\\?a=${before}&b=${after}$`));

  const counts = page.getByRole('table', { name: 'Outcome counts of test A and test B' });
  const blockedRow = counts.getByRole('row', { name: /^Blocked/ });
  await expect(blockedRow).toContainText(/\+[\d,]+/);
  await expect(page.getByRole('heading', { name: 'Per-user changes' })).toBeVisible({ timeout: 20_000 });
  // Both tests are done: once every user of both is read, the summary stops saying "so far".
  await expect(page.getByText(/^Of 5,000 users both tests have reported,/)).toBeVisible({ timeout: 20_000 });

  const newlyBlocked = page.getByRole('radio', { name: /^Newly blocked/ });
  const newlyBlockedCount = Number((await newlyBlocked.locator('..').textContent())!.replace(/\D/g, ''));
  expect(newlyBlockedCount).toBeGreaterThan(0);
  await newlyBlocked.click();
  await expect(page).toHaveURL(/change=newly-blocked/);
  const table = page.getByRole('table', { name: /^Newly blocked, page 1 of/ });
  await expect(table.locator('tbody tr').first()).toContainText('Newly blocked');
  await expect(table.locator('tbody tr').first().locator('td').nth(4)).toHaveText('Blocked');
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`policy-test-compare-${before}-vs-${after}-newly-blocked.csv`);
  const rows = Papa.parse<string[]>((await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '').trimEnd(), {
    newline: '\r\n',
  }).data;
  expect(rows[0]).toEqual([...COMPARISON_CSV_HEADER]);
  expect(rows).toHaveLength(newlyBlockedCount + 1);
  expect(new Set(rows.slice(1).map((r) => r[COMPARISON_CSV_HEADER.indexOf('status_b')]))).toEqual(new Set(['blocked']));

  // By URL alone: a reload fetches both tests again and lands on the same view.
  await page.reload();
  await expect(page.getByRole('radio', { name: /^Newly blocked/ })).toBeChecked({ timeout: 20_000 });
  await expect(page.getByRole('table', { name: /^Newly blocked, page 1 of/ })).toBeVisible();
});

test('“Test this version” starts at once; “Compare with…” offers the policy’s other versions', async ({ page }) => {
  const testIdOf = () => decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const testVersion = async (version: number) => {
    await page.goto(`/policies/my-second-policy/versions/${version}`);
    await page.getByRole('link', { name: 'Test this version' }).click();
    // No form on the way: the progress page of the new test, named after the version.
    await page.waitForURL(/\/tests\/(?!new|compare)[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Test of my-second-policy v${version}`);
    return testIdOf();
  };
  await page.goto('/policies/my-second-policy/versions/3');
  await configure(page, FAST);
  const v3 = await testVersion(3);
  // Back returns to the version, not to a launch form.
  await page.goBack();
  await expect(page).toHaveURL(/\/policies\/my-second-policy\/versions\/3$/);

  const v4 = await testVersion(4);
  await expect(statusBadge(page)).toHaveText('Complete', { timeout: 20_000 });
  // The form, for options, is one click away.
  await expect(page.getByRole('link', { name: 'Run again…' })).toHaveAttribute(
    'href',
    '/tests/new?policy=my-second-policy&version=4',
  );
  await page.getByRole('link', { name: 'Compare with…' }).click();
  const offer = page.getByRole('region', { name: 'Compare the test of my-second-policy v4 with…' });
  await expect(offer.getByRole('listitem').first()).toContainText('v3');
  await expect(offer.getByRole('listitem').first()).toContainText(/[\d,]+ users · \d+% approved/);
  await expectNoAxeViolations(page);
  await offer.getByRole('button', { name: /^Compare with the test of v3/ }).click();
  await expect(page).toHaveURL(/\/tests\/compare\?/);
  const compared = new URL(page.url()).searchParams;
  expect([compared.get('a'), compared.get('b')]).toEqual([v3, v4]);
  await expect(page.getByRole('table', { name: 'Outcome counts of test A and test B' })).toBeVisible();
});

test('a status endpoint failing for a while shows "reconnecting", keeps the last progress, then completes', async ({
  page,
}) => {
  // The page's clock runs as usual; the wait for the retries and the rest of the run is skipped.
  await page.clock.install();
  await launch(page, 'bigquery_approval', 1, { usersPerSecond: 250, latencyMs: 20 });
  await expect(page.getByRole('progressbar', { name: 'Users processed' })).toBeVisible();
  await page.evaluate(() => window.__policyConsoleMock!.addFault({ route: 'tests.status', fault: 503, times: 4 }));
  await expect(page.getByText('Reconnecting…')).toBeVisible({ timeout: 20_000 });
  // No frozen estimate while the status cannot be read.
  await expect(page.getByText('paused — reconnecting')).toBeVisible();
  // The last answer stays on screen while reconnecting.
  await expect(page.getByRole('progressbar', { name: 'Users processed' })).toBeVisible();
  await expect(statusBadge(page)).toHaveText('Processing');
  await expectNoAxeViolations(page);
  await expect
    .poll(async () => {
      await page.clock.runFor(2_000);
      return statusBadge(page).textContent();
    })
    .toBe('Complete');
  await expect(page.getByText('Reconnecting…')).toBeHidden();
});

test('a refused launch says why, and a stale test id says it no longer exists', async ({ page }) => {
  await page.goto('/tests/new?policy=bigquery_approval&version=1');
  await mockReady(page);
  await page.evaluate(() => window.__policyConsoleMock!.addFault({ route: 'tests.start', fault: 403, times: 1 }));
  // The form shows before the policy list has arrived: start once the version is chosen.
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue('1');
  await page.getByRole('button', { name: 'Start test' }).click();
  await expect(page.getByRole('alert')).toContainText('The test did not start: not allowed to run policy tests');
  await expect(page).toHaveURL(/\/tests\/new/);
  await expectNoAxeViolations(page);

  await page.evaluate(() =>
    window.__policyConsoleMock!.addFault({ route: 'tests.start', fault: 429, times: 1, retryAfterSeconds: 30 }),
  );
  await page.getByRole('button', { name: 'Start test' }).click();
  await expect(page.getByRole('alert')).toContainText('wait 30 s');

  // A test this browser remembers but the server has forgotten (expired, or another server).
  const stale = '00000000-0000-4000-8000-000000000000';
  await page.evaluate((id) => {
    const entry = {
      id,
      policies: ['bigquery_approval:1'],
      firstSeenAt: new Date().toISOString(),
      lastStatus: 'processing',
    };
    localStorage.setItem('policy-console.recent-tests', JSON.stringify([entry]));
  }, stale);
  await page.goto('/tests');
  const row = page.getByRole('row').filter({ hasText: stale });
  await expect(row).toContainText('No longer exists');
  await expect(row).toContainText('The server no longer has this test.');
  await row.getByRole('link', { name: stale }).click();
  await expect(page.getByText('This test no longer exists')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Remove it from recent tests' }).click();
  await page.getByRole('link', { name: 'Back to recent tests' }).click();
  await expect(page.getByText('No tests yet')).toBeVisible();
});
