import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  CELL_ANNOTATION,
  cellKey,
  FAULT_COLUMNS,
  RETRY_AFTER_SECONDS,
  ROUTE_ROWS,
  type FaultColumn,
} from './faults/matrix-cells';
import { clearFaults } from './faults/mock-control';
import { SCENARIOS, type CellContext, type Scenario } from './faults/scenarios';

/**
 * The fault matrix: every API route the console calls × every way a server or network fails.
 * In each cell the user must see a clear message where the call was made (not a blank page, not a
 * crash, not a stack trace), keep what they typed, and succeed with one retry once the fault has
 * passed. The clock is faked so that retries, backoff and the 15 s client timeout pass in moments.
 * One test per route runs its seven faults in one page; each cell is recorded on its own and
 * `e2e/faults/faults-reporter.ts` writes the results to e2e/FAULTS.md.
 */

const STACK_TRACE =
  /\n\s+at \S+ \(|\b(TypeError|ReferenceError|SyntaxError|ZodError)\b|undefined is not|Cannot read properties/;

/** The message about the fault, as the user sees it: an alert, or (for a poll that keeps trying) a status. */
function messageIn(area: Locator, column: FaultColumn, statusIsEnough: boolean): Locator {
  const roles = statusIsEnough ? area.getByRole('alert').or(area.getByRole('status')) : area.getByRole('alert');
  return roles.filter({ hasText: column.words });
}

/** Lets the fake clock run past retries, backoff and timeouts until the message shows. */
async function waitForMessage(page: Page, message: Locator): Promise<void> {
  for (let step = 0; step < 30; step++) {
    if (await message.first().isVisible()) return;
    await page.waitForTimeout(step < 3 ? 300 : 100);
    if (step >= 2) await page.clock.fastForward(5_000);
  }
  await expect(message.first()).toBeVisible();
}

async function expectNoCrash(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'This view failed' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(STACK_TRACE);
}

async function runCell(
  page: Page,
  scenario: Scenario,
  route: string,
  column: FaultColumn,
  ctx: CellContext,
  pageErrors: string[],
) {
  pageErrors.length = 0;
  await scenario.run(page, column.rule(route), ctx);
  const message = messageIn(scenario.area(page), column, scenario.statusIsEnough ?? false);
  await waitForMessage(page, message);
  await expectNoCrash(page);
  if (column.id === '429' && (await message.first().getAttribute('role')) === 'alert') {
    // Where the console gives up and says so, it passes on how long the server asked to wait.
    await expect(message.first()).toContainText(`wait ${RETRY_AFTER_SECONDS} s`);
  }
  if (scenario.kept) await scenario.kept(page, ctx);

  await clearFaults(page);
  await scenario.retry(page);
  await page.clock.fastForward(2_000);
  await scenario.recovered(page, ctx);
  await expect(message).toHaveCount(0);
  expect(pageErrors, `uncaught errors in the page: ${pageErrors.join(' | ')}`).toEqual([]);
}

test.describe('fault matrix', () => {
  for (const row of ROUTE_ROWS) {
    const scenario = SCENARIOS[row.id]!;
    test(`${row.id} × ${FAULT_COLUMNS.map((c) => c.id).join(', ')}`, async ({ page }) => {
      // Generous for a loaded machine; a cell takes a few seconds when the machine is quiet.
      test.setTimeout(FAULT_COLUMNS.length * 45_000);
      const pageErrors: string[] = [];
      // Every uncaught error counts, the mock's own included (mocks/browser.ts handles a failed
      // `registration.update()` that msw leaves unawaited).
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.clock.install();
      const ctx: CellContext = { cell: '', testId: '' };
      await scenario.open?.(page, ctx);

      const failed: string[] = [];
      for (const column of FAULT_COLUMNS) {
        ctx.cell = cellKey(row.id, column.id);
        let handled = false;
        try {
          await test.step(`${row.id} × ${column.label}`, () =>
            runCell(page, scenario, row.route, column, ctx, pageErrors));
          handled = true;
        } catch (error) {
          failed.push(`${column.id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          await clearFaults(page).catch(() => undefined);
        }
        test.info().annotations.push({ type: CELL_ANNOTATION, description: `${ctx.cell}=${handled ? 'yes' : 'no'}` });
      }
      expect(failed, `cells of ${row.id} not handled`).toEqual([]);
    });
  }
});
