import { ErrorState } from '@/components/states/error-state';
import { Icon } from '@/components/icon/icon';

export type ServerCheck =
  | { state: 'running' }
  | { state: 'accepted'; version: number; isNew: boolean }
  | { state: 'rejected'; fieldCount: number; messageCount: number }
  | { state: 'failed'; error: unknown };

/** The answer to "Check with server" (Guardian's dry run): accepted, rejected at fields, or no answer. */
export function ServerCheckPanel({ check, onRetry }: { check: ServerCheck; onRetry: () => void }) {
  switch (check.state) {
    case 'running':
      return (
        <p className="editor__banner editor__banner--info" role="status">
          <span className="spinner" aria-hidden="true" /> Asking Guardian to check this policy (dry run, nothing is
          saved)…
        </p>
      );
    case 'accepted':
      return (
        <p className="editor__banner editor__banner--success" role="status">
          <Icon name="approved" />
          <span>
            <strong>Guardian accepts this policy.</strong> Nothing was saved (dry run); saving would store{' '}
            {check.isNew ? 'it as version 1' : `version ${check.version}`}.
          </span>
        </p>
      );
    case 'rejected':
      // Said once, by the list of problems under the toolbar, field by field (ErrorSummary).
      return null;
    case 'failed':
      return <ErrorState error={check.error} doing="run Guardian’s check" onRetry={onRetry} compact />;
  }
}
