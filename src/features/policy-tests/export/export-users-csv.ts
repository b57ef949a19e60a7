import { CSV_BOM, csvRow } from '@/lib/csv/write-csv';
import { safeFileName } from '@/lib/csv/download-file';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
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
 * Every user of a test (or of one status) as CSV parts, page by page at 1,000 a page. While the
 * test still runs, pages shift under the walk, so users are de-duplicated by id.
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
  const seen = options.settled ? undefined : new Set<string>();
  let users = 0;
  for await (const { users: page } of walkUserPages({
    testId: options.testId,
    status: apiStatusFilter(options.view),
    expected: options.expected,
    signal: options.signal,
    fetchPage: options.fetchPage,
    ...options.filters,
  })) {
    let chunk = '';
    for (const user of page as PolicyTestUser[]) {
      if (seen) {
        if (seen.has(user.id)) continue;
        seen.add(user.id);
      }
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
    options.onProgress?.({ users, expected: Math.max(options.expected, users) });
  }
  return { parts, users, fileName: usersCsvFileName(options.testId, options.view, options.filters) };
}
