import { formatDate } from '@/lib/format/format-date';
import type { ApplyJournal } from '../apply/apply-journal';

/** After a reload mid-apply: what had been applied, what had not answered, and why planning again is safe. */
export function InterruptedNotice({ journal, onDismiss }: { journal: ApplyJournal; onDismiss: () => void }) {
  const applied = journal.files.filter((file) => file.state === 'applied');
  const pending = journal.files.filter((file) => file.state === 'pending');
  return (
    <div className="apply-interrupted" role="status">
      <p>
        <strong>An apply was cut short</strong> (started {formatDate(journal.startedAt)}): {applied.length} of{' '}
        {journal.files.length} files had been applied
        {applied.length > 0 && (
          <>
            {' '}
            (
            {applied.map((file, i) => (
              <span key={file.path}>
                {i > 0 && ', '}
                <code className="mono">{file.path}</code>
                {file.version !== undefined && ` → v${file.version}`}
              </span>
            ))}
            )
          </>
        )}
        ; {pending.length} had not answered.
      </p>
      <p>
        Choose the same files again: what the server already holds shows as unchanged and is not applied twice.{' '}
        <button type="button" className="button button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
