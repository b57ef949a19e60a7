import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Directory } from '../mocks/directory/directory';
import { DEFAULT_CONFIG } from '../mocks/state/config';
import { createPolicyViaApi, FAST_MOCK, openDemo, putPolicyViaApi, startTestViaApi } from './faults/mock-control';
import { seedMock } from './faults/seed-mock';

/**
 * Text from the APIs is untrusted: policy ids, titles, descriptions, labels, expressions, authors,
 * user names. Whatever it holds (markup, script, a right-to-left override, 10,000 characters
 * without a space) it must show as text, run nothing, add no element, and not push the page wider
 * than the window. CSV exports must not hand a spreadsheet a formula.
 */
const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=2;alert(2)</script>';
const RTL = '\u202Egnp.exe';
const LONG = 'W'.repeat(10_000);
const AUTHOR = '<img src=x onerror=alert(4)>@example.com';
const HOSTILE_ID = 'xss_<svg_onload=alert(5)>_\u202Eevil';
const LONG_ID = `long_${'x'.repeat(9_995)}`;

const hostilePolicy = {
  id: HOSTILE_ID,
  title: `${IMG} ${RTL} title`,
  description: `${SCRIPT} ${LONG}`,
  labels: { '<b>team</b>': IMG, long: LONG },
  steps: [
    {
      name: '<i>check</i>',
      description: SCRIPT,
      strategy: 'auto',
      approve_if: '$appeal.resource.details.owner == "<img src=x onerror=alert(3)>"',
    },
    {
      name: 'S'.repeat(10_000),
      strategy: 'manual',
      approvers: ['$appeal.resource.details.owner'],
      when: `$appeal.creator.department == "${RTL}"`,
    },
  ],
  requirements: [{ on: { role: '<b>role</b>' }, appeals: [{ resource: { id: IMG }, role: '<u>viewer</u>' }] }],
  appeal: { questions: [{ key: 'why', question: IMG, description: LONG }] },
};

const path = (id: string) => `/policies/${encodeURIComponent(id)}`;

/** Fails the test on any dialog (alert, confirm, prompt) the page opens. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** The inline scripts the served page itself carries (its start script, allowed by its hash): not injected. */
async function ownInlineScripts(page: Page): Promise<string[]> {
  const html = await (await page.request.get('/')).text();
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
}

/** Nothing ran, nothing was injected, nothing pushes the page sideways. */
async function expectInertAndContained(page: Page, where: string): Promise<void> {
  const own = await ownInlineScripts(page);
  const report = await page.evaluate((own) => {
    /** How far the page scrolls sideways, measured without the scrollbar room the page keeps (scrollbar-gutter). */
    const sidewaysOverflow = () => {
      const root = document.documentElement;
      root.style.scrollbarGutter = 'auto';
      const overflow = root.scrollWidth - root.clientWidth;
      root.style.scrollbarGutter = '';
      return overflow;
    };
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      handlers: all
        .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
        .map((el) => el.outerHTML.slice(0, 120)),
      injectedImages: [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x').length,
      inlineScripts: [...document.querySelectorAll('script')]
        .filter((s) => !s.src && !own.includes(s.textContent ?? ''))
        .map((s) => (s.textContent ?? '').slice(0, 80)),
      overflow: sidewaysOverflow(),
    };
  }, own);
  expect(report, where).toEqual({ pwned: null, handlers: [], injectedImages: 0, inlineScripts: [], overflow: 0 });
}

test.describe('untrusted text from the APIs renders as text in', () => {
  test.describe.configure({ timeout: 60_000 });
  test.beforeEach(async ({ page }) => {
    await seedMock(page, { config: FAST_MOCK });
    await openDemo(page, '/settings');
    await createPolicyViaApi(page, hostilePolicy, AUTHOR);
    await putPolicyViaApi(
      page,
      HOSTILE_ID,
      { ...hostilePolicy, title: `${SCRIPT} v2 ${RTL}`, labels: { '<b>team</b>': SCRIPT } },
      AUTHOR,
    );
    await createPolicyViaApi(
      page,
      { id: LONG_ID, title: LONG, steps: [{ name: 'only', strategy: 'auto', approve_if: 'true' }] },
      AUTHOR,
    );
  });

  test('the catalog', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto('/policies');
    await expect(page.getByRole('link', { name: HOSTILE_ID, exact: true })).toBeVisible();
    await expect(page.getByText(SCRIPT).filter({ visible: true }).first()).toBeVisible();
    await expectInertAndContained(page, 'catalog');
    expect(dialogs).toEqual([]);
  });

  test('the version view, its raw JSON and YAML', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`${path(HOSTILE_ID)}/versions/1`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSTILE_ID);
    await expect(page.getByText(IMG).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByText(AUTHOR).filter({ visible: true }).first()).toBeVisible();
    await expectInertAndContained(page, 'version overview');
    for (const tab of ['JSON', 'YAML']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toContainText('onerror');
      await expectInertAndContained(page, `version ${tab}`);
    }
    await page.goto(`${path(LONG_ID)}/versions/1`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('long_xxx');
    await expectInertAndContained(page, 'version view of a 10,000-character id');
    expect(dialogs).toEqual([]);
  });

  test('the diff, structural and by lines', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`${path(HOSTILE_ID)}/diff/1...2`);
    await expect(page.getByRole('main')).toContainText('Label <b>team</b>: value changed');
    await expectInertAndContained(page, 'structural diff');
    await page.goto(`${path(HOSTILE_ID)}/diff/1...2?view=unified`);
    await expect(page.getByText(SCRIPT).filter({ visible: true }).first()).toBeVisible();
    await expectInertAndContained(page, 'line diff');
    expect(dialogs).toEqual([]);
  });

  test('the editor', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`${path(HOSTILE_ID)}/edit`);
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(`${SCRIPT} v2 ${RTL}`);
    await expectInertAndContained(page, 'editor');
    expect(dialogs).toEqual([]);
  });
});

test('user names from the directory render as text, and the CSV export defuses formulas', async ({ page }) => {
  test.setTimeout(60_000);
  const users = 2_000;
  const directory = new Directory(DEFAULT_CONFIG.seed, users, true);
  const hostile: number[] = [];
  for (let i = 0; i < users; i++) if (/[<\u202E=]/.test(directory.name(i))) hostile.push(i);
  expect(hostile.length, 'the mock directory has hostile names').toBeGreaterThan(0);

  const dialogs = watchDialogs(page);
  await seedMock(page, { config: { ...FAST_MOCK, userCount: users, hostileNames: true } });
  await openDemo(page, '/tests');
  const id = await startTestViaApi(page, ['bigquery_approval:1']);

  // 25 a page: below the size the users table starts virtualising at, so every row is in the DOM.
  const perPage = 25;
  for (const i of hostile) {
    await page.goto(`/tests/${id}?page=${Math.floor(i / perPage) + 1}&per_page=${perPage}`);
    const table = page.getByRole('table', { name: /^Users, page/ });
    await expect(table.getByRole('cell', { name: directory.name(i), exact: true })).toBeVisible();
    await expectInertAndContained(page, `users page with ${JSON.stringify(directory.name(i))}`);
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export CSV/ }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const rows = csv.split('\r\n');
  expect(rows.length).toBeGreaterThan(users);
  // No cell starts with a character a spreadsheet reads as a formula.
  const formulaCells = rows.flatMap((row) => row.split(',')).filter((cell) => /^"?[=+\-@\t\r]/.test(cell));
  expect(formulaCells).toEqual([]);
  const formulaName = hostile.map((i) => directory.name(i)).find((name) => name.startsWith('='));
  if (formulaName) expect(csv).toContain(`'${formulaName.replaceAll('"', '""')}`);
  expect(dialogs).toEqual([]);
});
