import { useEffect, useMemo, useState } from 'react';
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

/** Lets the browser paint and handle input between two slices of work. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The line diff of two versions' normalised YAML, folded and paired: large ones in a Web Worker,
 * small ones here (and every one here where there are no workers, as in unit tests). The YAML
 * writer and jsdiff load only for the documents diffed on this thread.
 */
export function useLineDiff(before: Policy, after: Policy): LineDiffState {
  const large = useMemo(() => estimateLines(before) + estimateLines(after) > WORKER_THRESHOLD_LINES, [before, after]);
  const useWorker = large && typeof Worker !== 'undefined';
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
    if (!useWorker) {
      import('./packed-policy-diff').then(
        ({ packedPolicyDiff }) => {
          try {
            finish({ status: 'done', diff: packedPolicyDiff(before, after, TIMEOUT_MS) });
          } catch (error) {
            finish({ status: 'error', message: message(error) });
          }
        },
        (error: unknown) => finish({ status: 'error', message: message(error) }),
      );
      return () => {
        live = false;
      };
    }
    const job = diffInWorker(before, after);
    job.promise.then(
      (diff) => finish({ status: 'done', diff }),
      (error: unknown) => finish({ status: 'error', message: message(error) }),
    );
    return () => {
      live = false;
      job.cancel();
    };
  }, [before, after, useWorker, settled]);

  // A result belongs to the versions it was computed for; anything else is still on its way.
  return settled ? outcome.state : { status: 'pending' };
}
