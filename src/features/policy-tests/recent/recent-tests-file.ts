import { listRecentTests, mergeRecentTests, parseRecentTest, type RecentTest } from './recent-tests-store';

/**
 * The recent-tests list as a file, since the API keeps none: export it to keep it past this
 * browser's storage or hand it to a colleague; import reads such a file back, entry by entry.
 */
export const RECENT_TESTS_FILE = 'policy-console-recent-tests.json';
const FORMAT = 'policy-console.recent-tests';

export function recentTestsFileText(tests: readonly RecentTest[] = listRecentTests()): string {
  return `${JSON.stringify({ format: FORMAT, version: 1, tests }, null, 2)}\n`;
}

export interface ImportOutcome {
  added: number;
  known: number;
  /** Entries that do not read as a test, skipped. */
  skipped: number;
}

/** Reads an exported list (or a bare array of entries) into this browser's list; throws with words when it is not one. */
export function importRecentTestsFile(text: string): ImportOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON: choose a list exported from “Tests”.');
  }
  const entries = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { tests?: unknown }).tests)
      ? (data as { tests: unknown[] }).tests
      : undefined;
  if (!entries) throw new Error('This file holds no list of tests: choose a list exported from “Tests”.');
  const tests = entries.flatMap((entry) => parseRecentTest(entry) ?? []);
  const { added, known } = mergeRecentTests(tests);
  return { added, known, skipped: entries.length - tests.length };
}

/** "Imported 3 tests (1 already listed; 2 unreadable entries skipped)." */
export function importSentence({ added, known, skipped }: ImportOutcome): string {
  const parts = [
    known > 0 ? `${known} already listed` : '',
    skipped > 0 ? `${skipped} unreadable ${skipped === 1 ? 'entry' : 'entries'} skipped` : '',
  ].filter(Boolean);
  return `Imported ${added} ${added === 1 ? 'test' : 'tests'}${parts.length ? ` (${parts.join('; ')})` : ''}.`;
}
