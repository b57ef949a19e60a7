import { Icon } from '@/components/icon/icon';
import { formatDate } from '@/lib/format/format-date';
import type { Draft } from '../draft/draft-storage';

interface DraftBannerProps {
  drafts: Draft[];
  /** The version this page starts from, to tell a draft made on another one. */
  currentBaseVersion: number | null;
  /** The key of the draft being restored, if one is. */
  restoring: string | undefined;
  onRestore: (draft: Draft) => void;
  onDiscard: (draft: Draft) => void;
}

/** After a reload, a crash or an edit in another tab: the unsaved changes this browser kept, to restore or throw away. */
export function DraftBanner({ drafts, currentBaseVersion, restoring, onRestore, onDiscard }: DraftBannerProps) {
  if (drafts.length === 0) return null;
  const [only] = drafts;
  return (
    <div
      className="editor__banner editor__banner--info"
      role="region"
      aria-label={drafts.length === 1 ? 'Unsaved draft' : 'Unsaved drafts'}
    >
      <Icon name="restore" />
      <div className="editor__banner-body">
        {drafts.length === 1 && only ? (
          <>
            <p className="editor__banner-title">
              You have unsaved changes from {formatDate(only.savedAt)}
              {only.fromThisTab ? '' : ', made in another tab'}.
            </p>
            <DraftFacts draft={only} currentBaseVersion={currentBaseVersion} />
            <DraftActions draft={only} restoring={restoring} onRestore={onRestore} onDiscard={onDiscard} />
          </>
        ) : (
          <>
            <p className="editor__banner-title">
              This browser kept {drafts.length} drafts of this policy, from different tabs. Restore one of them, or
              discard those you do not need.
            </p>
            <ul className="editor__drafts">
              {drafts.map((draft) => (
                <li key={draft.key}>
                  <p>
                    <strong>{formatDate(draft.savedAt)}</strong>
                    {draft.fromThisTab ? ' (this tab)' : ' (another tab)'}
                    {draft.baseVersion !== null ? `, made on version ${draft.baseVersion}` : ''}.
                  </p>
                  <DraftFacts draft={draft} currentBaseVersion={currentBaseVersion} short />
                  <DraftActions draft={draft} restoring={restoring} onRestore={onRestore} onDiscard={onDiscard} named />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function DraftFacts({
  draft,
  currentBaseVersion,
  short,
}: {
  draft: Draft;
  currentBaseVersion: number | null;
  short?: boolean;
}) {
  const otherBase = draft.baseVersion !== null && draft.baseVersion !== currentBaseVersion;
  const facts = [
    !short &&
      `This browser kept them as a draft${draft.baseVersion !== null ? `, made on version ${draft.baseVersion}` : ''}.`,
    otherBase &&
      `The page opened version ${currentBaseVersion}; restoring goes back to editing from version ${draft.baseVersion}.`,
    draft.missingSecrets.length > 0 &&
      `Drafts never keep secrets: after restoring, type ${draft.missingSecrets.join(', ')} again.`,
  ].filter(Boolean);
  return facts.length > 0 ? <p>{facts.join(' ')}</p> : null;
}

function DraftActions({
  draft,
  restoring,
  onRestore,
  onDiscard,
  named,
}: {
  draft: Draft;
  restoring: string | undefined;
  onRestore: (draft: Draft) => void;
  onDiscard: (draft: Draft) => void;
  /** Several drafts on the page: each button says which one it acts on. */
  named?: boolean;
}) {
  const which = named
    ? ` from ${formatDate(draft.savedAt)} (${draft.fromThisTab ? 'this tab' : 'another tab'}${
        draft.baseVersion !== null ? `, version ${draft.baseVersion}` : ''
      })`
    : '';
  return (
    <div className="editor__banner-actions">
      <button
        type="button"
        className="button button--primary button--small"
        onClick={() => onRestore(draft)}
        disabled={restoring !== undefined}
        aria-label={named ? `Restore the draft${which}` : undefined}
      >
        {restoring === draft.key ? 'Restoring…' : named ? 'Restore' : 'Restore my changes'}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => onDiscard(draft)}
        disabled={restoring !== undefined}
        aria-label={named ? `Discard the draft${which}` : undefined}
      >
        {named ? 'Discard' : 'Discard them'}
      </button>
    </div>
  );
}
