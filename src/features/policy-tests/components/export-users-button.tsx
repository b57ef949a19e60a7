import { formatCount } from '@/lib/format/format-number';
import { exportUsersCsv } from '../export/export-users-csv';
import { STATUS_VIEW_LABELS, type StatusView } from '../users/users-url-params';
import { CsvExport } from './csv-export';

interface ExportUsersButtonProps {
  testId: string;
  view: StatusView;
  /** Users the counts promise for the view. */
  expected: number;
  settled: boolean;
}

function describeView(view: StatusView, count: number): string {
  const users = `${formatCount(count)} ${count === 1 ? 'user' : 'users'}`;
  return view === 'all' ? `all ${users}` : `${users} with status ${STATUS_VIEW_LABELS[view].toLowerCase()}`;
}

/** Walks every page of the view into a CSV file, with progress and a cancel. */
export function ExportUsersButton({ testId, view, expected, settled }: ExportUsersButtonProps) {
  return (
    <CsvExport
      describe={describeView(view, expected)}
      expected={expected}
      what="every page of users for the export"
      runningNote={settled ? undefined : 'The test is still running: the file holds the users processed so far.'}
      build={async (signal, onProgress) => {
        const result = await exportUsersCsv({
          testId,
          view,
          expected,
          settled,
          signal,
          onProgress: (progress) => onProgress(progress.users, progress.expected),
        });
        return { parts: result.parts, fileName: result.fileName, rows: result.users, notes: result.notes };
      }}
    />
  );
}
