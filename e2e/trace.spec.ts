import { expect as baseExpect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { shot } from './support/shots';
import { NO_LATENCY } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

// Generous waits: these specs also run on a shared, heavily loaded 2-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 60_000 });

test.beforeEach(({ page }) => seedMock(page, { config: NO_LATENCY }));

test('trace a blocked person from the version view, and why', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/policies/my-second-policy/versions/1');
  await page.getByRole('link', { name: 'Trace an appeal' }).click();
  await expect(page).toHaveURL(/\/policies\/my-second-policy\/versions\/1\/trace$/);
  const result = page.getByRole('region', { name: 'Trace result' });
  await expect(result.getByTestId('trace-sentence')).toContainText('Waits for approval at step 2');

  await page.getByLabel('Sample', { exact: true }).selectOption({ label: 'Contractor without a manager' });
  await expect(result.getByTestId('trace-sentence')).toHaveText(
    'Blocked at step 1 employee_check: approve_if was false — $appeal.creator.company was "Acme Staffing".',
  );
  await expect(result.getByRole('article', { name: /Step 1 of 2: employee_check, Blocked/ })).toBeVisible();
  await expect(
    result.getByRole('article', { name: /Step 2 of 2: resource_owner_approval, Not reached/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/sample=contractor/);
  await expectNoAxeViolations(page);
  await shot(page, 'trace-blocked');

  // The same person from the directory: search, pick, and the link reproduces it.
  await page.getByRole('radio', { name: 'Someone from the directory' }).check();
  await page.getByLabel('Find a person by email or name').fill('0@example.com');
  await page.getByRole('list', { name: 'People found' }).getByRole('button').first().click();
  await expect(result.getByTestId('trace-sentence')).not.toBeEmpty();
  await page.getByLabel('Show the other targets side by side').check();
  await expect(result.getByRole('table', { name: 'The same appeal on each server target' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'trace-directory');
});

test('keep a trace as a test case, carry it in a file, and watch it pass once the editor fixes the policy', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // my_policy has no IAM, so Guardian sets no creator and its manager approver fails for everyone.
  await page.goto('/policies/my_policy/versions/1/trace');
  const result = page.getByRole('region', { name: 'Trace result' });
  await expect(result.getByTestId('trace-sentence')).toContainText(
    'Error at step 1 manager_approval: approver $appeal.creator.manager_email failed',
  );
  await result.getByRole('button', { name: 'Save as test case' }).click();
  const form = page.getByRole('form', { name: 'Save as test case' });
  await form.getByLabel('Case name').fill('staff get a manager review');
  await form.getByLabel('Expected outcome').selectOption({ label: 'Waits for approvers' });
  await form.getByRole('button', { name: 'Save test case' }).click();
  const cases = page.getByRole('region', { name: 'Test cases' });
  await expect(cases.getByRole('status')).toHaveText('1 case: 0 pass, 1 fails on v1');
  await expect(cases).toContainText('expected waits for approval, got an error at manager_approval');
  await expectNoAxeViolations(page);
  await shot(page, 'trace-cases');

  const download = page.waitForEvent('download');
  await cases.getByRole('button', { name: 'Export my_policy.cases.yaml' }).click();
  const file = testInfo.outputPath('my_policy.cases.yaml');
  await (await download).saveAs(file);
  await cases.getByRole('button', { name: 'Remove case staff get a manager review' }).click();
  await expect(cases.getByRole('status')).toHaveText('No cases yet.');
  await cases.getByLabel('Cases file to import').setInputFiles(file);
  await expect(cases).toContainText('1 case loaded from my_policy.cases.yaml.');
  await expect(cases.getByRole('status')).toHaveText('1 case: 0 pass, 1 fails on v1');

  await page.goto('/policies/my_policy/versions/1');
  await expect(page.getByRole('link', { name: '1 case: 0 pass, 1 fails' })).toBeVisible();

  await page.goto('/policies/my_policy/edit');
  const panel = page.getByRole('region', { name: 'Test cases' });
  await expect(panel.getByRole('status')).toHaveText('1 case: 0 pass, 1 fails on this draft');
  await page.locator('#f-steps-0-approvers-0-value').fill('$appeal.resource.details.supervisor');
  await expect(panel.getByRole('status')).toHaveText('1 case: 1 pass, 0 fail on this draft');
  await expect(panel).toContainText('waits for data-supervisor@example.com at manager_approval, as expected');
  await expectNoAxeViolations(page);
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'editor-cases');
});

test('a save cannot hide a broken policy: the review lists what will fail, and the saved version says so', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/policies/my-first-policy/edit');
  const when = page.locator('#f-steps-0-when');
  // my-first-policy has no IAM: a creator field read there is nil for everyone, said on leaving the field.
  await when.fill('$appeal.creator.department == "eng"');
  await page.locator('#f-steps-0-name').focus();
  await expect(page.getByRole('status').filter({ hasText: 'but the policy has no iam' })).toBeVisible();

  await when.fill('lower($appeal.resource.name) == "customers"');
  await page.getByRole('button', { name: 'Review and save' }).click();
  const dialog = page.getByRole('dialog', { name: /Review the changes/ });
  const risks = dialog.getByRole('region', { name: /problem to acknowledge before saving/ });
  await expect(risks).toContainText('step 1 resource_owner_approval, when');
  await expect(risks).toContainText('lower is not available on this Guardian server (expr 1.12)');
  await expectNoAxeViolations(page);
  await shot(page, 'review-risks');
  await dialog.getByRole('button', { name: 'Save anyway' }).click();

  await expect(page).toHaveURL(/\/policies\/my-first-policy\/versions\/\d+$/);
  await expect(page.getByRole('note', { name: /Problems in v\d+/ })).toContainText('lower');
});
