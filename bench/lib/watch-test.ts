// Watches a running test in a page: every request the page makes to the test's status endpoint,
// when the page learnt the test was over, and what it asked for after that.
import type { Page } from '@playwright/test';

export interface WatchResult {
  /** Status requests before the page showed the test as finished. */
  whileRunning: number[];
  /** Status requests in `quietMs` after that. */
  afterEnd: number[];
  /** Polling ticks: requests less than 150 ms apart belong to one tick. */
  ticks: number[][];
  runningMs: number;
}

/** Records the page's requests to `/policy-tests/<id>` (the status, not the users). */
export function recordStatusRequests(page: Page, testId: string): number[] {
  const times: number[] = [];
  const statusPath = new RegExp(`/access/policy-tests/${encodeURIComponent(testId)}(\\?|$)`);
  page.on('request', (request) => {
    if (request.method() === 'GET' && statusPath.test(new URL(request.url()).pathname)) times.push(Date.now());
  });
  return times;
}

function groupIntoTicks(times: readonly number[], gapMs = 150): number[][] {
  const ticks: number[][] = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    const last = ticks.at(-1);
    if (last && t - last.at(-1)! < gapMs) last.push(t);
    else ticks.push([t]);
  }
  return ticks;
}

/**
 * Waits until `finished()` says the page shows the test as over, then `quietMs` more, and splits
 * the recorded requests into before and after.
 */
export async function watchUntilFinished(
  page: Page,
  times: number[],
  finished: () => Promise<void>,
  quietMs: number,
  startedAt: number,
): Promise<WatchResult> {
  await finished();
  const endSeen = Date.now();
  await page.waitForTimeout(quietMs);
  const whileRunning = times.filter((t) => t <= endSeen);
  return {
    whileRunning,
    afterEnd: times.filter((t) => t > endSeen),
    ticks: groupIntoTicks(whileRunning),
    runningMs: endSeen - startedAt,
  };
}
