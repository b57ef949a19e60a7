import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { FAST_MOCK, openDemo, setFaults, startTestViaApi, type FaultRule } from './mock-control';
import { seedMock } from './seed-mock';

/**
 * How each row of the fault matrix is exercised in the demo: bring the view to the call, let the
 * faulted call happen, say where its message belongs, retry, and recognise success. One page runs
 * every fault of a row in turn (one browser context and service worker for seven cells), so each
 * `run` starts from a fresh navigation and leaves nothing the next one depends on.
 */

/** Recovery on a busy machine can take a while (a reload, a refetch, a route chunk). */
const expect = baseExpect.configure({ timeout: 15_000 });

/** What a cell run knows: which fault, and what the row's `open` prepared. */
export interface CellContext {
  cell: string;
  testId: string;
}

export interface Scenario {
  /** Once per row: the demo is loaded, the mock configured, and anything the row needs exists. */
  open?(page: Page, ctx: CellContext): Promise<void>;
  /** Puts the fault in place and makes the faulted call, from a fresh navigation. */
  run(page: Page, fault: FaultRule, ctx: CellContext): Promise<void>;
  /** Where the message about this call belongs. */
  area(page: Page): Locator;
  /** Whether the message may be a polite status (a poll that keeps trying) rather than an alert. */
  statusIsEnough?: boolean;
  /** What the user does to try again once the fault has passed (nothing: it recovers by itself). */
  retry(page: Page): Promise<void>;
  recovered(page: Page, ctx: CellContext): Promise<void>;
  /** For writes: what the user typed is still there. */
  kept?(page: Page, ctx: CellContext): Promise<void>;
}

const EDITED_ID = 'my_policy';
const EDITED_TITLE = 'Title typed before the fault';
/** Every cell creates its own policy: the previous cell's save already took the last id. */
const newId = (ctx: CellContext) => `matrix_new_${ctx.cell.replace(/\W+/g, '_')}`;

async function clickTryAgain(area: Locator): Promise<void> {
  await area.getByRole('button', { name: 'Try again' }).click();
}

/** A draft an earlier cell left behind is of no interest here. */
async function discardOldDraft(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Check with server' })).toBeVisible();
  const draft = page.getByRole('region', { name: 'Unsaved draft' });
  if (await draft.isVisible()) await draft.getByRole('button', { name: 'Discard them' }).click();
}

async function fillNewPolicy(page: Page, ctx: CellContext): Promise<void> {
  await page.goto('/policies/new');
  await discardOldDraft(page);
  await page.getByRole('textbox', { name: 'Id' }).fill(newId(ctx));
  await page.getByRole('textbox', { name: 'Name' }).fill('owner_approval');
  await page.getByRole('textbox', { name: 'Approver 1' }).fill('owner@example.com');
}

async function editExisting(page: Page): Promise<void> {
  await page.goto(`/policies/${EDITED_ID}/edit`);
  await discardOldDraft(page);
  await page.getByRole('textbox', { name: 'Title' }).fill(EDITED_TITLE);
}

async function keptNewPolicy(page: Page, ctx: CellContext): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Id' })).toHaveValue(newId(ctx));
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('owner_approval');
  await expect(page.getByRole('textbox', { name: 'Approver 1' })).toHaveValue('owner@example.com');
}

async function keptEdit(page: Page): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(EDITED_TITLE);
}

const dialog = (page: Page) => page.getByRole('dialog');
/** The review's save button; a policy the save check has doubts about says "Save anyway". */
const saveVersionButton = (page: Page) => dialog(page).getByRole('button', { name: /^(Save as version|Save anyway)/ });
/** The editor page around the form: the dry run's answer shows above the form. */
const main = (page: Page) => page.getByRole('main');
const accepted = async (page: Page) => {
  await expect(page.getByText('Guardian accepts this policy.', { exact: true })).toBeVisible();
};

async function openMock(page: Page): Promise<void> {
  await seedMock(page, { config: FAST_MOCK });
  await openDemo(page, '/settings');
}

/** A finished test, started before any fault, so that its status and users can be faulted. */
async function openWithTest(page: Page, ctx: CellContext): Promise<void> {
  await openMock(page);
  ctx.testId = await startTestViaApi(page, ['bigquery_approval:1']);
}

export const SCENARIOS: Record<string, Scenario> = {
  list: {
    open: openMock,
    async run(page, fault) {
      await setFaults(page, [fault]);
      await page.goto('/policies');
    },
    area: main,
    retry: (page) => clickTryAgain(main(page)),
    async recovered(page) {
      await expect(page.getByRole('table', { name: 'Policies' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^\d+ policies$/ })).toBeVisible();
    },
  },
  get: {
    open: openMock,
    async run(page, fault) {
      await setFaults(page, [fault]);
      await page.goto('/policies/bigquery_approval/versions/1');
    },
    area: main,
    retry: (page) => clickTryAgain(main(page)),
    async recovered(page) {
      await expect(page.getByRole('heading', { level: 1, name: /^bigquery_approval v1/ })).toBeVisible();
    },
  },
  create: {
    open: openMock,
    async run(page, fault, ctx) {
      await fillNewPolicy(page, ctx);
      await page.getByRole('button', { name: 'Review and create' }).click();
      await expect(dialog(page)).toBeVisible();
      await setFaults(page, [fault]);
      await dialog(page).getByRole('button', { name: 'Create policy' }).click();
    },
    area: dialog,
    retry: (page) => dialog(page).getByRole('button', { name: 'Create policy' }).click(),
    async recovered(page, ctx) {
      await expect(page).toHaveURL(new RegExp(`/policies/${newId(ctx)}/versions/1$`));
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${newId(ctx)} v1`) })).toBeVisible();
    },
    kept: keptNewPolicy,
  },
  'create-dry-run': {
    open: openMock,
    async run(page, fault, ctx) {
      await fillNewPolicy(page, ctx);
      await setFaults(page, [fault]);
      await page.getByRole('button', { name: 'Check with server' }).click();
    },
    area: main,
    retry: (page) => clickTryAgain(main(page)),
    recovered: accepted,
    kept: keptNewPolicy,
  },
  update: {
    open: openMock,
    async run(page, fault) {
      await editExisting(page);
      await page.getByRole('button', { name: 'Review and save' }).click();
      await expect(dialog(page)).toBeVisible();
      await setFaults(page, [fault]);
      await saveVersionButton(page).click();
    },
    area: dialog,
    retry: (page) => saveVersionButton(page).click(),
    async recovered(page) {
      await expect(page).toHaveURL(new RegExp(`/policies/${EDITED_ID}/versions/\\d+$`));
      await expect(page.getByText(EDITED_TITLE).first()).toBeVisible();
    },
    kept: keptEdit,
  },
  'update-dry-run': {
    open: openMock,
    async run(page, fault) {
      await editExisting(page);
      await setFaults(page, [fault]);
      await page.getByRole('button', { name: 'Check with server' }).click();
    },
    area: main,
    retry: (page) => clickTryAgain(main(page)),
    recovered: accepted,
    kept: keptEdit,
  },
  'tests-start': {
    open: openMock,
    async run(page, fault) {
      await setFaults(page, [fault]);
      await page.goto('/tests/new?policy=bigquery_approval&version=1');
      // The form shows before the policy list has arrived: start once the version is chosen.
      await expect(page.getByRole('combobox', { name: 'Version' })).toHaveValue('1');
      await page.getByRole('button', { name: 'Start test' }).click();
    },
    area: main,
    retry: (page) => page.getByRole('button', { name: 'Start test' }).click(),
    async recovered(page) {
      await expect(page).toHaveURL(/\/tests\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: /^Test / })).toBeVisible();
    },
    async kept(page) {
      await expect(page.getByRole('combobox', { name: 'Policy' })).toHaveValue('bigquery_approval');
      await expect(page.getByRole('combobox', { name: 'Version' })).toHaveValue('1');
    },
  },
  'tests-status': {
    open: openWithTest,
    async run(page, fault, ctx) {
      await setFaults(page, [fault]);
      await page.goto(`/tests/${ctx.testId}`);
    },
    area: main,
    statusIsEnough: true,
    async retry(page) {
      const tryAgain = main(page).getByRole('button', { name: 'Try again' });
      if (await tryAgain.isVisible()) await tryAgain.click();
    },
    async recovered(page) {
      await expect(page.getByRole('status').filter({ hasText: /^Test complete/ })).toBeVisible();
    },
  },
  'tests-users': {
    open: openWithTest,
    async run(page, fault, ctx) {
      await setFaults(page, [fault]);
      await page.goto(`/tests/${ctx.testId}`);
    },
    area: (page) => page.getByRole('region', { name: 'Users' }),
    retry: (page) => clickTryAgain(page.getByRole('region', { name: 'Users' })),
    async recovered(page) {
      await expect(page.getByRole('table', { name: /^Users, page 1 of/ }).getByRole('row')).not.toHaveCount(0);
    },
  },
};
