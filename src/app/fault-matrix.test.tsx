import { writeFileSync } from 'node:fs';
import { act, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeMock } from '@mocks/node';
import { FAULTS_DOC, renderFaultsDoc } from './test/fault-matrix/faults-doc';
import {
  cellKey,
  FAULT_COLUMNS,
  RETRY_AFTER_SECONDS,
  ROUTE_ROWS,
  type FaultColumn,
} from './test/fault-matrix/matrix-cells';
import { SCENARIOS, type CellContext, type Scenario } from './test/fault-matrix/scenarios';
import { renderApp, startTestOnMock } from './test/render-app';

/**
 * The fault matrix: every API route the console calls × every way a server or network fails, in
 * the whole console. In each cell the user must see a clear message where the call was made (not
 * a blank page, not a crash, not a stack trace), keep what they typed, and succeed with one retry
 * once the fault has passed. Timers are fake, so retries, backoff and the 15 s client timeout pass
 * in moments. A full run writes docs/FAULTS.md.
 */

vi.setConfig({ testTimeout: 30_000 });

const STACK_TRACE =
  /\n\s+at \S+ \(|\b(TypeError|ReferenceError|SyntaxError|ZodError)\b|undefined is not|Cannot read properties/;

const { state, server } = createNodeMock({ config: { latencyMs: 0, userCount: 1_000, usersPerSecond: 1_000_000 } });
let testId = '';
/**
 * Requests of the current cell the mock is answering now: fake time only jumps while none is (or
 * while one hangs on purpose). A request the app aborts never ends for msw, so each cell starts
 * from an empty set.
 */
const inFlight = new Set<string>();
server.events.on('request:start', ({ requestId }) => void inFlight.add(requestId));
server.events.on('request:end', ({ requestId }) => void inFlight.delete(requestId));
const realSetTimeout = globalThis.setTimeout;
/** Real time, for what fake timers cannot hurry: a route's module loading, the mock answering. */
const realPause = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));
const outcomes = new Map<string, boolean>();

beforeAll(async () => {
  // The whole console runs against a mock over the network, as in a browser: its answers, retries
  // and polls update the views whenever they land, not inside act(). React is told so (as Testing
  // Library tells it while it waits), or it warns of every such update; act() below still flushes
  // what the fake clock sets off.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  server.listen({ onUnhandledRequest: 'error' });
  await warmUp();
  // A finished test, started before any fault, so that its status and users can be faulted.
  testId = await startTestOnMock(['bigquery_approval:1']);
}, 120_000);

/**
 * Every view a row opens, once, on the real clock, and a new policy taken as far as its review:
 * the first cell of a row would otherwise spend its time on loading modules (the views, the
 * editor's dialogs, schema resolver and risk check).
 */
async function warmUp() {
  const slow = { timeout: 60_000 };
  for (const path of ['/policies/my_policy/edit', '/tests/new', '/settings', '/policies/new']) {
    const warm = renderApp(path);
    await screen.findByRole('heading', { level: 1 }, slow);
    if (path !== '/policies/new') {
      warm.unmount();
      continue;
    }
    await screen.findByRole('button', { name: 'Check with server' }, slow);
    await warm.user.type(screen.getByRole('textbox', { name: 'Id' }), 'warm_up');
    await warm.user.type(screen.getByRole('textbox', { name: 'Name' }), 'owner_approval');
    await warm.user.type(screen.getByRole('textbox', { name: 'Approver 1' }), 'owner@example.com');
    await warm.user.click(screen.getByRole('button', { name: 'Review and create' }));
    await screen.findByRole('dialog', {}, slow);
    warm.unmount();
    warm.queryClient.clear();
  }
  localStorage.clear();
}

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
  // Nothing of a cell may reach into the next one: its retries and polls stop with its app.
  app?.unmount();
  await app?.queryClient.cancelQueries();
  app?.queryClient.clear();
  app = undefined;
  state.faults.clear();
  vi.useRealTimers();
});

afterAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  server.close();
  // Only a run of every cell speaks for the whole matrix.
  if (outcomes.size === ROUTE_ROWS.length * FAULT_COLUMNS.length) writeFileSync(FAULTS_DOC, renderFaultsDoc(outcomes));
});

/** The messages about the fault, as the user sees them: alerts, or (for a poll that keeps trying) statuses. */
function messagesIn(scenario: Scenario, column: FaultColumn): HTMLElement[] {
  let area: HTMLElement;
  try {
    area = scenario.area();
  } catch {
    return [];
  }
  const roles = [
    ...within(area).queryAllByRole('alert'),
    ...(scenario.statusIsEnough ? within(area).queryAllByRole('status') : []),
  ];
  return roles.filter((element) => column.words.test(element.textContent ?? ''));
}

/** Lets the fake clock run past retries, backoff and timeouts until the message shows. */
async function waitForMessage(scenario: Scenario, column: FaultColumn): Promise<HTMLElement> {
  for (let step = 0; step < 400; step++) {
    const [message] = messagesIn(scenario, column);
    if (message) return message;
    await act(() => realPause(10));
    if (step % 3 === 2 && (inFlight.size === 0 || column.id === 'timeout')) {
      await act(() => vi.advanceTimersByTimeAsync(5_000));
    }
  }
  throw new Error(
    `no message matching ${column.words} (in flight: ${inFlight.size}) in ${document.querySelector('main')?.outerHTML.slice(0, 2_000)}`,
  );
}

function expectNoCrash() {
  expect(screen.queryByRole('heading', { name: 'This view failed' })).toBeNull();
  expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
  expect(document.body.textContent).not.toMatch(STACK_TRACE);
}

async function runCell(scenario: Scenario, route: string, column: FaultColumn, cell: string) {
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  inFlight.clear();
  const ctx: CellContext = {
    cell,
    testId,
    fault: () =>
      state.faults.replace({ latencyMs: 0, errorRate: 0, rules: [{ id: 'fault-1', ...column.rule(route) }] }),
  };
  app = renderApp(scenario.path(ctx), { advanceTimers: vi.advanceTimersByTime });
  await scenario.run(app, ctx);

  const message = await waitForMessage(scenario, column);
  expectNoCrash();
  if (column.id === '429' && message.getAttribute('role') === 'alert') {
    // Where the console gives up and says so, it passes on how long the server asked to wait.
    expect(message).toHaveTextContent(`wait ${RETRY_AFTER_SECONDS} s`);
  }
  scenario.kept?.(ctx);

  state.faults.clear();
  await scenario.retry(app);
  await act(() => vi.advanceTimersByTimeAsync(2_000));
  await scenario.recovered(app, ctx);
  expect(messagesIn(scenario, column)).toEqual([]);
}

for (const row of ROUTE_ROWS) {
  const scenario = SCENARIOS[row.id]!;
  describe(`fault matrix: ${row.label}`, () => {
    for (const column of FAULT_COLUMNS) {
      const cell = cellKey(row.id, column.id);
      it(`${row.id} × ${column.label}`, async () => {
        outcomes.set(cell, false);
        await runCell(scenario, row.route, column, cell);
        outcomes.set(cell, true);
      });
    }
  });
}
