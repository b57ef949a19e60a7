import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse, stringify } from 'yaml';
import { expectNoAxeViolations } from './support/axe';
import { FAST_MOCK } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * Policies as code against the demo's mock Guardian: a version downloaded for the CLI, changed and
 * applied from the browser; a folder planned and applied; an apply cut short by a reload, applied
 * again without writing anything twice.
 */
test.describe.configure({ timeout: 60_000 });

const SHOTS = process.env.AS_CODE_SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

interface MockWindow {
  __policyConsoleMock?: { setFaults(partial: { latencyMs?: number }): unknown };
}

/** "Download all" from the catalog: every latest version as a CLI file, by file name. */
async function downloadAll(page: Page): Promise<Map<string, string>> {
  await page.goto('/policies');
  await page.getByRole('button', { name: 'Download all' }).click();
  const download = page.waitForEvent('download');
  await page
    .getByRole('dialog', { name: 'Download all policies' })
    .getByRole('button', { name: 'Download zip' })
    .click();
  const zip = unzipSync(readFileSync(await (await download).path()));
  return new Map(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** A file as someone edits it in git: parsed, one field changed, written back. */
function edited(text: string, change: Record<string, unknown>): string {
  return stringify({ ...(parse(text) as Record<string, unknown>), ...change });
}

function writeFolder(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function latestVersion(page: Page, id: string): Promise<number> {
  return page.evaluate(async (policyId) => {
    const response = await fetch(`/api/v1beta1/policies/${policyId}/versions/0`);
    return ((await response.json()) as { policy: { version: number } }).policy.version;
  }, id);
}

const summary = (page: Page) => page.locator('.plan-summary__counts');
const applyButton = (page: Page) => page.getByRole('button', { name: /^Apply \d+ selected files?$/ });

test.beforeEach(async ({ page }) => {
  await seedMock(page, { config: FAST_MOCK });
});

test('download a version for the CLI, change it in an editor, apply it and land on the new version', async ({
  page,
}) => {
  await page.goto('/policies/my-first-policy');
  await page.getByRole('tab', { name: 'YAML' }).click();
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  const version = Number(/v(\d+)/.exec(heading)?.[1]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for the CLI' }).click();
  expect((await download).suggestedFilename()).toBe('my-first-policy.yaml');
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(file).toMatch(/^appeal_config:/m);
  expect(file).not.toMatch(/^(version|created_by|created_at|updated_at):/m);

  await page.getByRole('link', { name: 'Apply from files' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Apply from files' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'apply-empty');
  await page.getByLabel('Policy files', { exact: true }).setInputFiles({
    name: 'my-first-policy.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(file.replace('id: my-first-policy\n', 'id: my-first-policy\ntitle: Changed in git\n')),
  });
  await expect(summary(page)).toHaveText('1 file: 1 changed');
  await expect(applyButton(page)).toHaveText('Apply 1 selected file');
  await expect(page.getByRole('row', { name: /my-first-policy\.yaml/ })).toContainText(`Changed from v${version}`);
  await page.getByRole('button', { name: 'Details of my-first-policy.yaml' }).click();
  await expect(page.getByText(/Title added|title/i).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await applyButton(page).click();
  await expect(page).toHaveURL(new RegExp(`/policies/my-first-policy/versions/${version + 1}$`));
  await expect(page.getByText(`Applied my-first-policy.yaml as v${version + 1}.`)).toBeVisible();
  await expect(page.getByText('Changed in git', { exact: true })).toBeVisible();
});

test('plan a folder of 10 policy files (new, changed, unchanged, invalid) and 2 test-case files, apply, and plan again: nothing left to do', async ({
  page,
}) => {
  const all = await downloadAll(page);
  const get = (name: string) => all.get(name) ?? '';
  const dir = writeFolder(test.info().outputPath('repo'), {
    'unchanged/id.yaml': get('id.yaml'),
    'unchanged/test-id.yaml': get('test-id.yaml'),
    'unchanged/my_policy.yaml': get('my_policy.yaml'),
    'changed/my-first-policy.yaml': edited(get('my-first-policy.yaml'), { description: 'Changed in git' }),
    'changed/my-second-policy.yaml': edited(get('my-second-policy.yaml'), { description: 'Changed in git' }),
    'changed/bigquery_approval.yaml': edited(get('bigquery_approval.yaml'), { title: 'BigQuery, from git' }),
    'new/e2e-folder-a.yaml':
      'id: e2e-folder-a\nsteps:\n  - name: owner\n    strategy: manual\n    approvers:\n      - owner@example.com\n',
    'new/e2e-folder-b.json': JSON.stringify({
      id: 'e2e-folder-b',
      steps: [{ name: 'auto', strategy: 'auto', approve_if: '$appeal.resource.details.is_pii != true' }],
    }),
    // Test cases beside their policies (docs/test-cases.md): one that passes, one that fails.
    'new/e2e-folder-a.cases.yaml':
      'version: 1\ncases:\n  - name: the owner approves\n    created_by: dev@example.com\n    expect: { outcome: waits, approvers: [owner@example.com] }\n',
    'changed/first.cases.yml':
      'version: 1\npolicy: my-first-policy\ncases:\n  - name: no one approves\n    created_by: dev@example.com\n    resource: { details: { owner: owner@example.com } }\n    expect: { outcome: approved }\n',
    'invalid/broken.yaml': 'id: [not closed\n',
    'invalid/masked.yaml': get('id.yaml').replace(
      'username: test-user',
      'username: test-user\n      password: ••••••••',
    ),
    '.git/HEAD': 'ref: refs/heads/main\n',
  });

  await page.goto('/policies/apply');
  // The files are parsed in a worker of their own, not on the page's thread.
  const fileReaders: string[] = [];
  page.on('worker', (worker) => {
    if (worker.url().includes('policy-file-worker')) fileReaders.push(worker.url());
  });
  await page.getByLabel('A folder of policy files').setInputFiles(dir);
  // A file whose test cases fail is not selected for the admin.
  await expect(applyButton(page)).toHaveText('Apply 4 selected files', { timeout: 20_000 });
  expect(fileReaders).toHaveLength(1);
  await expect(summary(page)).toHaveText(
    '12 files: 2 new · 3 changed · 3 unchanged · 2 cannot be applied · 2 test-case files (1 file in hidden folders not read)',
  );
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });
  await expect(row('new/e2e-folder-a.yaml')).toContainText('1 case: 1 pass, 0 fail');
  await expect(row('changed/my-first-policy.yaml')).toContainText('1 case: 0 pass, 1 failsfrom first.cases.yml');
  // The row is drawn again on the next frame (the plan's store), so click and wait rather than check().
  const acknowledge = page.getByRole('checkbox', { name: 'Apply repo/changed/my-first-policy.yaml' });
  await acknowledge.click();
  await expect(acknowledge).toBeChecked();
  await expect(row('changed/my-first-policy.yaml')).toContainText('Selected although its cases fail');
  await expect(applyButton(page)).toHaveText('Apply 5 selected files');
  await page.getByRole('button', { name: 'Details of repo/changed/my-first-policy.yaml' }).click();
  await expect(page.getByRole('list', { name: 'Failing test cases of my-first-policy' })).toContainText(
    'no one approvesexpected approved, got waits for owner@example.com at resource_owner_approval',
  );
  await expect(row('unchanged/id.yaml')).toContainText('Unchanged');
  await expect(row('invalid/broken.yaml')).toContainText(/neither valid YAML nor JSON \(line \d/);
  await expect(row('invalid/masked.yaml')).toContainText(/masked value .* not the secret/);
  await page.getByRole('button', { name: 'Details of repo/unchanged/id.yaml' }).click();
  await expect(
    page.getByText(/Keeps the server’s secret that the file leaves out: iam\.config\.auth\.password/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Details of repo/changed/bigquery_approval.yaml' }).click();
  await expectNoAxeViolations(page);
  await shot(page, 'apply-planned');

  await applyButton(page).click();
  await expect(page.getByText('5 files applied.')).toBeVisible({ timeout: 20_000 });
  await expect(row('new/e2e-folder-a.yaml')).toContainText('Created v1');
  await shot(page, 'apply-applied');
  await page.getByRole('button', { name: 'Keep 2 test cases in this browser' }).click();
  await expect(page.getByText('Kept 2 test cases of 2 policies in this browser.')).toBeVisible();

  await page.getByRole('button', { name: 'Plan again' }).click();
  await expect(summary(page)).toHaveText(
    '12 files: 8 unchanged · 2 cannot be applied · 2 test-case files (1 file in hidden folders not read)',
    { timeout: 20_000 },
  );
  await expect(applyButton(page)).toBeDisabled();
});

test('an apply cut short by a reload is applied again without writing anything twice', async ({ page }) => {
  const all = await downloadAll(page);
  const ids = ['my-first-policy', 'my-second-policy', 'my_policy', 'test-id'];
  const before = new Map<string, number>();
  for (const id of ids) before.set(id, await latestVersion(page, id));
  const dir = writeFolder(
    test.info().outputPath('reload'),
    Object.fromEntries(
      ids.map((id) => [`${id}.yaml`, edited(all.get(`${id}.yaml`) ?? '', { description: 'Reload test' })]),
    ),
  );

  await page.goto('/policies/apply');
  const folder = page.getByLabel('A folder of policy files');
  await folder.setInputFiles(dir);
  await expect(applyButton(page)).toHaveText('Apply 4 selected files', { timeout: 20_000 });
  // Slow writes, so that the reload lands while some are still on their way.
  await page.evaluate(() => (window as MockWindow).__policyConsoleMock!.setFaults({ latencyMs: 700 }));
  await applyButton(page).click();
  // Two files at a time, each a read and a write of 700 ms: the progress says 1 or 2 for about 1.4 s,
  // and the reload must land in it. Looked at every 50 ms: an assertion's own retries come a second
  // apart once it has waited a while, and on a busy machine they could step over the whole window.
  const progress = page.getByRole('progressbar', { name: 'Applying' });
  await expect
    .poll(async () => (await progress.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null)) ?? '', {
      intervals: [50],
      timeout: 20_000,
    })
    .toMatch(/^[12]$/);
  await shot(page, 'apply-applying');
  await page.reload();

  await expect(page.getByText('An apply was cut short')).toBeVisible();
  await shot(page, 'apply-interrupted');
  await page.evaluate(() => (window as MockWindow).__policyConsoleMock!.setFaults({ latencyMs: 0 }));
  await page.getByLabel('A folder of policy files').setInputFiles(dir);
  await expect(summary(page)).toHaveText(/^4 files: \d changed · \d unchanged$/, { timeout: 20_000 });
  const text = await summary(page).innerText();
  const changed = Number(/(\d) changed/.exec(text)?.[1]);
  expect(changed).toBeGreaterThan(0);
  expect(changed).toBeLessThan(4);
  await applyButton(page).click();
  await expect(page.getByText(`${changed} ${changed === 1 ? 'file' : 'files'} applied.`)).toBeVisible();

  for (const id of ids) expect(await latestVersion(page, id), id).toBe(before.get(id)! + 1);
});
