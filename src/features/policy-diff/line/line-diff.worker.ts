/// <reference lib="webworker" />
import { lineDiff } from './line-diff';

export interface LineDiffRequest {
  id: number;
  before: string;
  after: string;
  timeoutMs?: number;
}

// A big line diff runs here so that typing, scrolling and the n/p keys never wait for it.
self.onmessage = (event: MessageEvent<LineDiffRequest>) => {
  const { id, before, after, timeoutMs } = event.data;
  try {
    (self as unknown as Worker).postMessage({ id, result: lineDiff(before, after, timeoutMs) });
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
