import { useSyncExternalStore } from 'react';
import { z } from 'zod/mini';
import { POLICY_TEST_STATUSES, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { onOtherTabWrite, readJson, writeItem } from '@/lib/storage/safe-storage';

/**
 * The tests this browser launched or opened. The policy-test API has no list endpoint, so this is
 * the only memory of them; it is a convenience cache, never trusted: every entry is validated on
 * read and a test the server no longer knows is marked, not deleted behind the reader's back.
 */
const recentTestSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(500)),
  policies: z._default(z.array(z.string()).check(z.maxLength(100)), () => []),
  /** When this console started it; absent for a test opened by link. */
  startedAt: z.optional(z.iso.datetime()),
  firstSeenAt: z.iso.datetime(),
  /** When this console first saw it in a terminal status: elapsed time stops there. */
  finishedAt: z.optional(z.iso.datetime()),
  /** This console saw it processing before it finished, so `finishedAt` is within a poll of the end. */
  finishSeen: z.optional(z.boolean()),
  lastStatus: z.optional(z.enum(POLICY_TEST_STATUSES)),
  totalUsers: z.optional(z.number().check(z.nonnegative())),
  approved: z.optional(z.number().check(z.nonnegative())),
  blocked: z.optional(z.number().check(z.nonnegative())),
  errored: z.optional(z.number().check(z.nonnegative())),
  percentProcessed: z.optional(z.number().check(z.nonnegative())),
  /** The server answered 404: the test expired or lives on another server. */
  missing: z.optional(z.boolean()),
  /** A test of an unsaved draft: the version it was made from, and the test of that version beside it. */
  draft: z.optional(
    z.object({
      policyId: z.string().check(z.maxLength(500)),
      baseVersion: z.optional(z.number().check(z.positive())),
      baseTestId: z.optional(z.string().check(z.maxLength(500))),
    }),
  ),
});

export type RecentTest = z.infer<typeof recentTestSchema>;

export const RECENT_TESTS_KEY = 'policy-console.recent-tests';
export const MAX_RECENT_TESTS = 100;
const EMPTY: readonly RecentTest[] = [];

function read(): readonly RecentTest[] {
  const parsed = readJson('local', RECENT_TESTS_KEY);
  if (!Array.isArray(parsed)) return EMPTY;
  return parsed.flatMap((entry) => {
    const result = recentTestSchema.safeParse(entry);
    return result.success ? [result.data] : [];
  });
}

let cache: readonly RecentTest[] | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function write(tests: readonly RecentTest[]): void {
  cache = tests.slice(0, MAX_RECENT_TESTS);
  // Full or denied storage: the list still works for this tab.
  writeItem('local', RECENT_TESTS_KEY, JSON.stringify(cache));
  emit();
}

export function listRecentTests(): readonly RecentTest[] {
  cache ??= read();
  return cache;
}

export function findRecentTest(id: string): RecentTest | undefined {
  return listRecentTests().find((test) => test.id === id);
}

/** Adds a test at the top of the list, or refreshes what is known about it. */
export function rememberTest(entry: {
  id: string;
  policies?: string[];
  startedAt?: string;
  draft?: RecentTest['draft'];
}): void {
  const existing = findRecentTest(entry.id);
  const now = new Date().toISOString();
  const next: RecentTest = {
    ...existing,
    id: entry.id,
    policies: entry.policies ?? existing?.policies ?? [],
    startedAt: entry.startedAt ?? existing?.startedAt,
    firstSeenAt: existing?.firstSeenAt ?? entry.startedAt ?? now,
    draft: entry.draft ?? existing?.draft,
  };
  write([next, ...listRecentTests().filter((test) => test.id !== entry.id)]);
}

export function updateRecentTest(id: string, patch: Partial<Omit<RecentTest, 'id'>>): void {
  const tests = listRecentTests();
  const index = tests.findIndex((test) => test.id === id);
  if (index === -1) return;
  const current = tests[index]!;
  const next = { ...current, ...patch };
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  write(tests.map((test, i) => (i === index ? next : test)));
}

/** Copies the latest status into the list entry, and when it first turned terminal. */
export function recordTestStatus(id: string, test: PolicyTest, terminal: boolean): void {
  const current = findRecentTest(id);
  if (!current) return;
  updateRecentTest(id, {
    lastStatus: test.status,
    totalUsers: test.totalUsers,
    approved: test.usersApproved,
    blocked: test.usersBlocked,
    errored: test.usersErrored,
    percentProcessed: test.percentUsersProcessed,
    missing: undefined,
    finishedAt: terminal ? (current.finishedAt ?? new Date().toISOString()) : undefined,
    finishSeen: terminal ? (current.finishSeen ?? current.lastStatus === 'processing') : undefined,
  });
}

/** One entry as stored, or undefined when it does not read as one (a file is input like any other). */
export function parseRecentTest(entry: unknown): RecentTest | undefined {
  const result = recentTestSchema.safeParse(entry);
  return result.success ? result.data : undefined;
}

/**
 * Adds tests from elsewhere (an exported list): new ones join the list, newest first; one already
 * listed keeps what this browser knows and gains only what it lacked.
 */
export function mergeRecentTests(incoming: readonly RecentTest[]): { added: number; known: number } {
  const byId = new Map(listRecentTests().map((test) => [test.id, test]));
  let added = 0;
  let known = 0;
  for (const test of incoming) {
    const mine = byId.get(test.id);
    if (mine) known++;
    else added++;
    byId.set(test.id, mine ? { ...test, ...mine } : test);
  }
  const at = (test: RecentTest) => test.startedAt ?? test.firstSeenAt;
  write([...byId.values()].sort((a, b) => at(b).localeCompare(at(a))));
  return { added, known };
}

export function forgetTest(id: string): void {
  write(listRecentTests().filter((test) => test.id !== id));
}

function subscribeRecentTests(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab launched or finished a test.
  const stop = onOtherTabWrite([RECENT_TESTS_KEY], () => {
    cache = read();
    listener();
  });
  return () => {
    listeners.delete(listener);
    stop();
  };
}

export function useRecentTests(): readonly RecentTest[] {
  return useSyncExternalStore(subscribeRecentTests, listRecentTests, () => EMPTY);
}

export function useRecentTest(id: string): RecentTest | undefined {
  return useRecentTests().find((test) => test.id === id);
}

/** Forgets the in-memory copy (tests only). */
export function resetRecentTestsCache(): void {
  cache = undefined;
}

export function processedOf(test: RecentTest): number {
  return (test.approved ?? 0) + (test.blocked ?? 0) + (test.errored ?? 0);
}
