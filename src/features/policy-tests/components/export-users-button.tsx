import { formatCount } from '@/lib/format/format-number';
import { exportUsersCsv, type UsersFilters } from '../export/export-users-csv';
import { STATUS_VIEW_LABELS, type StatusView } from '../users/users-url-params';
import { CsvExport } from './csv-export';

interface ExportUsersButtonProps {
  testId: string;
  view: StatusView;
  /** Users the counts promise for the view. */
  expected: number;
  settled: boolean;
  /** Search and step, when the server applies them: the file holds what the list shows. */
  filters?: UsersFilters;
}

function describeView(view: StatusView, count: number, filters: UsersFilters = {}): string {
  const users = `${formatCount(count)} ${count === 1 ? 'user' : 'users'}`;
  const narrowed = filters.search !== undefined || filters.step !== undefined ? ' (as filtered)' : '';
  return view === 'all'
    ? `all ${users}${narrowed}`
    : `${users} with status ${STATUS_VIEW_LABELS[view].toLowerCase()}${narrowed}`;
}

/** Walks every page of the view into a CSV file, with progress and a cancel. */
export function ExportUsersButton({ testId, view, expected, settled, filters }: ExportUsersButtonProps) {
  return (
    <CsvExport
      describe={describeView(view, expected, filters)}
      expected={expected}
      what="every page of users for the export"
      runningNote={settled ? undefined : 'The test is still running: the file holds the users processed so far.'}
      build={async (signal, onProgress) => {
        const result = await exportUsersCsv({
          testId,
          view,
          expected,
          settled,
          filters,
          signal,
          onProgress: (progress) => onProgress(progress.users, progress.expected),
        });
        return { parts: result.parts, fileName: result.fileName, rows: result.users, notes: result.notes };
      }}
    />
  );
}
