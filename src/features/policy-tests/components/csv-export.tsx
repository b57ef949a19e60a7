import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { ErrorState } from '@/components/states/error-state';
import { isApiError } from '@/lib/api/api-error';
import { downloadFile } from '@/lib/csv/download-file';
import { formatCount } from '@/lib/format/format-number';

interface CsvFile {
  parts: BlobPart[];
  fileName: string;
  rows: number;
  /** What the file leaves out of what the server sent, and why. */
  notes?: string[];
}

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; expected: number }
  | { kind: 'done'; file: CsvFile }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

interface CsvExportProps {
  /** What the file holds, for the button's name and the progress label: "all 5,000 users". */
  describe: string;
  /** Rows the file should hold, for the progress bar. */
  expected: number;
  disabled?: boolean;
  /** What a failure could not fetch, for the error message. */
  what: string;
  /** Said under the progress bar while the file is being written. */
  runningNote?: ReactNode;
  build(signal: AbortSignal, onProgress: (done: number, expected: number) => void): Promise<CsvFile>;
}

/** "Export CSV" of a list of users: builds the file (with progress and a cancel when it takes a while), then downloads it. */
export function CsvExport({ describe, expected, disabled, what, runningNote, build }: CsvExportProps) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops the export.
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', done: 0, expected });
    try {
      const file = await build(abort.signal, (done, total) => setState({ kind: 'running', done, expected: total }));
      downloadFile(file.parts, file.fileName);
      setState({ kind: 'done', file });
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
          <ProgressBar label={`Exporting ${describe}`} value={state.done} max={Math.max(state.expected, 1)} />
          <button type="button" className="button button--small" onClick={() => controller.current?.abort()}>
            <Icon name="x" />
            Cancel export
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => void start()} disabled={disabled || expected === 0}>
          <Icon name="download" />
          Export CSV
          <span className="visually-hidden">: {describe}</span>
        </button>
      )}
      <div role="status" className="export__status">
        {state.kind === 'done' && (
          <span>
            Saved <span className="mono">{state.file.fileName}</span> ({formatCount(state.file.rows)}{' '}
            {state.file.rows === 1 ? 'user' : 'users'}).
            {state.file.notes?.length ? ` ${state.file.notes.join(' ')}` : ''}
          </span>
        )}
        {state.kind === 'cancelled' && <span>Export cancelled; nothing was saved.</span>}
        {state.kind === 'running' && runningNote && <span className="muted">{runningNote}</span>}
      </div>
      {state.kind === 'failed' && <ErrorState compact error={state.error} what={what} onRetry={() => void start()} />}
    </div>
  );
}
