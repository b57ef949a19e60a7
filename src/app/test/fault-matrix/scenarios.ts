import { screen, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { renderApp } from '../render-app';

/**
 * How each row of the fault matrix is exercised in the whole app: bring the view to the call, let
 * the faulted call happen, say where its message belongs, retry, and recognise success. Each cell
 * starts from a fresh app (its own query cache, as a page load would).
 */
type App = ReturnType<typeof renderApp>;

export interface CellContext {
  cell: string;
  /** A finished policy test the status and users rows fault. */
  testId: string;
  /** Puts the cell's fault in place, at the moment the scenario makes the faulted call. */
  fault(): void;
}

export interface Scenario {
  /** Where the cell's fresh app opens. */
  path(ctx: CellContext): string;
  /** Makes the faulted call (the fault goes in place at `ctx.fault()`). */
  run(app: App, ctx: CellContext): Promise<void>;
  /** Where the message about this call belongs. */
  area(): HTMLElement;
  /** Whether the message may be a polite status (a poll that keeps trying) rather than an alert. */
  statusIsEnough?: boolean;
  /** What the user does to try again once the fault has passed (nothing: it recovers by itself). */
  retry(app: App): Promise<void>;
  recovered(app: App, ctx: CellContext): Promise<void>;
  /** For writes: what the user typed is still there. */
  kept?(ctx: CellContext): void;
}

/** Recovery can take a retry's backoff, a refetch and a route chunk. */
const LONG = { timeout: 10_000 };
const EDITED_ID = 'my_policy';
/** Every cell types its own title: the same title again would be no change to save. */
const editedTitle = (ctx: CellContext) => `Title typed before the fault (${ctx.cell})`;
/** Every cell creates its own policy: the previous cell's save already took the last id. */
const newId = (ctx: CellContext) => `matrix_new_${ctx.cell.replace(/\W+/g, '_')}`;

const main = () => screen.getByRole('main');
const dialog = () => screen.getByRole('dialog');
const textbox = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });

async function clickTryAgain(app: App, area: HTMLElement) {
  await app.user.click(within(area).getByRole('button', { name: 'Try again' }));
}

async function editorReady() {
  await screen.findByRole(
    'button',
    { name: 'Check with server' },
    {
      ...LONG,
      onTimeout: (error) =>
        new Error(`${error.message.split('\n')[0]} in ${document.querySelector('main')?.innerHTML.slice(0, 3_000)}`),
    },
  );
}

async function fillNewPolicy(app: App, ctx: CellContext) {
  await editorReady();
  await app.user.type(textbox('Id'), newId(ctx));
  await app.user.type(textbox('Name'), 'owner_approval');
  await app.user.type(textbox('Approver 1'), 'owner@example.com');
  keptNewPolicy(ctx);
}

async function editExisting(app: App, ctx: CellContext) {
  await editorReady();
  await app.user.clear(textbox('Title'));
  await app.user.type(textbox('Title'), editedTitle(ctx));
}

function keptNewPolicy(ctx: CellContext) {
  expect(textbox('Id')).toHaveValue(newId(ctx));
  expect(textbox('Name')).toHaveValue('owner_approval');
  expect(textbox('Approver 1')).toHaveValue('owner@example.com');
}

function keptEdit(ctx: CellContext) {
  expect(textbox('Title')).toHaveValue(editedTitle(ctx));
}

/** The save button of the review dialog; a policy the save check has doubts about says "Save anyway". */
const saveVersionButton = () => within(dialog()).getByRole('button', { name: /^(Save as version|Save anyway)/ });

async function accepted() {
  expect(await screen.findByText('Guardian accepts this policy.', {}, LONG)).toBeInTheDocument();
}

export const SCENARIOS: Record<string, Scenario> = {
  list: {
    path: () => '/settings',
    async run(app, ctx) {
      ctx.fault();
      app.router.navigate('/policies');
    },
    area: main,
    retry: (app) => clickTryAgain(app, main()),
    async recovered() {
      expect(await screen.findByRole('table', { name: 'Policies' }, LONG)).toBeInTheDocument();
    },
  },
  get: {
    path: () => '/settings',
    async run(app, ctx) {
      ctx.fault();
      app.router.navigate('/policies/bigquery_approval/versions/1');
    },
    area: main,
    retry: (app) => clickTryAgain(app, main()),
    async recovered() {
      expect(await screen.findByRole('heading', { level: 1, name: /^bigquery_approval v1/ }, LONG)).toBeVisible();
    },
  },
  create: {
    path: () => '/policies/new',
    async run(app, ctx) {
      await fillNewPolicy(app, ctx);
      await app.user.click(screen.getByRole('button', { name: 'Review and create' }));
      const create = await within(await screen.findByRole('dialog', {}, LONG)).findByRole(
        'button',
        { name: 'Create policy' },
        LONG,
      );
      ctx.fault();
      await app.user.click(create);
    },
    area: dialog,
    retry: async (app) => app.user.click(within(dialog()).getByRole('button', { name: 'Create policy' })),
    async recovered(app, ctx) {
      expect(
        await screen.findByRole('heading', { level: 1, name: new RegExp(`^${newId(ctx)} v1`) }, LONG),
      ).toBeVisible();
      expect(app.router.state.location.pathname).toBe(`/policies/${newId(ctx)}/versions/1`);
    },
    kept: keptNewPolicy,
  },
  'create-dry-run': {
    path: () => '/policies/new',
    async run(app, ctx) {
      await fillNewPolicy(app, ctx);
      ctx.fault();
      await app.user.click(screen.getByRole('button', { name: 'Check with server' }));
    },
    area: main,
    retry: (app) => clickTryAgain(app, main()),
    recovered: accepted,
    kept: keptNewPolicy,
  },
  update: {
    path: () => `/policies/${EDITED_ID}/edit`,
    async run(app, ctx) {
      await editExisting(app, ctx);
      await app.user.click(screen.getByRole('button', { name: 'Review and save' }));
      await screen.findByRole('dialog', {}, LONG);
      const save = await within(dialog()).findByRole('button', { name: /^(Save as version|Save anyway)/ }, LONG);
      ctx.fault();
      await app.user.click(save);
    },
    area: dialog,
    retry: async (app) => app.user.click(saveVersionButton()),
    async recovered(app, ctx) {
      expect((await screen.findAllByText(editedTitle(ctx), {}, LONG))[0]).toBeVisible();
      expect(app.router.state.location.pathname).toMatch(new RegExp(`^/policies/${EDITED_ID}/versions/\\d+$`));
    },
    kept: keptEdit,
  },
  'update-dry-run': {
    path: () => `/policies/${EDITED_ID}/edit`,
    async run(app, ctx) {
      await editExisting(app, ctx);
      ctx.fault();
      await app.user.click(screen.getByRole('button', { name: 'Check with server' }));
    },
    area: main,
    retry: (app) => clickTryAgain(app, main()),
    recovered: accepted,
    kept: keptEdit,
  },
  'tests-start': {
    path: () => '/tests/new?policy=bigquery_approval&version=1',
    async run(app, ctx) {
      // The form shows before the policy list has arrived: start once the version is chosen.
      const version = await screen.findByRole('combobox', { name: 'Version' }, LONG);
      await expect.poll(() => (version as HTMLSelectElement).value, LONG).toBe('1');
      ctx.fault();
      await app.user.click(screen.getByRole('button', { name: 'Start test' }));
    },
    area: main,
    retry: (app) => app.user.click(screen.getByRole('button', { name: 'Start test' })),
    async recovered(app) {
      expect(await screen.findByRole('heading', { level: 1, name: /^Test / }, LONG)).toBeVisible();
      expect(app.router.state.location.pathname).toMatch(/^\/tests\/[0-9a-f-]{36}$/);
    },
    kept() {
      expect(screen.getByRole('combobox', { name: 'Policy' })).toHaveValue('bigquery_approval');
      expect(screen.getByRole('combobox', { name: 'Version' })).toHaveValue('1');
    },
  },
  'tests-status': {
    path: () => '/settings',
    async run(app, ctx) {
      ctx.fault();
      app.router.navigate(`/tests/${ctx.testId}`);
    },
    area: main,
    statusIsEnough: true,
    async retry(app) {
      const tryAgain = within(main()).queryByRole('button', { name: 'Try again' });
      if (tryAgain) await app.user.click(tryAgain);
    },
    async recovered() {
      const complete = () =>
        screen.getAllByRole('status').filter((element) => /^Test complete/.test(element.textContent ?? ''));
      await expect.poll(() => complete().length, LONG).toBeGreaterThan(0);
    },
  },
  'tests-users': {
    path: () => '/settings',
    async run(app, ctx) {
      ctx.fault();
      app.router.navigate(`/tests/${ctx.testId}`);
    },
    area: () => screen.getByRole('region', { name: 'Users' }),
    retry: (app) => clickTryAgain(app, screen.getByRole('region', { name: 'Users' })),
    async recovered() {
      const table = await screen.findByRole('table', { name: /^Users, page 1 of/ }, LONG);
      expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    },
  },
};
