import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createPolicyViaApi, FAST_MOCK, openDemo, putPolicyViaApi } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * Secrets in `iam.config` stay masked in every view, raw document, download, diff, draft and log
 * until an admin reveals one; the API token stays in memory (or, when asked, session storage),
 * never in a URL, localStorage or a log.
 */
const SECRET_ID = 'secret_policy';
const PASSWORD_1 = 'pw-SECRET-91c2e';
const PASSWORD_2 = 'pw-SECRET-2bd4f';
const HEADER_TOKEN = 'hdr-SECRET-7f3a0';
const CLIENT_SECRET = 'cs-SECRET-55d0b';
const CREDENTIALS = 'cj-SECRET-a1b2c';
const SECRETS = [PASSWORD_1, PASSWORD_2, HEADER_TOKEN, CLIENT_SECRET, CREDENTIALS];

const secretPolicy = (password: string) => ({
  id: SECRET_ID,
  title: 'Policy with IAM credentials',
  steps: [{ name: 'owner_approval', strategy: 'manual', approvers: ['$appeal.resource.details.owner'] }],
  iam: {
    provider: 'http',
    config: {
      url: 'https://iam.example.com/users/{user_id}',
      headers: { 'X-Api-Token': HEADER_TOKEN },
      auth: { type: 'basic', username: 'svc-guardian', password },
      client_secret: CLIENT_SECRET,
      credentials_json_b64: CREDENTIALS,
    },
    schema: { email: 'email', manager_email: 'manager.email' },
  },
});

/** Every place a secret could hide in the page: markup, text, and the values of non-password fields. */
async function leakedSecrets(page: Page, secrets = SECRETS): Promise<string[]> {
  return page.evaluate((list) => {
    const fieldValues = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
      .filter((field) => !(field instanceof HTMLInputElement && field.type === 'password'))
      .map((field) => field.value);
    const haystack = [document.documentElement.outerHTML, document.body.innerText, ...fieldValues].join('\n');
    return list.filter((secret) => haystack.includes(secret));
  }, secrets);
}

function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  page.on('pageerror', (error) => lines.push(error.message));
  return lines;
}

test.describe('IAM secrets', () => {
  test.describe.configure({ timeout: 60_000 });

  test.beforeEach(async ({ page }) => {
    await seedMock(page, { config: FAST_MOCK });
    await openDemo(page);
    await createPolicyViaApi(page, secretPolicy(PASSWORD_1));
    await putPolicyViaApi(page, SECRET_ID, secretPolicy(PASSWORD_2));
  });

  test('are masked in the version view until revealed, one at a time', async ({ page }) => {
    const logs = recordConsole(page);
    await page.goto(`/policies/${SECRET_ID}/versions/1`);
    await expect(page.getByRole('heading', { level: 1, name: `${SECRET_ID} v1` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reveal config.auth.password' })).toBeVisible();
    expect(await leakedSecrets(page)).toEqual([]);

    await page.getByRole('button', { name: 'Reveal config.auth.password' }).click();
    await expect(page.getByText(PASSWORD_1, { exact: true })).toBeVisible();
    expect(await leakedSecrets(page)).toEqual([PASSWORD_1]);
    await page.getByRole('button', { name: 'Hide config.auth.password' }).click();
    expect(await leakedSecrets(page)).toEqual([]);
    expect(logs.filter((line) => SECRETS.some((s) => line.includes(s)))).toEqual([]);
  });

  test('are masked in the raw JSON and YAML, their copy and their download', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/policies/${SECRET_ID}/versions/2`);
    for (const tab of ['JSON', 'YAML']) {
      await page.getByRole('tab', { name: tab }).click();
      const panel = page.getByRole('tabpanel', { name: tab });
      await expect(panel).toContainText('svc-guardian');
      expect(await leakedSecrets(page), tab).toEqual([]);

      await panel.getByRole('button', { name: /Copy/ }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('svc-guardian');
      expect(
        SECRETS.filter((s) => copied.includes(s)),
        `${tab} copy`,
      ).toEqual([]);

      const download = page.waitForEvent('download');
      await panel.getByRole('button', { name: /Download/ }).click();
      const file = await readFile(await (await download).path(), 'utf8');
      expect(file).toContain('svc-guardian');
      expect(
        SECRETS.filter((s) => file.includes(s)),
        `${tab} download`,
      ).toEqual([]);
    }
  });

  test('are masked in every diff view, which still says that a secret changed', async ({ page }) => {
    for (const view of ['', '?view=split', '?view=unified']) {
      await page.goto(`/policies/${SECRET_ID}/diff/1...2${view}`);
      await expect(page.getByRole('heading', { level: 1, name: 'What changed from v1 to v2' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(/password/);
      expect(await leakedSecrets(page), `diff ${view || 'structural'}`).toEqual([]);
    }
  });

  test('stay out of the editor’s page text and out of its draft', async ({ page }) => {
    const logs = recordConsole(page);
    await page.goto(`/policies/${SECRET_ID}/edit`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Edited with secrets around');
    await expect(page.getByText(/^Draft kept in this browser/)).toBeVisible();
    expect.soft(await leakedSecrets(page)).toEqual([]);
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).toContain('Edited with secrets around');
    const draftOnly = stored.replace(/"policy-console\.mock\.state":"(?:[^"\\]|\\.)*"/, '');
    expect
      .soft(
        SECRETS.filter((s) => draftOnly.includes(s)),
        'the draft and settings in storage',
      )
      .toEqual([]);
    expect(logs.filter((line) => SECRETS.some((s) => line.includes(s)))).toEqual([]);
  });
});

test.describe('the API token', () => {
  const TOKEN = 'tok-SECRET-Zq9w4';

  test('lives in memory: never in a URL, localStorage, a request URL or a log; gone after a reload', async ({
    page,
  }) => {
    await seedMock(page, { config: FAST_MOCK });
    const logs = recordConsole(page);
    const urls: string[] = [];
    const sentWithToken: string[] = [];
    page.on('request', (request) => {
      urls.push(request.url());
      if (request.headers().authorization === `Bearer ${TOKEN}`) sentWithToken.push(new URL(request.url()).pathname);
    });
    page.on('framenavigated', (frame) => urls.push(frame.url()));

    await page.goto('/settings');
    await page.getByRole('textbox', { name: 'API token' }).fill(TOKEN);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tests' }).click();
    await page.getByRole('link', { name: 'New test' }).first().click();
    await page.getByRole('combobox', { name: 'Policy' }).selectOption('bigquery_approval');
    await page.getByRole('button', { name: 'Start test' }).click();
    await expect(page).toHaveURL(/\/tests\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('status').filter({ hasText: /^Test complete/ })).toBeVisible();

    expect(sentWithToken.length, 'the token was used').toBeGreaterThan(0);
    expect(urls.filter((url) => url.includes(TOKEN))).toEqual([]);
    const storage = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
    );
    expect(storage).not.toContain(TOKEN);
    expect(logs.filter((line) => line.includes(TOKEN))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(TOKEN);

    await page.reload();
    await page.goto('/settings');
    await expect(page.getByRole('textbox', { name: 'API token' })).not.toHaveValue(TOKEN);
  });

  test('goes to session storage only when the admin asks to remember it', async ({ page }) => {
    await page.goto('/settings');
    await page.getByRole('textbox', { name: 'API token' }).fill(TOKEN);
    await page.getByRole('checkbox', { name: /Remember credentials/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(stored.session).toContain(TOKEN);
    expect(stored.local).not.toContain(TOKEN);
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'API token' })).toHaveValue(TOKEN);
  });
});
