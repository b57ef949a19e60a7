import { useEffect, useMemo, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { LineDiffResult } from './line-diff';
import { estimateLines, policyLineDiff } from './policy-line-diff';

export type LineDiffState =
  { status: 'pending' } | { status: 'done'; result: LineDiffResult } | { status: 'error'; message: string };

/** Below this many lines (both sides) writing and diffing take a few milliseconds: no worker needed. */
const WORKER_THRESHOLD_LINES = 2_000;
const TIMEOUT_MS = 5_000;

let nextId = 0;

function diffInWorker(before: Policy, after: Policy): { promise: Promise<LineDiffResult>; cancel: () => void } {
  const worker = new Worker(new URL('./line-diff.worker.ts', import.meta.url), { type: 'module' });
  const id = ++nextId;
  const promise = new Promise<LineDiffResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ id: number; result?: LineDiffResult; error?: string }>) => {
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
  worker.postMessage({ id, before, after, timeoutMs: TIMEOUT_MS });
  return { promise, cancel: () => worker.terminate() };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The line diff of two versions' normalised YAML: small ones at once on this thread, large ones in
 * a Web Worker (on this thread where there are no workers, as in unit tests).
 */
export function useLineDiff(before: Policy, after: Policy): LineDiffState {
  const large = useMemo(() => estimateLines(before) + estimateLines(after) > WORKER_THRESHOLD_LINES, [before, after]);
  const useWorker = large && typeof Worker !== 'undefined';
  const immediate = useMemo<LineDiffState | undefined>(() => {
    if (useWorker) return undefined;
    try {
      return { status: 'done', result: policyLineDiff(before, after, TIMEOUT_MS) };
    } catch (error) {
      return { status: 'error', message: message(error) };
    }
  }, [before, after, useWorker]);
  const [async, setAsync] = useState<{ before: Policy; after: Policy; state: LineDiffState } | undefined>(undefined);

  useEffect(() => {
    if (!useWorker) return;
    const job = diffInWorker(before, after);
    job.promise.then(
      (result) => setAsync({ before, after, state: { status: 'done', result } }),
      (error: unknown) => setAsync({ before, after, state: { status: 'error', message: message(error) } }),
    );
    return job.cancel;
  }, [before, after, useWorker]);

  if (immediate) return immediate;
  // A result belongs to the versions it was computed for; anything else is still on its way.
  return async && async.before === before && async.after === after ? async.state : { status: 'pending' };
}
