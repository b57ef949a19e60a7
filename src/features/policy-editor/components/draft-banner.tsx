import { Icon } from '@/components/icon/icon';
import { formatDate } from '@/lib/format/format-date';
import type { Draft } from '../draft/draft-storage';

interface DraftBannerProps {
  draft: Draft;
  /** The version this page starts from, to tell a draft made on another one. */
  currentBaseVersion: number | null;
  restoring: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}

/** After a reload or a crash: the unsaved changes this browser kept, to restore or throw away. */
export function DraftBanner({ draft, currentBaseVersion, restoring, onRestore, onDiscard }: DraftBannerProps) {
  const otherBase = draft.baseVersion !== null && draft.baseVersion !== currentBaseVersion;
  return (
    <div className="editor__banner editor__banner--info" role="region" aria-label="Unsaved draft">
      <Icon name="restore" />
      <div className="editor__banner-body">
        <p className="editor__banner-title">You have unsaved changes from {formatDate(draft.savedAt)}.</p>
        <p>
          This browser kept them as a draft{draft.baseVersion !== null ? `, made on version ${draft.baseVersion}` : ''}.
          {otherBase &&
            ` The page opened version ${currentBaseVersion}; restoring goes back to editing from version ${draft.baseVersion}.`}
          {draft.missingSecrets.length > 0 &&
            ` Drafts never keep secrets: after restoring, type ${draft.missingSecrets.join(', ')} again.`}
        </p>
        <div className="editor__banner-actions">
          <button
            type="button"
            className="button button--primary button--small"
            onClick={onRestore}
            disabled={restoring}
          >
            {restoring ? 'Restoring…' : 'Restore my changes'}
          </button>
          <button type="button" className="button button--small" onClick={onDiscard} disabled={restoring}>
            Discard them
          </button>
        </div>
      </div>
    </div>
  );
}
