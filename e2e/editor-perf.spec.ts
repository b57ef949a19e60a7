import { expect, test, type Page } from '@playwright/test';

/**
 * A 200-step policy in the editor: how long the form takes to mount once the policy has arrived,
 * and how long a keystroke takes to reach the screen (keydown → the frame after the input event).
 * Budgets: mount ≤ 300 ms, keystroke-to-paint ≤ 20 ms. Wall-clock figures swing with
 * whatever else the machine runs, so the main thread's CPU time (Chromium trace `tdur`) is
 * measured too: that is what the page itself costs. The assertions use CPU time, with headroom.
 */

test.describe.configure({ timeout: 120_000 });

const STEPS = 200;

async function createBigPolicy(page: Page, id: string) {
  await page.goto('/policies');
  await page.waitForFunction(() => 'window' in globalThis && '__policyConsoleMock' in window);
  await page.evaluate(
    async ({ id, count }) => {
      (window as unknown as { __policyConsoleMock: { setConfig(c: unknown): unknown } }).__policyConsoleMock.setConfig({
        latencyMs: 0,
      });
      const steps = Array.from({ length: count }, (_, i) =>
        i % 2
          ? {
              name: `auto_${i}`,
              strategy: 'auto',
              when: '$appeal.resource.details.is_pii',
              approve_if: `$appeal.creator.department == "team-${i}"`,
            }
          : {
              name: `manual_${i}`,
              strategy: 'manual',
              approvers: [`approver${i}@example.com`, '$appeal.resource.details.owner'],
            },
      );
      const response = await fetch('/api/v1beta1/policies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Auth-Email': 'perf@example.com' },
        body: JSON.stringify({ id, steps, appeal: { duration_options: [{ name: '1 day', value: '24h' }] } }),
      });
      if (!response.ok) throw new Error(`create failed: ${response.status}`);
    },
    { id, count: STEPS },
  );
}

interface RowsProbe {
  __rowsPainted?: number;
  __armedAt?: number;
}

/** From now, records when `count` step rows are on screen (the frame after they were added). */
async function armRowsPainted(page: Page, count: number) {
  await page.evaluate((count) => {
    const w = window as unknown as RowsProbe;
    w.__rowsPainted = undefined;
    w.__armedAt = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('.step-list > li').length >= count) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (w.__rowsPainted = performance.now()), 0));
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, count);
}

/** A client-side navigation, as a link click would make it (the router listens to popstate). */
async function navigateInApp(page: Page, path: string) {
  await page.evaluate((url) => {
    history.pushState({}, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Records, for each keystroke, keydown → the frame painted after its input event. */
async function recordKeystrokes(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __keySamples: number[] };
    w.__keySamples = [];
    let downAt = 0;
    document.addEventListener('keydown', (event) => (downAt = event.timeStamp), true);
    document.addEventListener(
      'input',
      () => {
        const start = downAt;
        requestAnimationFrame(() => setTimeout(() => w.__keySamples.push(performance.now() - start), 0));
      },
      true,
    );
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  pid: number;
  tdur?: number;
  dur?: number;
  args?: { name?: string };
}

/** Main-thread CPU time (ms) of the renderer's top-level tasks while `action` runs. */
async function mainThreadCpu(page: Page, action: () => Promise<void>): Promise<number> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await action();
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return NaN;
  const tasks = traceEvents.filter(
    (e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && e.name === 'RunTask',
  );
  return tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

test(`a ${STEPS}-step policy mounts fast and keeps typing fast`, async ({ page }) => {
  const id = `perf-${Date.now()}`;
  await createBigPolicy(page, id);

  await page.addInitScript((count) => {
    // The moment the last step row is on screen (the frame after it was added).
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('.step-list > li').length >= count) {
        observer.disconnect();
        requestAnimationFrame(() =>
          setTimeout(() => ((window as unknown as { __rowsPainted: number }).__rowsPainted = performance.now()), 0),
        );
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, STEPS);
  await page.goto(`/policies/${id}/edit`);
  await page.waitForFunction(
    () => (window as unknown as { __rowsPainted?: number }).__rowsPainted !== undefined,
    null,
    { timeout: 30_000 },
  );
  const mount = await page.evaluate((policyId) => {
    const arrived = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes(`/policies/${policyId}/versions/0`))
      .map((entry) => (entry as PerformanceResourceTiming).responseEnd);
    return (window as unknown as { __rowsPainted: number }).__rowsPainted - Math.max(...arrived);
  }, id);
  await expect(page.getByRole('button', { name: /^Step 200 / })).toHaveAttribute('aria-expanded', 'false');
  expect(await page.locator('.step-list input').count()).toBe(0);

  // Mount again, warm, by in-app navigation (code and data cached): five times, the median.
  const remounts: number[] = [];
  for (let run = 0; run < 5; run++) {
    await navigateInApp(page, '/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await armRowsPainted(page, STEPS);
    await navigateInApp(page, `/policies/${id}/edit`);
    await page.waitForFunction(() => (window as unknown as RowsProbe).__rowsPainted !== undefined, null, {
      timeout: 30_000,
    });
    remounts.push(
      await page.evaluate(
        () =>
          (window as unknown as Required<RowsProbe>).__rowsPainted -
          (window as unknown as Required<RowsProbe>).__armedAt,
      ),
    );
  }
  await expect(page.getByRole('button', { name: /^Step 200 / })).toBeVisible();

  await recordKeystrokes(page);
  // After a first save attempt every change is re-checked: the worst case for typing.
  await page.getByRole('button', { name: 'Review and save' }).click();
  const review = page.getByRole('dialog', { name: /Review the changes/ });
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toBeHidden();
  // A field at the top, with 200 collapsed steps below it.
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.click();
  await page.evaluate(() => ((window as unknown as { __keySamples: number[] }).__keySamples = []));
  const titleText = 'Quarterly access review';
  const titleCpu = (await mainThreadCpu(page, () => page.keyboard.type(titleText, { delay: 40 }))) / titleText.length;
  const titleSamples = await page.evaluate(() => (window as unknown as { __keySamples: number[] }).__keySamples);

  // A field inside step 100, opened.
  await page.getByRole('button', { name: /^Step 100 / }).click();
  const name = page.locator('#f-steps-99-name');
  await name.click();
  await page.keyboard.press('End');
  await page.evaluate(() => ((window as unknown as { __keySamples: number[] }).__keySamples = []));
  const stepText = '_renamed_for_review';
  const stepCpu = (await mainThreadCpu(page, () => page.keyboard.type(stepText, { delay: 40 }))) / stepText.length;
  const stepSamples = await page.evaluate(() => (window as unknown as { __keySamples: number[] }).__keySamples);
  await expect(page.getByRole('button', { name: /^Step 100 auto_99_renamed_for_review/ })).toBeVisible();

  const round = (n: number) => Math.round(n * 10) / 10;
  const report = {
    steps: STEPS,
    dataToPaintWallMs: Math.round(mount),
    warmMountMs: { median: Math.round(quantile(remounts, 0.5)), runs: remounts.map(Math.round) },
    titleKeystroke: {
      wallMedianMs: round(quantile(titleSamples, 0.5)),
      wallP95Ms: round(quantile(titleSamples, 0.95)),
      cpuPerKeyMs: round(titleCpu),
    },
    stepKeystroke: {
      wallMedianMs: round(quantile(stepSamples, 0.5)),
      wallP95Ms: round(quantile(stepSamples, 0.95)),
      cpuPerKeyMs: round(stepCpu),
    },
  };
  console.log(`editor-perf ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'editor-perf', description: JSON.stringify(report) });

  expect(titleSamples.length).toBeGreaterThan(15);
  expect(stepSamples.length).toBeGreaterThan(15);
  expect(report.warmMountMs.median).toBeLessThan(600);
  expect(report.titleKeystroke.cpuPerKeyMs).toBeLessThan(40);
  expect(report.stepKeystroke.cpuPerKeyMs).toBeLessThan(40);
});
