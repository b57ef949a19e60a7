/// <reference lib="webworker" />
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyLineDiff } from './policy-line-diff';

export interface LineDiffRequest {
  id: number;
  before: Policy;
  after: Policy;
  timeoutMs?: number;
}

// A big line diff (serialising both versions, then diffing) runs here so that typing, scrolling
// and the n/p keys never wait for it.
self.onmessage = (event: MessageEvent<LineDiffRequest>) => {
  const { id, before, after, timeoutMs } = event.data;
  try {
    (self as unknown as Worker).postMessage({ id, result: policyLineDiff(before, after, timeoutMs) });
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
