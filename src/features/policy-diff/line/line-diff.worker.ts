/// <reference lib="webworker" />
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { packedPolicyDiff } from './packed-policy-diff';
import { transferablesOf } from './packed-rows';

/**
 * The page sends both versions a slice of steps at a time (cloning two policies of thousands of
 * steps in one message would be one long task on its main thread), then asks for the diff.
 */
export type LineDiffRequest =
  | { type: 'start'; id: number; before: Policy; after: Policy; timeoutMs?: number }
  | { type: 'steps'; id: number; side: 'before' | 'after'; steps: Policy['steps'] }
  | { type: 'run'; id: number };

let job: { id: number; before: Policy; after: Policy; timeoutMs?: number } | undefined;

// A big line diff (serialising both versions, diffing them, folding and pairing the rows) runs
// here so that typing, scrolling and the n/p keys never wait for it. The rows go back as typed
// arrays, transferred, not copied.
self.onmessage = (event: MessageEvent<LineDiffRequest>) => {
  const message = event.data;
  const post = (data: unknown, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(data, transfer);
  if (message.type === 'start') {
    job = { id: message.id, before: message.before, after: message.after, timeoutMs: message.timeoutMs };
    return;
  }
  if (!job || job.id !== message.id) return;
  if (message.type === 'steps') {
    job[message.side].steps.push(...message.steps);
    return;
  }
  try {
    const result = packedPolicyDiff(job.before, job.after, job.timeoutMs);
    post({ id: job.id, result }, transferablesOf(result));
  } catch (error) {
    post({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    job = undefined;
  }
};
