import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectNoAxeViolations } from './support/axe';
import { configureMock, openDemo } from './faults/mock-control';

/**
 * What-if from the editor on the demo: tighten a step, test the unsaved draft beside its saved
 * version, open the delta, narrow it to the step that now decides, export it, and open one
 * person's trace. The same journey over 100,000 users is the bench scenario (bench/measure-what-if.ts).
 */

// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 60_000 });

/** A 1440x900 screenshot of the view (scrolled to `at`, when given), to look at: SHOTS_DIR=… */
async function shot(page: Page, name: string, at?: Locator) {
  if (!process.env.SHOTS_DIR) return;
  if (at) await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png` });
}

test('a stricter step, tested as a draft: how many it newly blocks, where, and why for one of them', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemo(page);
  // Slow enough to see both bars run, fast enough for a short test.
  await configureMock(page, { latencyMs: 0, userCount: 2_000, usersPerSecond: 1_500 });

  // bigquery_approval's first step asks the dataset owner; the draft lets a condition decide instead,
  // which blocks every contractor (their company is an agency) and anyone without a company.
  await page.goto('/policies/bigquery_approval/edit');
  await expect(page.getByRole('button', { name: 'Test this draft' })).toBeVisible();
  await page.locator('#f-steps-0-strategy').locator('xpath=../..').getByRole('radio', { name: /^Auto/ }).check();
  await page.locator('#f-steps-0-approveIf').fill('$appeal.creator.entity == "Company Name"');
  await page.getByRole('button', { name: 'Test this draft' }).click();

  const panel = page.getByRole('region', { name: 'Test of this draft' });
  const base = panel.getByRole('progressbar', { name: 'Saved version v3' });
  const draft = panel.getByRole('progressbar', { name: 'This draft (unsaved)' });
  await expect(base).toBeVisible();
  await expect(draft).toBeVisible();
  await expect.poll(async () => Number(await draft.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await shot(page, 'what-if-editor-panel');
  // Nothing was saved: the editor still holds the draft.
  await expect(page.locator('#f-steps-0-approveIf')).toHaveValue('$appeal.creator.entity == "Company Name"');

  await panel.getByRole('link', { name: 'Open the delta' }).click();
  await expect(page).toHaveURL(/\/tests\/compare\?a=[\w-]+&b=[\w-]+$/);
  // The draft side leads back to the editor it came from.
  await expect(page.getByRole('link', { name: 'Back to the draft' })).toHaveAttribute(
    'href',
    '/policies/bigquery_approval/edit',
  );
  await expect(page.getByText(/^Of 2,000 users both tests have reported,/)).toBeVisible({ timeout: 60_000 });

  const steps = page.getByRole('region', { name: 'Changes by deciding step' });
  const group = steps.getByRole('link', { name: /users? newly blocked at admin_approval$/ });
  await expect(group).toBeVisible();
  const newlyBlocked = Number((await group.textContent())!.replace(/users?.*$/, '').replace(/\D/g, ''));
  expect(newlyBlocked).toBeGreaterThan(0);
  await shot(page, 'what-if-delta');

  await group.click();
  await expect(page).toHaveURL(/change=newly-blocked/);
  await expect(page).toHaveURL(/step=admin_approval/);
  await expect(page.getByRole('status').filter({ hasText: 'Showing only changes B now decides' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Newly blocked.*page 1 of/ });
  await expect(table.locator('tbody tr').first()).toContainText('admin_approval');
  await expectNoAxeViolations(page);
  await shot(page, 'what-if-delta-step');
  await shot(page, 'what-if-delta-table', table);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export CSV/ }).click();
  const file = await download;
  const rows = Papa.parse<string[]>((await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '').trimEnd(), {
    newline: '\r\n',
  }).data;
  const header = rows[0]!;
  expect(rows).toHaveLength(newlyBlocked + 1);
  const body = rows.slice(1);
  expect(new Set(body.map((r) => r[header.indexOf('change')]))).toEqual(new Set(['newly blocked']));
  expect(new Set(body.map((r) => r[header.indexOf('step_b')]))).toEqual(new Set(['admin_approval']));
  expect(new Set(body.map((r) => r[header.indexOf('reason_b')]))).toEqual(new Set(['approve_if_false']));
  await testInfo.attach('delta.csv', { path: (await file.path())! });

  // One person's appeal, traced through the saved version (the draft has no version to trace).
  const firstEmail = body[0]![header.indexOf('email')]!;
  const trace = table.getByRole('link', { name: /^Trace in v3: / }).first();
  await trace.click();
  await expect(page).toHaveURL(/\/policies\/bigquery_approval\/versions\/3\/trace\?creator=user&user=/);
  await expect(page.getByRole('region', { name: 'Trace result' }).getByTestId('trace-sentence')).not.toBeEmpty();
  expect(firstEmail).toMatch(/@/);
});
