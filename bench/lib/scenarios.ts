// Shared set-ups: the mock configured for a run, a finished 1,000,000-user test, pages of the app.
import type { BrowserContext, Page } from '@playwright/test';
import type { BenchContext, Servers } from './context';
import { MockControl, settingsInitScript } from './mock-control';
import { explainFailure, trackPage } from './page-report';
import { NotAvailable } from './types';

export const MILLION = 1_000_000;
/** An example policy every seeded catalog has (specs/guardian/examples). */
export const EXAMPLE_POLICY_REF = 'bigquery_approval:1';

/** The mock as the benchmark wants it: no artificial latency, room for several tests at once. */
export async function benchMock(ctx: BenchContext): Promise<{ servers: Servers; mock: MockControl }> {
  const servers = await ctx.appServers();
  const mock = new MockControl(servers.mock);
  await ctx.once('mock:configured', async () => {
    await mock.reset();
    await mock.configure({ latencyMs: 0, concurrencyLimit: 100, timeBudgetMs: 600_000 });
  });
  return { servers, mock };
}

/** The servers of one section's own (see appServersOf), the mock reset and without latency. */
export async function ownMock(
  ctx: BenchContext,
  section: string,
  config: Parameters<MockControl['configure']>[0] = {},
): Promise<{ servers: Servers; mock: MockControl }> {
  const servers = await ctx.appServersOf(section);
  const mock = new MockControl(servers.mock);
  await mock.reset();
  await mock.configure({ latencyMs: 0, ...config });
  return { servers, mock };
}

/** A 1,000,000-user test of an example policy, run to completion as fast as the mock goes. */
export function completedMillionUserTest(
  ctx: BenchContext,
): Promise<{ id: string; servers: Servers; mock: MockControl }> {
  return ctx.once('test:million:complete', async () => {
    const { servers, mock } = await benchMock(ctx);
    await mock.configure({ userCount: MILLION, usersPerSecond: 10_000_000 });
    const id = await mock.startTest([EXAMPLE_POLICY_REF]);
    ctx.log(`1,000,000-user test ${id} started…`);
    const end = await mock.waitForEnd(id, 90_000);
    if (end.status !== 'complete') throw new NotAvailable(`the 1,000,000-user test ended as “${end.status}”`);
    ctx.log(`1,000,000-user test ${id} complete`);
    return { id, servers, mock };
  });
}

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(fn, "name")`; functions handed to
 * page.evaluate carry that call into the page, where it must exist.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** A fresh browser context on the production build, with the settings a first-time admin would enter. */
export async function appPage(ctx: BenchContext): Promise<{ context: BrowserContext; page: Page }> {
  const browser = await ctx.browser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(settingsInitScript());
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  trackPage(page, 'app-page');
  return { context, page };
}

/**
 * Runs `body` on a fresh app page (see appPage), and closes its context however `body` ends; when it
 * fails, the error says what the page showed (see explainFailure).
 */
export async function withAppPage<T>(
  ctx: BenchContext,
  body: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const { context, page } = await appPage(ctx);
  try {
    return await body(page, context);
  } catch (error) {
    throw await explainFailure(page, 'app-page', error);
  } finally {
    await context.close();
  }
}

/** page.goto, once more after a pause when a busy machine makes the preview server stumble. */
export async function gotoApp(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch {
    await page.waitForTimeout(1_000);
    await page.goto(url);
  }
}
