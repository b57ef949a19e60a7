import type { PolicyTestUser, UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';

/**
 * How one user's outcome moved from test A (say v4) to test B (say v5). "Newly X" means B says X
 * and A said something else; a user only one test reached (it stopped early) is kept apart.
 */
export type ChangeKind = 'newly-blocked' | 'newly-approved' | 'newly-errored' | 'unchanged' | 'only-in-a' | 'only-in-b';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'newly-blocked',
  'newly-approved',
  'newly-errored',
  'unchanged',
  'only-in-a',
  'only-in-b',
];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  'newly-blocked': 'Newly blocked',
  'newly-approved': 'Newly approved',
  'newly-errored': 'Newly errored',
  unchanged: 'Unchanged',
  'only-in-a': 'Only in A',
  'only-in-b': 'Only in B',
};

export function changeKind(a: UserResultStatus | undefined, b: UserResultStatus | undefined): ChangeKind {
  if (a === undefined) return 'only-in-b';
  if (b === undefined) return 'only-in-a';
  if (a === b) return 'unchanged';
  if (b === 'blocked') return 'newly-blocked';
  if (b === 'approved') return 'newly-approved';
  return 'newly-errored';
}

export interface CompareRow {
  id: string;
  email: string;
  name: string;
  a?: UserResultStatus;
  b?: UserResultStatus;
  change: ChangeKind;
}

type ChangeCounts = Record<ChangeKind, number>;

export interface Comparison {
  /** Every user, in the order test A listed them, then those only B listed. */
  rows: CompareRow[];
  counts: ChangeCounts;
  /** Row indexes by change kind, so a filter is a lookup, not a scan of 100,000 rows. */
  byKind: Record<ChangeKind, number[]>;
  /** Row indexes of every newly-* row, in row order. */
  changed: number[];
}

const emptyCounts = (): ChangeCounts => ({
  'newly-blocked': 0,
  'newly-approved': 0,
  'newly-errored': 0,
  unchanged: 0,
  'only-in-a': 0,
  'only-in-b': 0,
});

/** Collects both tests' pages as they arrive, in any interleaving; each user is stored once. */
export class OutcomeCollector {
  readonly rows: CompareRow[] = [];
  private readonly index = new Map<string, number>();

  add(side: 'a' | 'b', users: readonly PolicyTestUser[]): void {
    for (const user of users) {
      const at = this.index.get(user.id);
      if (at === undefined) {
        this.index.set(user.id, this.rows.length);
        this.rows.push({ id: user.id, email: user.email, name: user.name, [side]: user.status, change: 'unchanged' });
      } else {
        const row = this.rows[at]!;
        row[side] = user.status;
        if (!row.email) row.email = user.email;
        if (!row.name) row.name = user.name;
      }
    }
  }

  get size(): number {
    return this.rows.length;
  }
}

export type YieldFn = () => Promise<void>;

/**
 * Classifies every row, giving the main thread back every `chunk` rows so 100,000 users never
 * freeze the page. Rows are ordered A-first: B-only rows go last (they were appended as B arrived).
 */
export async function classify(
  collector: OutcomeCollector,
  options: { chunk?: number; yieldToMain?: YieldFn; signal?: AbortSignal } = {},
): Promise<Comparison> {
  const chunk = options.chunk ?? 5_000;
  const counts = emptyCounts();
  const byKind = Object.fromEntries(Object.keys(counts).map((k) => [k, [] as number[]])) as Record<
    ChangeKind,
    number[]
  >;
  const inA: CompareRow[] = [];
  const onlyB: CompareRow[] = [];
  const { rows } = collector;
  for (let start = 0; start < rows.length; start += chunk) {
    if (start > 0 && options.yieldToMain) await options.yieldToMain();
    options.signal?.throwIfAborted();
    const end = Math.min(rows.length, start + chunk);
    for (let i = start; i < end; i += 1) {
      const row = rows[i]!;
      row.change = changeKind(row.a, row.b);
      (row.a === undefined ? onlyB : inA).push(row);
    }
  }
  const ordered = inA.concat(onlyB);
  const changed: number[] = [];
  for (let i = 0; i < ordered.length; i += 1) {
    const kind = ordered[i]!.change;
    counts[kind] += 1;
    byKind[kind].push(i);
    if (kind.startsWith('newly-')) changed.push(i);
  }
  return { rows: ordered, counts, byKind, changed };
}

/** Yields to the browser: `scheduler.yield()` where it exists (keeps priority), else a macrotask. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
