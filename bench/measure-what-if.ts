import type { Browser, Page } from '@playwright/test';
import { BUDGETS } from './lib/budgets';
import type { BenchContext } from './lib/context';
import { part, repeat, type Measurement } from './lib/measurement';
import { formatBreakdown, preparedClick, traceMainThread, type MainThreadTrace } from './lib/page-timing';
import { explainFailure, trackPage } from './lib/page-report';
import { benchMock, gotoApp, KEEP_NAMES_SHIM, withAppPage } from './lib/scenarios';
import type { Sample } from './lib/types';
import type { MockConfig } from '../mocks/state/config';
import { PackedResults } from '../server/policy-tests-api/packed-results';

const USERS = 100_000;
/** As fast as the mock evaluates: the figure is the console's and the engine's work, not a set rate. */
const USERS_PER_SECOND = 10_000_000;
const POLICY = 'bigquery_approval';
/** The draft: the first step decided by a condition that blocks contractors and people without a company. */
const STRICTER = '$appeal.creator.entity == "Company Name"';
const DONE = /^Of 100,000 users both tests have reported,/;

interface Journey {
  /** "Test this draft" → the delta's summary says every user of both tests is compared. */
  seconds: number;
  /** The main thread from the click on "Open the delta" to that summary, when traced. */
  trace?: MainThreadTrace;
}

/**
 * The journey the e2e spec walks (e2e/what-if.spec.ts), over 100,000 users: tighten the policy's
 * first step in the editor, "Test this draft" (the draft and its saved version start side by side),
 * "Open the delta" as soon as it shows, and wait for the comparison to have every user of both.
 */
async function draftAndDelta(page: Page, app: string, browser?: Browser): Promise<Journey> {
  await gotoApp(page, `${app}/policies/${POLICY}/edit`);
  const testDraft = page.getByRole('button', { name: 'Test this draft' });
  await testDraft.waitFor({ timeout: 30_000 });
  await page.locator('#f-steps-0-strategy').locator('xpath=../..').getByRole('radio', { name: /^Auto/ }).check();
  await page.locator('#f-steps-0-approveIf').fill(STRICTER);
  const start = await preparedClick(page, testDraft);
  const t0 = Date.now();
  await start();
  const open = page.getByRole('region', { name: 'Test of this draft' }).getByRole('link', { name: 'Open the delta' });
  await open.waitFor({ timeout: 60_000 });
  const openDelta = await preparedClick(page, open);
  const fill = async () => {
    await openDelta();
    // A click that did not open the delta says so now, instead of as a missing summary two minutes on.
    await page.waitForURL(/\/tests\/compare\?/, { timeout: 15_000 }).catch((error: unknown) => {
      throw new Error(`“Open the delta” did not open the delta: ${(error as Error).message.split('\n')[0]}`);
    });
    await page.getByText(DONE).waitFor({ timeout: 120_000 });
  };
  const trace = browser ? await traceMainThread(browser, page, fill) : (await fill(), undefined);
  return { seconds: (Date.now() - t0) / 1000, trace };
}

/** The demo build (the mock answers in the page, as `npm run demo` does), 100,000 users. */
async function onDemo(ctx: BenchContext): Promise<Journey[]> {
  const base = await ctx.demoServer();
  const browser = await ctx.browser();
  return repeat(ctx.slowRuns, async (i) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(KEEP_NAMES_SHIM);
    const page = await context.newPage();
    trackPage(page, 'what-if-demo');
    try {
      await gotoApp(page, `${base}/settings`);
      await page.waitForFunction(() => Boolean(window.__policyConsoleMock));
      const config: Partial<MockConfig> = { latencyMs: 0, userCount: USERS, usersPerSecond: USERS_PER_SECOND };
      await page.evaluate((c) => window.__policyConsoleMock!.setConfig(c), config);
      ctx.log(`what-if on the demo, run ${i + 1}…`);
      return await draftAndDelta(page, base);
    } catch (error) {
      throw await explainFailure(page, `what-if-demo-${i + 1}`, error);
    } finally {
      await context.close();
    }
  });
}

/**
 * The production build against the mock HTTP server: the engine runs in another process, so every
 * task on the page's main thread is the console's own (the comparison reading pages, matching users,
 * counting, grouping by step, rendering).
 */
async function onProduction(ctx: BenchContext): Promise<Journey[]> {
  const { servers, mock } = await benchMock(ctx);
  const browser = await ctx.browser();
  return repeat(ctx.slowRuns, async (i) => {
    await mock.configure({ userCount: USERS, usersPerSecond: USERS_PER_SECOND });
    return withAppPage(ctx, async (page) => {
      ctx.log(`what-if on the production build, traced run ${i + 1}…`);
      try {
        return await draftAndDelta(page, servers.app, browser);
      } catch (error) {
        const tests = await mock.describeTests().catch((e: unknown) => `(the mock's state: ${String(e)})`);
        throw await explainFailure(page, `what-if-production-${i + 1}`, error, tests);
      }
    });
  });
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export const whatIf: Measurement = {
  id: 'what-if',
  title: 'What-if (Test this draft + its delta over 100,000 users)',
  timeoutMs: 420_000,
  metrics: [
    {
      id: 'whatIf.demoSeconds',
      label: 'Test this draft → delta complete, 100,000 users, demo',
      unit: 's',
      budget: BUDGETS.whatIfSeconds,
      digits: 1,
    },
    {
      id: 'whatIf.longestTask',
      label: 'Longest main-thread task while the delta fills (production build)',
      unit: 'ms',
      budget: BUDGETS.whatIfLongestTaskMs,
      digits: 1,
    },
    {
      id: 'whatIf.longestTaskCpu',
      label: 'That task’s own CPU time',
      unit: 'ms',
      digits: 1,
    },
    {
      id: 'whatIf.maxTaskCpu',
      label: 'Most CPU time of any one task while the delta fills',
      unit: 'ms',
      digits: 1,
    },
    {
      id: 'whatIf.prodSeconds',
      label: 'Test this draft → delta complete, production build (traced)',
      unit: 's',
      digits: 1,
    },
    {
      id: 'whatIf.bytesPerUser',
      label: 'Engine record per user (outcome, reason, deciding step)',
      unit: 'B',
      budget: BUDGETS.verdictBytesPerUser,
      digits: 2,
    },
  ],
  async measure(ctx) {
    const samples: Record<string, Sample> = {};
    const notes: string[] = [];
    Object.assign(
      samples,
      await part(['whatIf.demoSeconds'], async () => {
        const runs = await onDemo(ctx);
        return { 'whatIf.demoSeconds': { runs: runs.map((r) => round(r.seconds)) } };
      }),
    );
    Object.assign(
      samples,
      await part(
        ['whatIf.longestTask', 'whatIf.longestTaskCpu', 'whatIf.maxTaskCpu', 'whatIf.prodSeconds'],
        async () => {
          const runs = await onProduction(ctx);
          const traces = runs.map((r) => r.trace!);
          notes.push(
            ...traces.map(
              (t, i) =>
                `Run ${i + 1}: ${t.tasks} tasks, ${t.over50} over 50 ms, ${round(t.cpuMs, 0)} ms of main-thread CPU (${formatBreakdown(t.breakdown)}).`,
            ),
          );
          return {
            'whatIf.longestTask': { runs: traces.map((t) => round(t.longestMs)), aggregate: 'max' },
            'whatIf.longestTaskCpu': { runs: traces.map((t) => round(t.longestCpuMs)), aggregate: 'max' },
            'whatIf.maxTaskCpu': { runs: traces.map((t) => round(t.maxTaskCpuMs)), aggregate: 'max' },
            'whatIf.prodSeconds': { runs: runs.map((r) => round(r.seconds)) },
          };
        },
      ),
    );
    // The engine keeps one packed verdict per user (src/lib/appeal/verdict.ts) in this structure,
    // in the mock and the runner alike; its memory at 1,000,000 users is the engine section's.
    const million = new PackedResults(1_000_000);
    samples['whatIf.bytesPerUser'] = {
      runs: [million.bytes.byteLength / 1_000_000],
      note: 'PackedResults at 1,000,000 users; per-block counts add 12 B per 1,024 users',
    };
    return {
      samples,
      details: [
        `The journey of \`e2e/what-if.spec.ts\` over ${USERS.toLocaleString('en')} users: \`${POLICY}\`’s first step made`,
        `\`auto\` with \`approve_if: ${STRICTER}\` in the editor, then “Test this draft” (the draft inline and its saved`,
        'version start side by side), “Open the delta” as soon as it shows, until the comparison says every user of both',
        'is compared. The mock evaluates as fast as it can (no set rate, no latency). On the demo build the mock answers',
        'in the page, so its engine shares the main thread: only the wall clock is read there. On the production build',
        'the mock HTTP server runs the engine in its own process, and a Chromium trace from the click on “Open the delta”',
        'to the end gives every main-thread task of the filling comparison. A users page with the Why column is the',
        '`users-table` section (its 1,000,000-user test carries step, reason and error on every row).',
        '',
        ...notes,
      ].join('\n'),
    };
  },
};
