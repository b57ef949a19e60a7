import { useEffect, useState } from 'react';
import { yieldToMain } from '@/lib/scheduling/in-slices';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { PackedDiff } from './packed-rows';
import type { LineDiffRequest } from './line-diff.worker';
import { estimateLines } from './estimate-lines';

export type LineDiffState =
  { status: 'pending' } | { status: 'done'; diff: PackedDiff } | { status: 'error'; message: string };

/** Below this many lines (both sides) writing and diffing take a few milliseconds: no worker needed. */
const WORKER_THRESHOLD_LINES = 2_000;
const TIMEOUT_MS = 5_000;
/** Steps per message to the worker: cloning one slice is well under a millisecond of the page's time. */
const STEPS_PER_MESSAGE = 400;

let nextId = 0;

/** Lets the browser paint and handle input between two slices of work (no timer clamping). */
const yieldToBrowser = yieldToMain;

function diffInWorker(before: Policy, after: Policy): { promise: Promise<PackedDiff>; cancel: () => void } {
  const worker = new Worker(new URL('./line-diff.worker.ts', import.meta.url), { type: 'module' });
  const id = ++nextId;
  let cancelled = false;
  const promise = new Promise<PackedDiff>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ id: number; result?: PackedDiff; error?: string }>) => {
      if (event.data.id !== id) return;
      if (event.data.result) resolve(event.data.result);
      else reject(new Error(event.data.error ?? 'The line diff failed.'));
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'The line diff worker failed to start.'));
      worker.terminate();
    };
  });
  const send = async () => {
    const post = (message: LineDiffRequest) => worker.postMessage(message);
    post({
      type: 'start',
      id,
      before: { ...before, steps: [] },
      after: { ...after, steps: [] },
      timeoutMs: TIMEOUT_MS,
    });
    for (const [side, policy] of [
      ['before', before],
      ['after', after],
    ] as const) {
      for (let from = 0; from < policy.steps.length; from += STEPS_PER_MESSAGE) {
        await yieldToBrowser();
        if (cancelled) return;
        post({ type: 'steps', id, side, steps: policy.steps.slice(from, from + STEPS_PER_MESSAGE) });
      }
    }
    post({ type: 'run', id });
  };
  void send();
  return {
    promise,
    cancel: () => {
      cancelled = true;
      worker.terminate();
    },
  };
}

function diffHere(before: Policy, after: Policy): { promise: Promise<PackedDiff>; cancel: () => void } {
  return {
    promise: import('./packed-policy-diff').then(({ packedPolicyDiff }) => packedPolicyDiff(before, after, TIMEOUT_MS)),
    cancel: () => undefined,
  };
}

interface Job {
  promise: Promise<PackedDiff>;
  cancel: () => void;
  holders: number;
  settled: boolean;
}

/**
 * Line diffs being computed or computed, by the two versions (objects from the query cache: a
 * version that is refetched is another object, and another diff). A job may start before anyone
 * shows it (prefetchLineDiff) and is shared by whoever asks next; one nobody holds any more is
 * stopped, unless it has finished.
 */
const jobs = new WeakMap<Policy, WeakMap<Policy, Job>>();

function holdJob(before: Policy, after: Policy): { job: Job; release: () => void } {
  let byAfter = jobs.get(before);
  if (!byAfter) jobs.set(before, (byAfter = new WeakMap()));
  let job = byAfter.get(after);
  if (!job) {
    const large = estimateLines(before) + estimateLines(after) > WORKER_THRESHOLD_LINES;
    const run = large && typeof Worker !== 'undefined' ? diffInWorker(before, after) : diffHere(before, after);
    const created: Job = { ...run, holders: 0, settled: false };
    const forget = () => byAfter.get(after) === created && byAfter.delete(after);
    created.promise.then(
      () => (created.settled = true),
      () => {
        created.settled = true;
        forget(); // a failure is not kept: asking again tries again
      },
    );
    byAfter.set(after, created);
    job = created;
  }
  const held = job;
  held.holders++;
  let released = false;
  return {
    job: held,
    release: () => {
      if (released) return;
      released = true;
      held.holders--;
      // After the current commit: one view's cleanup and the next view's hold come in the same one.
      setTimeout(() => {
        if (held.holders > 0 || held.settled) return;
        held.cancel();
        if (byAfter.get(after) === held) byAfter.delete(after);
      }, 0);
    },
  };
}

/**
 * Starts the line diff of two versions ahead of anyone showing it (the diff page does, once idle,
 * while its summary is read): the click on "Split lines" then finds it computed or on its way.
 * Returns the function that lets it go.
 */
export function prefetchLineDiff(before: Policy, after: Policy): () => void {
  return holdJob(before, after).release;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The line diff of two versions' normalised YAML, folded and paired: large ones in a Web Worker,
 * small ones here (and every one here where there are no workers, as in unit tests). The YAML
 * writer and jsdiff load only for the documents diffed on this thread.
 */
export function useLineDiff(before: Policy, after: Policy): LineDiffState {
  const [outcome, setOutcome] = useState<{ before: Policy; after: Policy; state: LineDiffState } | undefined>(
    undefined,
  );
  const settled = outcome && outcome.before === before && outcome.after === after && outcome.state.status !== 'pending';

  useEffect(() => {
    // Shown again after being hidden (an <Activity>): the result is still good.
    if (settled) return;
    let live = true;
    const finish = (state: LineDiffState) => {
      if (live) setOutcome({ before, after, state });
    };
    const { job, release } = holdJob(before, after);
    job.promise.then(
      (diff) => finish({ status: 'done', diff }),
      (error: unknown) => finish({ status: 'error', message: message(error) }),
    );
    return () => {
      live = false;
      release();
    };
  }, [before, after, settled]);

  // A result belongs to the versions it was computed for; anything else is still on its way.
  return settled ? outcome.state : { status: 'pending' };
}
