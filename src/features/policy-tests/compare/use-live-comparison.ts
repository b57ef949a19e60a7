import { startTransition, useEffect, useState } from 'react';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { isTerminal } from '../api/get-policy-test';
import { ComparisonRun } from './comparison-run';

/** A comparison nobody looks at is stopped and forgotten after this long (coming back is instant before). */
const KEEP_UNWATCHED_MS = 5 * 60_000;

interface Entry {
  run: ComparisonRun;
  watchers: number;
  forget?: ReturnType<typeof setTimeout>;
}

const runs = new Map<string, Entry>();

function forgetLater(key: string, entry: Entry): void {
  clearTimeout(entry.forget);
  entry.forget = setTimeout(() => {
    if (entry.watchers > 0) return;
    entry.run.stop();
    runs.delete(key);
  }, KEEP_UNWATCHED_MS);
}

/** The comparison of A and B: the one already under way, or a new one (forgotten unless watched). */
function entryFor(a: string, b: string): Entry {
  const key = `${a}\n${b}`;
  let entry = runs.get(key);
  if (!entry) {
    runs.set(key, (entry = { run: new ComparisonRun({ a, b }), watchers: 0 }));
    forgetLater(key, entry);
  }
  return entry;
}

/** Someone looks at it: it runs, and is kept. */
function watch(entry: Entry): () => void {
  entry.watchers++;
  clearTimeout(entry.forget);
  entry.run.start();
  return () => {
    entry.watchers--;
    if (entry.watchers === 0) forgetLater(`${entry.run.ids.a}\n${entry.run.ids.b}`, entry);
  };
}

/**
 * The live user-by-user comparison of tests A and B: read while both run, moved on by their status
 * polls (the tests' own queries, passed in), kept for a while after the view is left.
 */
export function useLiveComparison(a: string, b: string, testA: PolicyTest | undefined, testB: PolicyTest | undefined) {
  const entry = entryFor(a, b);

  useEffect(() => watch(entry), [entry]);

  useEffect(() => {
    if (testA) entry.run.setProgress('a', { processed: processedUsers(testA), terminal: isTerminal(testA) });
    if (testB) entry.run.setProgress('b', { processed: processedUsers(testB), terminal: isTerminal(testB) });
  }, [entry, testA, testB]);

  // New rows re-render the counts, the step groups and the table: as a transition, in slices that
  // yield to clicks and typing, never as one long task each time a batch of pages arrives.
  const [shown, setShown] = useState(() => ({ entry, snap: entry.run.getSnapshot() }));
  useEffect(() => {
    // The snapshot is a new object only when something changed: an unchanged one (as it mounts) renders nothing.
    const show = () =>
      startTransition(() =>
        setShown((was) => {
          const snap = entry.run.getSnapshot();
          return was.entry === entry && was.snap === snap ? was : { entry, snap };
        }),
      );
    show();
    return entry.run.subscribe(show);
  }, [entry]);
  const snapshot = shown.entry === entry ? shown.snap : entry.run.getSnapshot();
  return { run: entry.run, ...snapshot };
}
