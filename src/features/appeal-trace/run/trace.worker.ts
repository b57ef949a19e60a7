/// <reference lib="webworker" />
import { runJob, type TraceJob } from './trace-jobs';

// Traces run here: an expression the time budget cannot interrupt (one builtin call on a huge
// string) freezes this worker, which the page then ends, never the tab.
self.onmessage = (event: MessageEvent<{ id: number; job: TraceJob }>) => {
  const { id, job } = event.data;
  let reply: unknown;
  try {
    reply = { id, result: runJob(job) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
