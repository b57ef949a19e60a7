import { expect, test, type Page } from '@playwright/test';

/**
 * The production build runs under its strict Content-Security-Policy (no inline script but the one
 * named by its hash, no eval, no inline style attributes in markup) while an admin uses every view:
 * not one violation.
 * Runs against the real mock HTTP server through `vite preview`'s proxy, as in production.
 */
interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

async function watchCsp(page: Page): Promise<{ violations: () => Promise<Violation[]>; console: string[] }> {
  await page.addInitScript(() => {
    const list: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (event) => {
      list.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  page.on('pageerror', (error) => console.push(`page error: ${error.message}`));
  return {
    console,
    // Collected per document; read before each navigation.
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations),
  };
}

/**
 * The CSP watch and the settings every part needs (credentials in session storage, "remember", so
 * that they survive the page loads), then `visit` for each page load, `finish` to check the whole.
 */
async function startUnderCsp(page: Page) {
  const csp = await watchCsp(page);
  const seen: Violation[] = [];
  const visit = async (url: string) => {
    seen.push(...(await csp.violations().catch(() => [])));
    await page.goto(url);
  };
  const finish = async () => {
    seen.push(...(await csp.violations()));
    expect(seen).toEqual([]);
    expect(csp.console).toEqual([]);
  };

  await page.goto('/settings');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'sha256-[\w+/]+=*'(;|$)/);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  await page.getByRole('checkbox', { name: /Remember credentials/ }).check();
  await page.getByRole('textbox', { name: 'Identity email (X-Auth-Email)' }).fill('csp@example.com');
  await page.getByRole('textbox', { name: 'Account id' }).fill('csp-account');
  await page.getByRole('textbox', { name: 'API token' }).fill('csp-token');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('button', { name: 'Save settings' }).click();
  return { visit, finish };
}

// Every view, in three parts that run side by side.
test('the catalog, apply, a version and the trace run under the production CSP without a violation', async ({
  page,
}) => {
  const { visit, finish } = await startUnderCsp(page);
  await visit('/policies');
  await expect(page.getByRole('link', { name: 'bigquery_approval', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search policies' }).fill('big');

  // "Download all" zips every policy off the main thread (fflate's workers, from blob: URLs).
  await page.getByRole('button', { name: 'Download all' }).click();
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download zip' }).click();
  expect((await zip).suggestedFilename()).toBe('guardian-policies.zip');

  await visit('/policies/apply');
  await page.getByLabel('Policy files', { exact: true }).setInputFiles({
    name: 'csp-check.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(
      'id: csp_apply_check\nsteps:\n  - name: owner\n    strategy: manual\n    approvers: [owner@example.com]\n',
    ),
  });
  await expect(page.getByRole('button', { name: 'Apply 1 selected file' })).toBeEnabled();

  await visit('/policies/bigquery_approval');
  await expect(page.getByRole('heading', { level: 1, name: /^bigquery_approval v\d+/ })).toBeVisible();
  for (const tab of ['JSON', 'YAML', 'Overview']) await page.getByRole('tab', { name: tab }).click();

  // The trace runs in a module worker; the directory comes from the mock HTTP server's extension.
  await visit('/policies/bigquery_approval/versions/1/trace?creator=user');
  await page.getByLabel('Find a person by email or name').fill('0@example.com');
  await page.getByRole('list', { name: 'People found' }).getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Trace result' }).getByTestId('trace-sentence')).not.toBeEmpty();

  await finish();
});

test('the diff and the editor run under the production CSP without a violation', async ({ page }) => {
  const { visit, finish } = await startUnderCsp(page);
  for (const view of ['', '?view=split', '?view=unified']) {
    await visit(`/policies/bigquery_approval/diff/1...2${view}`);
    await expect(page.getByRole('heading', { level: 1, name: 'What changed from v1 to v2' })).toBeVisible();
  }

  await visit('/policies/new');
  await page.getByRole('textbox', { name: 'Id' }).fill('csp_check');
  await page.getByRole('textbox', { name: 'Name' }).fill('owner_approval');
  await page.getByRole('textbox', { name: 'Approver 1' }).fill('owner@example.com');
  const when = page.getByRole('combobox', { name: 'When (optional)' });
  await when.pressSequentially('$appeal.'); // opens the completion list
  await when.fill('$appeal.resource.details.is_pii');
  await page.getByRole('button', { name: 'Check with server' }).click();
  await expect(page.getByText('Guardian accepts this policy.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Review and create' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Import YAML or JSON' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  page.on('dialog', (dialog) => void dialog.accept());
  await visit('/policies/my_policy/edit');
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();

  await finish();
});

test('tests, the recent list and a missing page run under the production CSP without a violation', async ({ page }) => {
  const { visit, finish } = await startUnderCsp(page);
  await visit('/tests/new?policy=bigquery_approval&version=1');
  await page.getByRole('button', { name: 'Start test' }).click();
  await expect(page).toHaveURL(/\/tests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Test / })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Users, page/ })).toBeVisible({ timeout: 20_000 });

  await visit('/tests');
  await expect(page.getByRole('heading', { level: 1, name: 'Tests' })).toBeVisible();
  await visit('/tests/compare');
  await visit('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  await finish();
});
