import { useEffect, useRef, useState } from 'react';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { ErrorState } from '@/components/states/error-state';
import { isApiError } from '@/lib/api/api-error';
import { downloadFile } from '@/lib/csv/download-file';
import { formatCount } from '@/lib/format/format-number';
import { exportUsersCsv, type ExportProgress } from '../export/export-users-csv';
import { STATUS_VIEW_LABELS, type StatusView } from '../users/users-url-params';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExportProgress }
  | { kind: 'done'; users: number; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

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
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops the walk.
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', progress: { users: 0, expected } });
    try {
      const result = await exportUsersCsv({
        testId,
        view,
        expected,
        settled,
        signal: abort.signal,
        onProgress: (progress) => setState({ kind: 'running', progress }),
      });
      downloadFile(result.parts, result.fileName);
      setState({ kind: 'done', users: result.users, fileName: result.fileName });
    } catch (error) {
      if (abort.signal.aborted || (isApiError(error) && error.kind === 'aborted')) setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', error });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  return (
    <div className="export">
      {state.kind === 'running' ? (
        <div className="export__running">
          <ProgressBar
            label={`Exporting ${describeView(view, expected)}`}
            value={state.progress.users}
            max={Math.max(state.progress.expected, 1)}
          />
          <button type="button" className="button button--small" onClick={() => controller.current?.abort()}>
            <Icon name="x" />
            Cancel export
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => void start()} disabled={expected === 0}>
          <Icon name="download" />
          Export CSV
          <span className="visually-hidden">: {describeView(view, expected)}</span>
        </button>
      )}
      <div role="status" className="export__status">
        {state.kind === 'done' && (
          <span>
            Saved <span className="mono">{state.fileName}</span> ({formatCount(state.users)} users).
          </span>
        )}
        {state.kind === 'cancelled' && <span>Export cancelled; nothing was saved.</span>}
        {state.kind === 'running' && !settled && (
          <span className="muted">The test is still running: the file holds the users processed so far.</span>
        )}
      </div>
      {state.kind === 'failed' && (
        <ErrorState
          compact
          error={state.error}
          what="every page of users for the export"
          onRetry={() => void start()}
        />
      )}
    </div>
  );
}
