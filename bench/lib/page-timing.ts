// Timings taken inside the page, in the page's own clock (event.timeStamp and performance.now()
// share the time origin in Chromium).
import type { Browser, Page } from '@playwright/test';
import { KEEP_NAMES_SHIM } from './scenarios';

declare global {
  interface Window {
    __benchTiming?: Promise<number>;
  }
}

/**
 * Arms a timer: from the next `eventType` event (its timeStamp, i.e. when the input happened) to
 * the first frame presented after `selector`'s text contains `expected`. Read it with readTiming().
 */
export async function armInputToPaint(
  page: Page,
  options: { eventType: 'click' | 'keydown'; selector: string; expected: string | null },
): Promise<void> {
  await page.evaluate(KEEP_NAMES_SHIM);
  await page.evaluate(({ eventType, selector, expected }) => {
    window.__benchTiming = new Promise<number>((resolve) => {
      let start: number | null = null;
      let done = false;
      const afterNextPaint = () => {
        // rAF runs before the frame is painted; a task posted from it runs after.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start!);
          channel.port2.postMessage(null);
        });
      };
      const check = () => {
        if (done || start === null) return;
        const text = document.querySelector(selector)?.textContent ?? '';
        if (expected === null || text.includes(expected)) {
          done = true;
          observer.disconnect();
          afterNextPaint();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      document.addEventListener(
        eventType,
        (event) => {
          start = event.timeStamp;
          // A keystroke's effect is known only after React handled it: check from the next task on.
          if (expected !== null) queueMicrotask(check);
          else setTimeout(check, 0);
        },
        { capture: true, once: true },
      );
    });
  }, options);
}

export async function readTiming(page: Page, timeoutMs = 15_000): Promise<number> {
  return page.evaluate(
    (timeout) =>
      Promise.race([
        window.__benchTiming ?? Promise.reject(new Error('no timing armed')),
        new Promise<number>((_, reject) =>
          setTimeout(() => reject(new Error('the expected content never appeared')), timeout),
        ),
      ]),
    timeoutMs,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Records a Chromium trace around `work` and returns the longest task on the page's main thread
 * (RunTask on CrRendererMain), in ms. Tasks of any length count, not only the ≥50 ms "long tasks".
 */
export async function longestMainThreadTask(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
): Promise<{ longestMs: number; over50: number; tasks: number }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let failure: unknown;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  const buffer = await browser.stopTracing();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const durations = traceEvents
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`))
    .map((e) => e.dur! / 1000);
  return {
    longestMs: Math.max(0, ...durations),
    over50: durations.filter((d) => d > 50).length,
    tasks: durations.length,
  };
}
