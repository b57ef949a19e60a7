import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { invalidatePolicies } from '@/features/policies';
import { clearJournal, readJournal, writeJournal, type ApplyJournal } from '../apply/apply-journal';
import { isApplicable, type PlanEntry } from '../plan/plan-entry';
import { PlanStore } from '../plan/plan-store';
import type { PlanOutcome } from '../plan/run-plan';
import type { SourceFile } from '../plan/source-file';

const loadEngine = () => import('../plan/plan-engine');

export type PlanPhase = 'idle' | 'planning' | 'planned' | 'applying' | 'applied';

/** The apply page's state: the files, their plan, and applying the chosen ones. */
export function useApplyPlan() {
  const queryClient = useQueryClient();
  const [store] = useState(() => new PlanStore());
  const entries = useSyncExternalStore(store.subscribe, store.getEntries);
  const [phase, setPhase] = useState<PlanPhase>('idle');
  const [outcome, setOutcome] = useState<PlanOutcome>();
  const [interrupted, setInterrupted] = useState<ApplyJournal | undefined>(() => readJournal());
  const files = useRef<SourceFile[]>([]);
  const planning = useRef<AbortController>(undefined);
  useEffect(() => () => planning.current?.abort(), []);
  // Fetched while the admin finds the folder; a failed fetch is retried, and reported, when needed.
  useEffect(() => {
    const timer = setTimeout(() => void loadEngine().catch(() => undefined), 1500);
    return () => clearTimeout(timer);
  }, []);
  // A page being reloaded or closed cuts its requests off: those files did not fail, they were
  // interrupted, and the note must say so on the next load.
  const unloading = useRef(false);
  useEffect(() => {
    const leave = () => (unloading.current = true);
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
    };
  }, []);

  const plan = useCallback(
    async (next: SourceFile[]) => {
      planning.current?.abort();
      const controller = new AbortController();
      planning.current = controller;
      files.current = next;
      setOutcome(undefined);
      setPhase('planning');
      try {
        const { runPlan, planDeps } = await loadEngine();
        setOutcome(await runPlan(next, store, planDeps(), controller.signal));
      } catch (error) {
        if (controller.signal.aborted) return;
        // Something planning could not do at all (the checker's code did not load): said, not thrown.
        setOutcome({ hidden: 0, serverError: error });
      }
      if (!controller.signal.aborted) setPhase('planned');
    },
    [store],
  );

  const select = useCallback(
    (keys: readonly string[], selected: boolean) => {
      for (const key of keys) {
        const entry = store.get(key);
        if (entry && isApplicable(entry)) store.update(key, { selected });
      }
    },
    [store],
  );

  /** Applies the chosen files; resolves with them, answered. */
  const apply = useCallback(async (): Promise<PlanEntry[]> => {
    const chosen = store.getEntries().filter((entry) => entry.selected && isApplicable(entry));
    if (chosen.length === 0) return [];
    const journal: ApplyJournal = {
      startedAt: new Date().toISOString(),
      files: chosen.map((entry) => ({ path: entry.path, id: entry.id ?? '', state: 'pending' })),
    };
    const { runApply, applyDeps } = await loadEngine();
    writeJournal(journal);
    setInterrupted(undefined);
    setPhase('applying');
    await runApply(
      chosen.map((entry) => entry.key),
      store,
      applyDeps,
      (entry) => {
        const file = journal.files.find((f) => f.path === entry.path);
        if (!file || unloading.current) return;
        const done = entry.result?.kind === 'applied' || entry.result?.kind === 'already';
        file.state = done ? 'applied' : 'failed';
        if (entry.result && 'version' in entry.result) file.version = entry.result.version;
        writeJournal(journal);
      },
    );
    if (unloading.current) return [];
    clearJournal();
    await invalidatePolicies(queryClient);
    setPhase('applied');
    const keys = new Set(chosen.map((entry) => entry.key));
    return store.getEntries().filter((entry) => keys.has(entry.key));
  }, [queryClient, store]);

  const replan = useCallback(() => plan(files.current), [plan]);

  const clear = useCallback(() => {
    planning.current?.abort();
    files.current = [];
    store.reset([]);
    setOutcome(undefined);
    setPhase('idle');
  }, [store]);

  const dismissInterrupted = useCallback(() => {
    clearJournal();
    setInterrupted(undefined);
  }, []);

  return { entries, phase, outcome, interrupted, plan, replan, select, apply, clear, dismissInterrupted };
}
