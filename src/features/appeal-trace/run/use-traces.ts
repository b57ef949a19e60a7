import { useEffect, useRef, useState } from 'react';
import type { AppealTrace } from '@/lib/appeal';
import type { TraceJob } from './trace-jobs';
import { runTraceJob } from './trace-runner';

export type TracesState =
  | { status: 'idle' }
  | { status: 'running'; previous?: AppealTrace[] }
  | { status: 'done'; traces: AppealTrace[] }
  | { status: 'failed'; message: string };

type Finished = { key: string } & ({ traces: AppealTrace[] } | { message: string });

const DEBOUNCE_MS = 120;

/** The traces of `job` (undefined: nothing to trace yet), recomputed a moment after its key changes. */
export function useTraces(job: TraceJob | undefined, key: string): TracesState {
  const [finished, setFinished] = useState<Finished | undefined>(undefined);
  const jobRef = useRef(job);
  useEffect(() => {
    jobRef.current = job;
  });
  useEffect(() => {
    const current = jobRef.current;
    if (!current) return;
    let live = true;
    const timer = setTimeout(() => {
      runTraceJob(current).then(
        (result) => live && setFinished({ key, traces: result.kind === 'trace' ? result.traces : [] }),
        (error: unknown) =>
          live && setFinished({ key, message: error instanceof Error ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!job) return { status: 'idle' };
  if (!finished || finished.key !== key)
    return { status: 'running', previous: finished && 'traces' in finished ? finished.traces : undefined };
  if ('message' in finished) return { status: 'failed', message: finished.message };
  return { status: 'done', traces: finished.traces };
}
