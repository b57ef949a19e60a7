import type { Page } from '@playwright/test';
import { BUDGETS } from './lib/budgets';
import type { BenchContext } from './lib/context';
import { bigPolicy } from './lib/fixtures';
import { part, type Measurement } from './lib/measurement';
import { traceMainThread, type MainThreadTrace } from './lib/page-timing';
import { gotoApp, ownMock, withAppPage } from './lib/scenarios';
import type { Sample } from './lib/types';

/** 20,000 generated policies × 5 versions: a list of 100,000 versions (≈ 137 MB). */
const HUGE_LIST = { policyCount: 20_000, versionsPerPolicy: 5 };
const DESCRIPTION_BYTES = 10_000_000;

/**
 * A view opened under a Chromium trace until `ready` holds and 2 s after: the longest task after it
 * was ready (a view that goes on working once shown), and the longest one overall.
 */
async function tracedView(ctx: BenchContext, url: string, ready: (page: Page) => Promise<void>) {
  const browser = await ctx.browser();
  return withAppPage(ctx, async (page, context) => {
    await context.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const t of list.getEntries()) tasks.push({ start: t.startTime, duration: t.duration });
      }).observe({ type: 'longtask' });
    });
    let shownAt = 0;
    const whole: MainThreadTrace = await traceMainThread(browser, page, async () => {
      await gotoApp(page, url);
      await ready(page);
      shownAt = await page.evaluate(() => performance.now());
      await page.waitForTimeout(2_000);
    });
    const after = await page.evaluate(
      (since) =>
        (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
          .filter((t) => t.start >= since)
          .reduce((max, t) => Math.max(max, t.duration), 0),
      shownAt,
    );
    return { whole, after };
  });
}

export const badInput: Measurement = {
  id: 'bad-input',
  title: 'Bad input at scale (production build + mock HTTP server)',
  timeoutMs: 600_000,
  metrics: [
    {
      id: 'bad.hugeListAfterLoad',
      label: 'Catalog of 100,000 versions: longest task once shown',
      unit: 'ms',
      budget: BUDGETS.badInputTaskMs,
      digits: 0,
    },
    {
      id: 'bad.stepsAfterLoad',
      label: 'Version view of a 2,000-step policy: longest task once shown',
      unit: 'ms',
      budget: BUDGETS.badInputTaskMs,
      digits: 0,
    },
    {
      id: 'bad.descriptionAfterLoad',
      label: 'Version view with a 10 MB description: longest task once shown',
      unit: 'ms',
      budget: BUDGETS.badInputTaskMs,
      digits: 0,
    },
    {
      id: 'bad.hugeListLongest',
      label: 'Catalog of 100,000 versions: longest task, load included',
      unit: 'ms',
      digits: 0,
    },
    { id: 'bad.stepsLongest', label: 'Version view, 2,000 steps: longest task, load included', unit: 'ms', digits: 0 },
  ],
  async measure(ctx) {
    const { servers, mock } = await ownMock(ctx, 'bad-input');
    const samples: Record<string, Sample> = {};
    const notes: string[] = [];

    Object.assign(
      samples,
      await part(['bad.stepsAfterLoad', 'bad.stepsLongest'], async () => {
        const created = await mock.createPolicy({ ...bigPolicy('bench_two_thousand_steps', 2_000) });
        const { whole, after } = await tracedView(ctx, `${servers.app}/policies/${created.id}/versions/1`, (page) =>
          page.getByRole('heading', { name: /bench_two_thousand_steps/ }).waitFor({ timeout: 60_000 }),
        );
        notes.push(`2,000 steps: ${whole.tasks} tasks, ${whole.over50} over 50 ms, CPU ${Math.round(whole.cpuMs)} ms.`);
        return {
          'bad.stepsAfterLoad': { runs: [Math.round(after)] },
          'bad.stepsLongest': { runs: [Math.round(whole.longestMs)] },
        };
      }),
      await part(['bad.descriptionAfterLoad'], async () => {
        const description = 'A very long description. '
          .repeat(Math.ceil(DESCRIPTION_BYTES / 25))
          .slice(0, DESCRIPTION_BYTES);
        const created = await mock.createPolicy({ ...bigPolicy('bench_long_description', 3), description });
        const { after } = await tracedView(ctx, `${servers.app}/policies/${created.id}/versions/1`, (page) =>
          page.getByRole('heading', { name: /bench_long_description/ }).waitFor({ timeout: 60_000 }),
        );
        // The catalog with it: its row keeps 2,000 characters of it.
        const catalog = await tracedView(ctx, `${servers.app}/policies?q=bench_long`, (page) =>
          page.locator('.catalog__count', { hasText: /match/ }).waitFor({ timeout: 60_000 }),
        );
        notes.push(`10 MB description in the catalog: longest task once shown ${Math.round(catalog.after)} ms.`);
        return { 'bad.descriptionAfterLoad': { runs: [Math.round(Math.max(after, catalog.after))] } };
      }),
      await part(['bad.hugeListAfterLoad', 'bad.hugeListLongest'], async () => {
        await mock.configure(HUGE_LIST);
        ctx.log('the mock builds a list of 100,000 versions…');
        await fetch(`${servers.mock}/api/v1beta1/policies`, { headers: { 'Accept-Encoding': 'br' } }).then((r) =>
          r.arrayBuffer(),
        );
        const { whole, after } = await tracedView(ctx, `${servers.app}/policies`, (page) =>
          page.locator('.catalog__count', { hasText: /^[\d,]+ policies$/ }).waitFor({ timeout: 240_000 }),
        );
        notes.push(
          `100,000 versions: ${whole.tasks} tasks, ${whole.over50} over 50 ms, CPU ${Math.round(whole.cpuMs)} ms.`,
        );
        return {
          'bad.hugeListAfterLoad': { runs: [Math.round(after)] },
          'bad.hugeListLongest': { runs: [Math.round(whole.longestMs)] },
        };
      }),
    );
    return {
      samples,
      details: [
        'Each view is opened in a fresh context under a Chromium trace; “once shown” is the longest task (Long Tasks API)',
        'that starts after the view is on screen, in the 2 s that follow — a view that keeps working once shown, or that a',
        'reader would find frozen. 0 means no task over 50 ms. The 2,000-step policy and the one with a 10 MB description are',
        'saved through the mock’s Guardian API; the 100,000-version list is the mock configured with 20,000 policies × 5.',
        '',
        ...notes,
      ].join('\n'),
    };
  },
};
