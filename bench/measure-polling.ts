import type { Page } from '@playwright/test';
import { BUDGETS } from './lib/budgets';
import type { BenchContext, Servers } from './lib/context';
import { testViewShowsEnd } from './lib/finished';
import { part, type Measurement } from './lib/measurement';
import { MockControl } from './lib/mock-control';
import { benchMock, EXAMPLE_POLICY_REF, MILLION, gotoApp, withAppPage } from './lib/scenarios';
import type { Sample } from './lib/types';
import { recordStatusRequests, watchUntilFinished, type WatchResult } from './lib/watch-test';

/** Fast enough to finish in ~7 s, slow enough for several polling intervals. */
const USERS_PER_SECOND = 150_000;
const QUIET_MS = 10_000;

async function watch(
  ctx: BenchContext,
  servers: Servers,
  path: (id: string) => string,
  finished: (page: Page) => Promise<void>,
): Promise<WatchResult> {
  const mock = new MockControl(servers.mock);
  await mock.configure({ userCount: MILLION, usersPerSecond: USERS_PER_SECOND });
  const id = await mock.startTest([EXAMPLE_POLICY_REF]);
  return withAppPage(ctx, async (page) => {
    const times = recordStatusRequests(page, id);
    const startedAt = Date.now();
    await gotoApp(page, `${servers.app}${path(id)}`);
    return await watchUntilFinished(page, times, () => finished(page), QUIET_MS, startedAt);
  });
}

function samples(prefix: string, result: WatchResult): Record<string, Sample> {
  const perTick = result.ticks.map((tick) => tick.length);
  const gaps = result.ticks.slice(1).map((tick, i) => tick[0]! - result.ticks[i]![0]!);
  const medianGap = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 0;
  return {
    [`${prefix}.perInterval`]: {
      runs: perTick,
      aggregate: 'max',
      note: `${result.whileRunning.length} requests in ${result.ticks.length} intervals over ${(result.runningMs / 1000).toFixed(1)} s (interval ≈ ${medianGap} ms)`,
    },
    [`${prefix}.afterEnd`]: {
      runs: [result.afterEnd.length],
      note: `in the ${QUIET_MS / 1000} s after the page showed the end`,
    },
  };
}

export const polling: Measurement = {
  id: 'polling',
  title: 'Polling (status requests of a running 1,000,000-user test)',
  metrics: [
    {
      id: 'polling.readers.perInterval',
      label: 'Status requests per interval, 3 readers',
      unit: 'req',
      budget: BUDGETS.pollRequestsPerInterval,
    },
    {
      id: 'polling.readers.afterEnd',
      label: 'Status requests after completion, 3 readers',
      unit: 'req',
      budget: BUDGETS.pollRequestsAfterCompletion,
    },
    {
      id: 'polling.view.perInterval',
      label: 'Status requests per interval, test view',
      unit: 'req',
      budget: BUDGETS.pollRequestsPerInterval,
    },
    {
      id: 'polling.view.afterEnd',
      label: 'Status requests after completion, test view',
      unit: 'req',
      budget: BUDGETS.pollRequestsAfterCompletion,
    },
  ],
  async measure(ctx) {
    await benchMock(ctx);
    const readers = await part(['polling.readers.perInterval', 'polling.readers.afterEnd'], async () => {
      const servers = await ctx.harnessServers();
      ctx.log('three readers watching a test…');
      const result = await watch(
        ctx,
        servers,
        (id) => `/bench/pages/polling.html?id=${encodeURIComponent(id)}`,
        (page) =>
          page
            .locator('[data-reader="status"]', { hasText: /complete|exceeded time|blocked/ })
            .waitFor({ timeout: 60_000 }),
      );
      return samples('polling.readers', result);
    });
    const view = await part(['polling.view.perInterval', 'polling.view.afterEnd'], async () => {
      const servers = await ctx.appServers();
      ctx.log('the test view watching a test…');
      const result = await watch(
        ctx,
        servers,
        (id) => `/tests/${encodeURIComponent(id)}`,
        (page) => testViewShowsEnd(page),
      );
      return samples('polling.view', result);
    });
    return {
      samples: { ...readers, ...view },
      details: [
        'A 1,000,000-user test at 150,000 users/s (≈7 s). Requests to `GET …/policy-tests/<id>` are taken from the page’s',
        'network log; requests less than 150 ms apart count as one polling interval, and the figure is the worst interval.',
        '“3 readers” is bench/pages/polling.html: three components calling the app’s `usePolicyTest` with the app’s query',
        'client, mounted 0, 350 and 700 ms after start (as parts of a view appear). “Test view” is `/tests/:id` itself.',
        'After the page shows the test as finished, the page is watched for 10 s more.',
      ].join('\n'),
    };
  },
};
