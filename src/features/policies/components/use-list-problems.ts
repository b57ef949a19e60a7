import { useEffect, useState, type ComponentType } from 'react';
import type { PolicyCatalog } from '../api/get-policies';

export type ListProblemsView = ComponentType<{ list: PolicyCatalog }>;

let loaded: ListProblemsView | undefined;

const hasProblems = (list: PolicyCatalog) => list.unreadableCount > 0 || list.duplicates.length > 0;

/**
 * The notices of a list's problems (list-problems.tsx), whose code loads only for a list that has
 * some: most lists have none, and the first rows do not wait for it. `undefined` while it loads —
 * the catalog holds its rows until then, so the notices never push drawn rows down; `null` when
 * there is nothing to tell. A chunk that fails to load is thrown to the view's error boundary.
 */
export function useListProblems(list: PolicyCatalog | undefined): ListProblemsView | null | undefined {
  const needed = list !== undefined && hasProblems(list);
  const [view, setView] = useState<ListProblemsView | undefined>(() => loaded);
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    if (!needed || view) return;
    let live = true;
    import('./list-problems').then(
      ({ ListProblems }) => {
        loaded = ListProblems;
        if (live) setView(() => ListProblems);
      },
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [needed, view]);
  if (failure !== undefined) throw failure;
  return needed ? view : null;
}
