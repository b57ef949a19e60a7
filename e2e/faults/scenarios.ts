import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { FAST_MOCK, setFaults, startTestViaApi, type FaultRule } from './mock-control';
import { seedMock } from './seed-mock';

/**
 * How each row of the fault matrix is exercised in the demo: bring the view to the call, let the
 * faulted call happen, say where its message belongs, retry, and recognise success.
 */
/** Recovery on a busy machine can take a while (a reload, a refetch, a route chunk). */
const expect = baseExpect.configure({ timeout: 15_000 });

export interface Scenario {
  /** Opens the view and makes the faulted call; the fault is in place when this returns. */
  run(page: Page, fault: FaultRule): Promise<void>;
  /** Where the message about this call belongs. */
  area(page: Page): Locator;
  /** Whether the message may be a polite status (a poll that keeps trying) rather than an alert. */
  statusIsEnough?: boolean;
  /** What the user does to try again once the fault has passed (nothing: it recovers by itself). */
  retry(page: Page): Promise<void>;
  recovered(page: Page): Promise<void>;
  /** For writes: what the user typed is still there. */
  kept?(page: Page): Promise<void>;
}

const NEW_ID = 'matrix_new_policy';
const EDITED_ID = 'my_policy';
const EDITED_TITLE = 'Title typed before the fault';

async function clickTryAgain(area: Locator): Promise<void> {
  await area.getByRole('button', { name: 'Try again' }).click();
}

async function fillNewPolicy(page: Page): Promise<void> {
  await seedMock(page, { config: FAST_MOCK });
  await page.goto('/policies/new');
  await page.getByRole('textbox', { name: 'Id' }).fill(NEW_ID);
  await page.getByRole('textbox', { name: 'Name' }).fill('owner_approval');
  await page.getByRole('textbox', { name: 'Approver 1' }).fill('owner@example.com');
}

async function editExisting(page: Page): Promise<void> {
  await seedMock(page, { config: FAST_MOCK });
  await page.goto(`/policies/${EDITED_ID}/edit`);
  await page.getByRole('textbox', { name: 'Title' }).fill(EDITED_TITLE);
}

async function keptNewPolicy(page: Page): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Id' })).toHaveValue(NEW_ID);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('owner_approval');
  await expect(page.getByRole('textbox', { name: 'Approver 1' })).toHaveValue('owner@example.com');
}

async function keptEdit(page: Page): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(EDITED_TITLE);
}

const dialog = (page: Page) => page.getByRole('dialog');
/** The editor page around the form: the dry run's answer shows above the form. */
const checkArea = (page: Page) => page.getByRole('main');
const accepted = async (page: Page) => {
  await expect(page.getByText('Guardian accepts this policy.', { exact: true })).toBeVisible();
};

/** Starts a test (before any fault) so that its status and users can be faulted. */
async function openFinishedTest(page: Page, fault: FaultRule): Promise<void> {
  await seedMock(page, { config: FAST_MOCK });
  await page.goto('/tests');
  await page.waitForFunction(() => Boolean((window as { __policyConsoleMock?: unknown }).__policyConsoleMock));
  const id = await startTestViaApi(page, ['bigquery_approval:1']);
  await setFaults(page, [fault]);
  await page.goto(`/tests/${id}`);
}

export const SCENARIOS: Record<string, Scenario> = {
  list: {
    async run(page, fault) {
      await seedMock(page, { config: FAST_MOCK, faults: [fault] });
      await page.goto('/policies');
    },
    area: (page) => page.getByRole('main'),
    retry: (page) => clickTryAgain(page.getByRole('main')),
    async recovered(page) {
      await expect(page.getByRole('table', { name: 'Policies' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^\d+ policies$/ })).toBeVisible();
    },
  },
  get: {
    async run(page, fault) {
      await seedMock(page, { config: FAST_MOCK, faults: [fault] });
      await page.goto('/policies/bigquery_approval/versions/1');
    },
    area: (page) => page.getByRole('main'),
    retry: (page) => clickTryAgain(page.getByRole('main')),
    async recovered(page) {
      await expect(page.getByRole('heading', { level: 1, name: 'bigquery_approval v1' })).toBeVisible();
    },
  },
  create: {
    async run(page, fault) {
      await fillNewPolicy(page);
      await page.getByRole('button', { name: 'Review and create' }).click();
      await expect(dialog(page)).toBeVisible();
      await setFaults(page, [fault]);
      await dialog(page).getByRole('button', { name: 'Create policy' }).click();
    },
    area: dialog,
    retry: (page) => dialog(page).getByRole('button', { name: 'Create policy' }).click(),
    async recovered(page) {
      await expect(page).toHaveURL(new RegExp(`/policies/${NEW_ID}/versions/1$`));
      await expect(page.getByRole('heading', { level: 1, name: `${NEW_ID} v1` })).toBeVisible();
    },
    kept: keptNewPolicy,
  },
  'create-dry-run': {
    async run(page, fault) {
      await fillNewPolicy(page);
      await setFaults(page, [fault]);
      await page.getByRole('button', { name: 'Check with server' }).click();
    },
    area: checkArea,
    retry: (page) => clickTryAgain(checkArea(page)),
    recovered: accepted,
    kept: keptNewPolicy,
  },
  update: {
    async run(page, fault) {
      await editExisting(page);
      await page.getByRole('button', { name: 'Review and save' }).click();
      await expect(dialog(page)).toBeVisible();
      await setFaults(page, [fault]);
      await dialog(page).getByRole('button', { name: /^Save as version/ }).click();
    },
    area: dialog,
    retry: (page) => dialog(page).getByRole('button', { name: /^Save as version/ }).click(),
    async recovered(page) {
      await expect(page).toHaveURL(new RegExp(`/policies/${EDITED_ID}/versions/\\d+$`));
      await expect(page.getByText(EDITED_TITLE).first()).toBeVisible();
    },
    kept: keptEdit,
  },
  'update-dry-run': {
    async run(page, fault) {
      await editExisting(page);
      await setFaults(page, [fault]);
      await page.getByRole('button', { name: 'Check with server' }).click();
    },
    area: checkArea,
    retry: (page) => clickTryAgain(checkArea(page)),
    recovered: accepted,
    kept: keptEdit,
  },
  'tests-start': {
    async run(page, fault) {
      await seedMock(page, { config: FAST_MOCK, faults: [fault] });
      await page.goto('/tests/new?policy=bigquery_approval&version=1');
      await page.getByRole('button', { name: 'Start test' }).click();
    },
    area: (page) => page.getByRole('main'),
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
    run: openFinishedTest,
    area: (page) => page.getByRole('main'),
    statusIsEnough: true,
    async retry(page) {
      const tryAgain = page.getByRole('main').getByRole('button', { name: 'Try again' });
      if (await tryAgain.isVisible()) await tryAgain.click();
    },
    async recovered(page) {
      await expect(page.getByRole('status').filter({ hasText: /^Test complete/ })).toBeVisible();
    },
  },
  'tests-users': {
    run: openFinishedTest,
    area: (page) => page.getByRole('region', { name: 'Users' }),
    retry: (page) => clickTryAgain(page.getByRole('region', { name: 'Users' })),
    async recovered(page) {
      await expect(page.getByRole('table', { name: /^Users, page 1 of/ }).getByRole('row')).not.toHaveCount(0);
    },
  },
};
