import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { policyTestKeys } from '../api/policy-test-keys';
import { runComparison, type ComparisonProgress } from './run-comparison';

/** Progress of running comparisons, by query key: React Query holds the result, this the way there. */
const progressByKey = new Map<string, ComparisonProgress>();
const listeners = new Set<() => void>();

function setProgress(key: string, progress: ComparisonProgress | undefined): void {
  if (progress) progressByKey.set(key, progress);
  else progressByKey.delete(key);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useComparisonProgress(a: string, b: string): ComparisonProgress | undefined {
  const key = `${a}\n${b}`;
  return useSyncExternalStore(
    subscribe,
    () => progressByKey.get(key),
    () => undefined,
  );
}

export const comparisonKey = (a: string, b: string) => [...policyTestKeys.all, 'compare', a, b] as const;

/**
 * Both tests' users, matched and classified. Only run once both tests are terminal (their users
 * no longer change), so the result is kept as long as anyone looks at it.
 */
const comparisonQueryOptions = (a: { id: string; expected: number }, b: { id: string; expected: number }) =>
  // The expected counts belong to the two tests, which are terminal: the ids alone name the result.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: comparisonKey(a.id, b.id),
    queryFn: async ({ signal }) => {
      const key = `${a.id}\n${b.id}`;
      try {
        return await runComparison({ a, b, signal, onProgress: (progress) => setProgress(key, progress) });
      } finally {
        setProgress(key, undefined);
      }
    },
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
    // 100,000 rows: never deep-compare them against a previous result.
    structuralSharing: false,
  });

export function useComparison(
  a: { id: string; expected: number },
  b: { id: string; expected: number },
  enabled: boolean,
) {
  return useQuery({ ...comparisonQueryOptions(a, b), enabled });
}
