import type { Page } from '@playwright/test';
import { BUDGETS } from './lib/budgets';
import type { BenchContext } from './lib/context';
import type { Measurement } from './lib/measurement';
import type { MockControl } from './lib/mock-control';
import { armInputToPaint, CpuSamples, preparedClick, readTiming, traceMainThread } from './lib/page-timing';
import { completedMillionUserTest, gotoApp, withAppPage } from './lib/scenarios';
import { profileDuring, timeTable, type TimeByPart } from './lib/profile-sources';
import type { Sample } from './lib/types';

/** The users table and its pager, as the tests view labels them. */
const TABLE = '.test-users table';
const nextPageLink = (page: Page) =>
  page.getByRole('navigation', { name: /pages of users/i }).getByRole('link', { name: /^next/i });

/**
 * Clicks "next page" and times each switch from the click to the first frame painted with the new
 * page's first user in the table: `ctx.runs` switches timed as they are (after one unmeasured
 * switch), then `ctx.runs` more under a Chromium trace for their CPU time. A trace slows the very
 * style, layout and paint it records, so the wall clock is never read from a traced switch.
 * Between clicks the reader pauses as a person would, so whatever the view prefetches has time
 * to arrive.
 */
async function pageSwitches(
  ctx: BenchContext,
  mock: MockControl,
  id: string,
  app: string,
  perPage: number,
): Promise<{ wall: number[]; cpu: CpuSamples; profile: TimeByPart[] }> {
  const browser = await ctx.browser();
  return withAppPage(ctx, async (page) => {
    await gotoApp(page, `${app}/tests/${encodeURIComponent(id)}?per_page=${perPage}`);
    const first = (await mock.users(id, 1, perPage))[0];
    await page.locator(TABLE).getByText(first!.email, { exact: false }).first().waitFor({ timeout: 20_000 });
    let target = 1;
    /** Arms the timing for the next page and returns the click that goes there. */
    const nextSwitch = async () => {
      target += 1;
      const expected = (await mock.users(id, target, perPage))[0]!.email;
      await page.waitForTimeout(1_000);
      const click = await preparedClick(page, nextPageLink(page));
      await armInputToPaint(page, { eventType: 'click', until: { selector: TABLE, text: expected } });
      return click;
    };
    const wall: number[] = [];
    for (let i = 0; i <= ctx.runs; i += 1) {
      const click = await nextSwitch();
      await click();
      const ms = await readTiming(page);
      if (i > 0) wall.push(Math.round(ms * 10) / 10);
    }
    const cpu = new CpuSamples();
    for (let i = 0; i < ctx.runs; i += 1) {
      const click = await nextSwitch();
      const trace = await traceMainThread(browser, page, async () => {
        await click();
        await readTiming(page);
      });
      cpu.add(trace);
    }
    const click = await nextSwitch();
    const profile = await profileDuring(page, await ctx.build('production'), async () => {
      await click();
      await readTiming(page);
    });
    return { wall, cpu, profile };
  });
}

export const usersTable: Measurement = {
  id: 'users-table',
  title: 'Users table (1,000,000-user test, production build + mock HTTP server)',
  metrics: [
    {
      id: 'users.switch100',
      label: 'Next page → rows painted, 100 per page',
      unit: 'ms',
      budget: BUDGETS.pageSwitch100Ms,
      digits: 1,
    },
    {
      id: 'users.switch1000',
      label: 'Next page → rows painted, 1,000 per page',
      unit: 'ms',
      budget: BUDGETS.pageSwitch1000Ms,
      digits: 1,
    },
    { id: 'users.cpu100', label: 'Main-thread CPU per page switch, 100 per page', unit: 'ms', digits: 1 },
    { id: 'users.cpu1000', label: 'Main-thread CPU per page switch, 1,000 per page', unit: 'ms', digits: 1 },
  ],
  async measure(ctx) {
    const { id, servers, mock } = await completedMillionUserTest(ctx);
    const samples: Record<string, Sample> = {};
    const profiles: string[] = [];
    for (const perPage of [100, 1000] as const) {
      ctx.log(`paging through ${perPage} rows per page…`);
      const { wall, cpu, profile } = await pageSwitches(ctx, mock, id, servers.app, perPage);
      profiles.push(...timeTable(`Where one page switch at ${perPage} per page spends the main thread`, profile));
      samples[`users.switch${perPage}`] = { runs: wall };
      samples[`users.cpu${perPage}`] = cpu.sample(1);
    }
    return {
      samples,
      details: [
        'The production build, served by `vite preview` in front of the mock HTTP server (no added latency), on a finished',
        '1,000,000-user test of `bigquery_approval:1`. Each sample: a click on “Next” in the pager → the first frame presented',
        'after the next page’s first user (fetched from the API beforehand) is in the table — `event.timeStamp` of the click to',
        'a task posted from the following `requestAnimationFrame`. One second between clicks, as a reader pauses; the first',
        'switch is not counted. As many switches again run under a Chromium trace, for the main thread’s CPU time: on a busy',
        'machine the wall time stretches, the CPU time much less. The wall clock is never read from a traced switch (a',
        'trace slows the style, layout and paint it records: on this table, by 10–15 ms a switch).',
        '',
        ...profiles,
      ].join('\n'),
    };
  },
};
