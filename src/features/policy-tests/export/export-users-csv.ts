import { CSV_BOM, csvRow } from '@/lib/csv/write-csv';
import { safeFileName } from '@/lib/csv/download-file';
import { formatCount } from '@/lib/format/format-number';
import { apiStatusFilter, type StatusView } from '../users/users-url-params';
import { walkUserPages, type WalkOptions } from '../walk/walk-user-pages';

/** The four fields every server reports, then why (our test servers' extension; empty where not reported). */
const USER_CSV_HEADER = ['id', 'email', 'name', 'status', 'step', 'reason', 'error'] as const;

export interface ExportProgress {
  users: number;
  expected: number;
}

export interface UsersExport {
  parts: string[];
  users: number;
  fileName: string;
  /** What the file leaves out of what the server sent, and why. */
  notes: string[];
}

export function usersCsvFileName(testId: string, view: StatusView, filters: UsersFilters = {}): string {
  const narrowed = [
    ...(filters.step === undefined ? [] : ['at', filters.step]),
    ...(filters.search === undefined ? [] : ['matching', filters.search.slice(0, 40)]),
  ];
  return `${safeFileName('policy-test', testId, view === 'all' ? 'all-users' : `${view}-users`, ...narrowed)}.csv`;
}

/** The extension filters an export follows (our test servers only). */
export interface UsersFilters {
  search?: string;
  step?: string;
}

/**
 * Every user of a test (or of one status) as CSV parts, page by page at 1,000 a page. The server is
 * not taken at its word: users are de-duplicated by id (pages shift under a running test, and a
 * server may repeat rows), the file holds no more users than the counts promise, and rows that
 * cannot be read are left out. Each is said in `notes`.
 */
export async function exportUsersCsv(options: {
  testId: string;
  view: StatusView;
  expected: number;
  settled: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  fetchPage?: WalkOptions['fetchPage'];
  filters?: UsersFilters;
}): Promise<UsersExport> {
  const parts = [CSV_BOM + csvRow(USER_CSV_HEADER)];
  const seen = new Set<string>();
  let users = 0;
  let repeated = 0;
  let beyond = 0;
  let unreadable = 0;
  for await (const page of walkUserPages({
    testId: options.testId,
    status: apiStatusFilter(options.view),
    expected: options.expected,
    signal: options.signal,
    fetchPage: options.fetchPage,
    ...options.filters,
  })) {
    unreadable += page.unreadable.length;
    let chunk = '';
    for (const user of page.users) {
      if (seen.has(user.id)) {
        repeated += 1;
        continue;
      }
      if (users >= options.expected) {
        beyond += 1;
        continue;
      }
      seen.add(user.id);
      const why = user.why;
      chunk += csvRow([
        user.id,
        user.email,
        user.name,
        user.status,
        why?.step ?? '',
        why?.reason ?? '',
        why?.error ?? '',
      ]);
      users += 1;
    }
    parts.push(chunk);
    options.onProgress?.({ users, expected: options.expected });
  }
  const notes: string[] = [];
  const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
  if (repeated > 0 && options.settled) {
    notes.push(`${plural(repeated, 'row repeated a user', 'rows repeated users')} already in the file: left out.`);
  }
  if (beyond > 0) {
    notes.push(
      `The server sent ${plural(beyond, 'user', 'users')} more than its counts (${formatCount(options.expected)}): left out.`,
    );
  }
  if (unreadable > 0) {
    notes.push(`${plural(unreadable, 'row', 'rows')} could not be read: left out.`);
  }
  return { parts, users, fileName: usersCsvFileName(options.testId, options.view, options.filters), notes };
}
