import type { JobResult, TraceJob } from './trace-jobs';

/**
 * Runs trace jobs in one Web Worker, one at a time. A job that does not answer within HARD_LIMIT_MS
 * is abandoned and the worker ended (a new one starts for the next job): the page never waits on
 * an expression that will not finish. Without Workers (unit tests) jobs run here.
 */
const HARD_LIMIT_MS = 3_000;

class TraceTimeout extends Error {
  constructor() {
    super(
      `The trace did not finish within ${HARD_LIMIT_MS / 1000} s and was stopped: an expression runs too long to evaluate here (a huge string or a very long loop). Guardian would take as long, or longer.`,
    );
    this.name = 'TraceTimeout';
  }
}

let worker: Worker | undefined;
let nextId = 0;
let queue: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  worker ??= new Worker(new URL('./trace.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

function inWorker(job: TraceJob): Promise<JobResult> {
  const id = ++nextId;
  const w = startWorker();
  return new Promise<JobResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      w.terminate();
      if (worker === w) worker = undefined;
      reject(new TraceTimeout());
    }, HARD_LIMIT_MS);
    const done = () => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<{ id: number; result?: JobResult; error?: string }>) => {
      if (event.data.id !== id) return;
      done();
      if (event.data.result) resolve(event.data.result);
      else reject(new Error(event.data.error ?? 'The trace failed.'));
    };
    const onError = (event: ErrorEvent) => {
      done();
      w.terminate();
      if (worker === w) worker = undefined;
      reject(new Error(event.message || 'The trace worker failed to start.'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, job });
  });
}

async function here(job: TraceJob): Promise<JobResult> {
  const { runJob } = await import('./trace-jobs');
  return runJob(job);
}

export function runTraceJob(job: TraceJob): Promise<JobResult> {
  const run = () => (typeof Worker === 'undefined' ? here(job) : inWorker(job));
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
