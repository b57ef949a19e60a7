import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  cellKey,
  FAULT_COLUMNS,
  RETRY_AFTER_SECONDS,
  ROUTE_ROWS,
  type FaultColumn,
} from '../src/app/test/fault-matrix/matrix-cells';
import { clearFaults } from './faults/mock-control';
import { SCENARIOS, type CellContext } from './faults/scenarios';

/**
 * The fault matrix in real Chromium, through the demo's service worker: one cell for each kind of
 * place a message belongs (a view, a save dialog, the server check, the status poll, the users
 * table), each with a different fault. Every cell of the matrix runs in the whole app in
 * src/app/fault-matrix.test.tsx, which writes docs/FAULTS.md. The user must see a clear message
 * where the call was made (not a crash, not a stack trace), keep what they typed, and succeed with
 * one retry once the fault has passed. The clock is faked so that retries and backoff pass at once.
 */

const CELLS: [row: string, column: string][] = [
  ['list', '503'],
  ['update', '500'],
  ['create-dry-run', 'malformed'],
  ['tests-status', 'offline'],
  ['tests-users', '429'],
];

const STACK_TRACE =
  /\n\s+at \S+ \(|\b(TypeError|ReferenceError|SyntaxError|ZodError)\b|undefined is not|Cannot read properties/;

/** The message about the fault, as the user sees it: an alert, or (for a poll that keeps trying) a status. */
function messageIn(area: Locator, column: FaultColumn, statusIsEnough: boolean): Locator {
  const roles = statusIsEnough ? area.getByRole('alert').or(area.getByRole('status')) : area.getByRole('alert');
  return roles.filter({ hasText: column.words });
}

/** Moves the fake clock past retries and backoff until the message shows. */
async function waitForMessage(page: Page, message: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await message.first().isVisible()) return true;
        await page.clock.fastForward(5_000);
        return false;
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBe(true);
}

for (const [rowId, columnId] of CELLS) {
  const row = ROUTE_ROWS.find((r) => r.id === rowId)!;
  const column = FAULT_COLUMNS.find((c) => c.id === columnId)!;
  const scenario = SCENARIOS[row.id]!;

  test(`fault matrix in the browser: ${row.id} × ${column.label}`, async ({ page }) => {
    const pageErrors: string[] = [];
    // Every uncaught error counts, the mock's own included.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.clock.install();
    const ctx: CellContext = { cell: cellKey(row.id, column.id), testId: '' };
    await scenario.open?.(page, ctx);

    await scenario.run(page, column.rule(row.route), ctx);
    const message = messageIn(scenario.area(page), column, scenario.statusIsEnough ?? false);
    await waitForMessage(page, message);
    await expect(page.getByRole('heading', { name: 'This view failed' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.locator('body').innerText()).not.toMatch(STACK_TRACE);
    if (column.id === '429' && (await message.first().getAttribute('role')) === 'alert') {
      await expect(message.first()).toContainText(`wait ${RETRY_AFTER_SECONDS} s`);
    }
    if (scenario.kept) await scenario.kept(page, ctx);

    await clearFaults(page);
    await scenario.retry(page);
    await page.clock.fastForward(2_000);
    await scenario.recovered(page, ctx);
    await expect(message).toHaveCount(0);
    expect(pageErrors, `uncaught errors in the page: ${pageErrors.join(' | ')}`).toEqual([]);
  });
}
