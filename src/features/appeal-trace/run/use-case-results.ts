import { useEffect, useRef, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { Target } from '@/lib/expr';
import type { CaseResult } from '../cases/run-case';
import type { TestCase } from '../cases/test-case';
import { runTraceJob } from './trace-runner';

export type CaseResultsState =
  | { status: 'none' }
  | { status: 'running'; previous?: CaseResult[] }
  | { status: 'done'; results: CaseResult[] }
  | { status: 'failed'; message: string };

type Finished = { key: string } & ({ results: CaseResult[] } | { message: string });

/**
 * The results of running `cases` against `policy` (a saved version or the editor's draft), in the
 * trace worker, `delayMs` after the last change of `key` — never on the keystroke's own path.
 */
export function useCaseResults(
  policy: () => Policy | undefined,
  cases: readonly TestCase[],
  target: Target,
  key: string,
  delayMs = 400,
): CaseResultsState {
  const [finished, setFinished] = useState<Finished | undefined>(undefined);
  const latest = useRef({ policy, cases, target });
  useEffect(() => {
    latest.current = { policy, cases, target };
  });
  const fullKey = `${key}\u0000${target}\u0000${JSON.stringify(cases)}`;
  useEffect(() => {
    if (latest.current.cases.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      const { policy: current, cases: all, target: t } = latest.current;
      let draft: Policy | undefined;
      try {
        draft = current();
      } catch (error) {
        setFinished({ key: fullKey, message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (!draft) return;
      runTraceJob({ kind: 'cases', policy: draft, cases: all, target: t }).then(
        (result) => live && setFinished({ key: fullKey, results: result.kind === 'cases' ? result.results : [] }),
        (error: unknown) =>
          live && setFinished({ key: fullKey, message: error instanceof Error ? error.message : String(error) }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fullKey, delayMs]);
  if (cases.length === 0) return { status: 'none' };
  if (!finished || finished.key !== fullKey)
    return { status: 'running', previous: finished && 'results' in finished ? finished.results : undefined };
  if ('message' in finished) return { status: 'failed', message: finished.message };
  return { status: 'done', results: finished.results };
}
