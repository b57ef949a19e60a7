import { BUDGETS } from './lib/budgets';
import { testViewShowsEnd } from './lib/finished';
import { repeat, type Measurement } from './lib/measurement';
import { benchMock, EXAMPLE_POLICY_REF, MILLION, gotoApp, withAppPage } from './lib/scenarios';

const USERS_PER_SECOND = 250_000;

export const heap: Measurement = {
  id: 'heap',
  title: 'Memory (JS heap after a 1,000,000-user test ran to completion, users table open)',
  metrics: [
    {
      id: 'heap.used',
      label: 'JS heap after GC, finished 1,000,000-user test',
      unit: 'MB',
      budget: BUDGETS.heapMb,
      digits: 1,
    },
  ],
  async measure(ctx) {
    const { servers, mock } = await benchMock(ctx);
    const runs = await repeat(ctx.slowRuns, async (i) => {
      await mock.configure({ userCount: MILLION, usersPerSecond: USERS_PER_SECOND });
      const id = await mock.startTest([EXAMPLE_POLICY_REF]);
      return withAppPage(ctx, async (page, context) => {
        ctx.log(`heap run ${i + 1}: watching test ${id} to the end…`);
        await gotoApp(page, `${servers.app}/tests/${encodeURIComponent(id)}`);
        await page.locator('.test-users table').waitFor({ timeout: 30_000 });
        await testViewShowsEnd(page);
        await page.waitForTimeout(2_000);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.enable');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize / 1e6;
      });
    });
    return {
      samples: { 'heap.used': { runs: runs.map((mb) => Math.round(mb * 10) / 10) } },
      details: [
        'The production build against the mock HTTP server (so the mock’s own memory is not in the page). Each run opens',
        '`/tests/<id>` as a 1,000,000-user test starts (250,000 users/s), keeps it open until the view announces the end,',
        'waits 2 s, forces a GC (CDP `HeapProfiler.collectGarbage`) and reads `Runtime.getHeapUsage().usedSize`.',
      ].join('\n'),
    };
  },
};
