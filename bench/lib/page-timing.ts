// Timings taken inside the page, in the page's own clock (event.timeStamp and performance.now()
// share the time origin in Chromium).
import type { Browser, Locator, Page } from '@playwright/test';
import { KEEP_NAMES_SHIM } from './scenarios';
import type { Sample } from './types';

declare global {
  interface Window {
    __benchTiming?: Promise<number>;
  }
}

export type PaintCondition =
  /** An element matching `selector` exists (its text contains `text`; at least `count` of them). */
  | { selector: string; text?: string; count?: number }
  /** The `input` event the keystroke caused has been handled (React commits a discrete update there). */
  | { inputHandled: true };

/**
 * Arms a timer: from the next `eventType` event (its timeStamp: when the input happened) to the
 * first frame presented once `until` holds. Read it with readTiming().
 */
export async function armInputToPaint(
  page: Page,
  options: { eventType: 'click' | 'keydown' | 'change'; until: PaintCondition },
): Promise<void> {
  await page.evaluate(KEEP_NAMES_SHIM);
  await page.evaluate(({ eventType, until }) => {
    window.__benchTiming = new Promise<number>((resolve) => {
      let start: number | null = null;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        observer?.disconnect();
        // rAF runs before the frame is painted; a task posted from it runs after.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            // For a trace around it: where the frame was (traceInputToPaint).
            performance.mark('bench:painted');
            resolve(performance.now() - start!);
          };
          channel.port2.postMessage(null);
        });
      };
      const holds = () => {
        if (!('selector' in until)) return false;
        if (until.count !== undefined) return document.querySelectorAll(until.selector).length >= until.count;
        const element = document.querySelector(until.selector);
        return element !== null && (until.text === undefined || (element.textContent ?? '').includes(until.text));
      };
      const check = () => {
        if (start !== null && holds()) finish();
      };
      const observer = 'selector' in until ? new MutationObserver(check) : null;
      observer?.observe(document.body, { childList: true, subtree: true, characterData: true });
      if (!('selector' in until)) {
        window.addEventListener('input', () => start !== null && finish(), { once: true });
      }
      document.addEventListener(
        eventType,
        (event) => {
          start = event.timeStamp;
          // Content already there (say, cached) still has to wait for the click's own work.
          setTimeout(check, 0);
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
  tdur?: number;
  cat?: string;
  args?: {
    name?: string;
    data?: { type?: string; processId?: number; frames?: { processId?: number }[] };
  };
}

/**
 * The main threads of the traced page's renderers. A trace also records Chromium's own renderers —
 * its omnibox popup (a "WebUI Top Renderer") loads while a page opens, with a 50–110 ms task of its
 * own — and their main threads carry the same name, CrRendererMain: only the processes the
 * browser put the page's frames in count (the frames when tracing started, and each commit since).
 */
export function pageMainThreads(traceEvents: readonly TraceEvent[]): Set<string> {
  const pageProcesses = new Set<number>();
  for (const e of traceEvents) {
    if (e.name === 'TracingStartedInBrowser') {
      for (const frame of e.args?.data?.frames ?? []) if (frame.processId) pageProcesses.add(frame.processId);
    } else if (e.name === 'FrameCommittedInBrowser' && e.args?.data?.processId) {
      pageProcesses.add(e.args.data.processId);
    }
  }
  return new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      // A trace without the browser's frame events (an older Chromium) keeps every renderer.
      .filter((e) => pageProcesses.size === 0 || pageProcesses.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
}

export interface MainThreadTrace {
  /** The longest task on the page's main thread, in ms (any task, not only ≥50 ms "long tasks"). */
  longestMs: number;
  /** That task's own CPU time: on a busy machine a task's wall time also counts waiting for a core. */
  longestCpuMs: number;
  /** The most CPU time any one task took: the longest task an idle machine would have seen. */
  maxTaskCpuMs: number;
  over50: number;
  tasks: number;
  /** CPU time the main thread spent in tasks: what the work costs, however busy the machine is. */
  cpuMs: number;
  /** That CPU time by kind of work (`script` is what is left after style, layout, paint and GC: JS, event dispatch, hit tests…). */
  breakdown: CpuBreakdown;
}

export interface CpuBreakdown {
  script: number;
  style: number;
  layout: number;
  paint: number;
  gc: number;
}

const RENDERING: Record<string, Exclude<keyof CpuBreakdown, 'script'>> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

export function formatBreakdown(b: CpuBreakdown): string {
  const ms = (v: number) => `${Math.round(v)}`;
  return `script & other ${ms(b.script)}, style ${ms(b.style)}, layout ${ms(b.layout)}, paint ${ms(b.paint)}, GC ${ms(b.gc)} ms`;
}

/** The mean of several breakdowns. */
function meanBreakdown(all: readonly CpuBreakdown[]): CpuBreakdown {
  const sum = { script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  for (const b of all) for (const key of Object.keys(sum) as (keyof CpuBreakdown)[]) sum[key] += b[key] / all.length;
  return sum;
}

/**
 * Records a Chromium trace around `work` and sums up the page's main thread (RunTask on its CrRendererMain);
 * with `untilMark`, only the tasks that started before the page's last `performance.mark` of that name.
 */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
  untilMark?: string,
): Promise<MainThreadTrace> {
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      ...(untilMark ? ['blink.user_timing'] : []),
    ],
  });
  let failure: unknown;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  const buffer = await browser.stopTracing();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = pageMainThreads(traceEvents);
  const end = untilMark ? traceEvents.filter((e) => e.name === untilMark).at(-1)?.ts : undefined;
  if (untilMark && end === undefined) throw new Error(`the trace has no mark “${untilMark}”`);
  const inTime = (e: TraceEvent) => end === undefined || e.ts <= end;
  const tasks = traceEvents.filter(
    (e) =>
      e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`) && inTime(e),
  );
  const durations = tasks.map((e) => e.dur! / 1000);
  const cpuMs = tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur!) / 1000, 0);
  const breakdown: CpuBreakdown = { script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  for (const e of traceEvents) {
    const kind = RENDERING[e.name];
    if (kind && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`) && inTime(e))
      breakdown[kind] += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  breakdown.script = Math.max(0, cpuMs - breakdown.style - breakdown.layout - breakdown.paint - breakdown.gc);
  const longestTask = tasks.reduce<TraceEvent | undefined>((a, e) => (!a || e.dur! > a.dur! ? e : a), undefined);
  return {
    longestMs: Math.max(0, ...durations),
    longestCpuMs: longestTask ? (longestTask.tdur ?? longestTask.dur!) / 1000 : 0,
    maxTaskCpuMs: Math.max(0, ...tasks.map((e) => (e.tdur ?? e.dur!) / 1000)),
    over50: durations.filter((d) => d > 50).length,
    tasks: durations.length,
    cpuMs,
    breakdown,
  };
}

/**
 * The main thread's CPU time of several traced interactions, as one figure: each trace's CPU time,
 * with the mean of their breakdowns by kind of work as its note.
 */
export class CpuSamples {
  private readonly runs: number[] = [];
  private readonly breakdowns: CpuBreakdown[] = [];

  add(trace: MainThreadTrace): void {
    this.runs.push(trace.cpuMs);
    this.breakdowns.push(trace.breakdown);
  }

  /** The figure, each run rounded to `digits` after the point. */
  sample(digits: number): Sample {
    const scale = 10 ** digits;
    return {
      runs: this.runs.map((ms) => Math.round(ms * scale) / scale),
      note: `mean: ${formatBreakdown(meanBreakdown(this.breakdowns))}`,
    };
  }
}

/**
 * Finds the element now and returns a click that only moves and presses the mouse: Playwright's
 * own locator work (role and text queries over a big DOM) then stays out of traces and profiles.
 * The element is held, not looked up again: if the page has moved it since (content arriving above
 * it), the click aims at where it is then instead of pressing whatever took its old place.
 */
export async function preparedClick(page: Page, locator: Locator): Promise<() => Promise<void>> {
  await locator.scrollIntoViewIfNeeded();
  const element = await locator.elementHandle();
  if (!element) throw new Error('the element to click is not in the page');
  const aim = async () => {
    const box = await element.boundingBox();
    if (!box) throw new Error('the element to click has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  let point = await aim();
  await page.mouse.move(point.x, point.y);
  return async () => {
    const stillThere = await element.evaluate((el, { x, y }) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && el.contains(hit);
    }, point);
    if (!stillThere) {
      await element.scrollIntoViewIfNeeded();
      point = await aim();
    }
    await page.mouse.click(point.x, point.y);
  };
}

/**
 * The main thread's CPU time from an input to the frame it was waiting for (armInputToPaint): the
 * tasks that ran between the input's dispatch and the `bench:painted` mark, by thread time. On a
 * busy machine the wall clock of the same span stretches with the wait for a core; this does not.
 */
export async function traceInputToPaint(
  browser: Browser,
  page: Page,
  eventType: 'click' | 'keydown',
  act: () => Promise<void>,
): Promise<{ wallMs: number; cpuMs: number }> {
  let wallMs: number | undefined;
  let cpuMs = NaN;
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'],
  });
  try {
    await act();
    wallMs = await readTiming(page);
  } finally {
    const buffer = await browser.stopTracing();
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    const main = pageMainThreads(traceEvents);
    const onMain = (e: TraceEvent) => main.has(`${e.pid}:${e.tid}`);
    const input = traceEvents.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === eventType && onMain(e));
    const painted = traceEvents.filter((e) => e.name === 'bench:painted').at(-1);
    if (input && painted) {
      const tasks = traceEvents.filter(
        (e) =>
          e.name === 'RunTask' && e.ph === 'X' && onMain(e) && e.ts + (e.dur ?? 0) >= input.ts && e.ts <= painted.ts,
      );
      cpuMs = tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
    }
  }
  return { wallMs: wallMs ?? NaN, cpuMs };
}
