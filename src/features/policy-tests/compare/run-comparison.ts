import type { WalkOptions } from '../walk/walk-user-pages';
import { walkUserPages } from '../walk/walk-user-pages';
import { classify, OutcomeCollector, yieldToMain, type Comparison, type YieldFn } from './compare-outcomes';

export interface ComparisonProgress {
  phase: 'fetching' | 'comparing';
  a: number;
  b: number;
  expectedA: number;
  expectedB: number;
}

export interface ComparisonInput {
  a: { id: string; expected: number };
  b: { id: string; expected: number };
  signal?: AbortSignal;
  onProgress?: (progress: ComparisonProgress) => void;
  fetchPage?: WalkOptions['fetchPage'];
  yieldFn?: YieldFn;
}

/**
 * Fetches every user of both tests (two requests in flight, one per test), then classifies each
 * user's change in chunks. Work between pages is small and every await gives the browser a turn.
 */
export async function runComparison(input: ComparisonInput): Promise<Comparison> {
  const collector = new OutcomeCollector();
  const progress: ComparisonProgress = {
    phase: 'fetching',
    a: 0,
    b: 0,
    expectedA: input.a.expected,
    expectedB: input.b.expected,
  };
  const report = () => input.onProgress?.({ ...progress });
  report();

  // If one side fails, stop the other at once instead of fetching a comparison nobody will see.
  const inner = new AbortController();
  const onAbort = () => inner.abort(input.signal?.reason);
  if (input.signal?.aborted) onAbort();
  input.signal?.addEventListener('abort', onAbort, { once: true });

  const walk = async (side: 'a' | 'b') => {
    const test = input[side];
    for await (const { users } of walkUserPages({
      testId: test.id,
      expected: test.expected,
      signal: inner.signal,
      fetchPage: input.fetchPage,
    })) {
      collector.add(side, users);
      progress[side] += users.length;
      report();
    }
  };
  try {
    await Promise.all(
      (['a', 'b'] as const).map((side) =>
        walk(side).catch((error: unknown) => {
          inner.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
  }

  progress.phase = 'comparing';
  report();
  return classify(collector, { yieldToMain: input.yieldFn ?? yieldToMain, signal: input.signal });
}
