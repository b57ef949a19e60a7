import { Icon, type IconName } from '@/components/icon/icon';
import { useEditorUiValue } from './editor-ui-store';

interface EditorToolbarProps {
  isNew: boolean;
  busy: boolean;
  checking: boolean;
  onCheck: () => void;
  onImport: () => void;
  testingDraft: boolean;
  onTestDraft: () => void;
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Why a draft is not being written, in the words the admin needs to act on it. */
const DRAFT_NOT_KEPT = {
  full: 'This browser’s storage is full: your draft is not being kept.',
  unavailable: 'This browser does not let the console store data: your draft is not being kept.',
} as const;

function DraftStatus() {
  const { dirty, savedAt, notKept } = useEditorUiValue((store) => store.draft);
  if (!dirty) return <span className="muted">No unsaved changes</span>;
  return (
    <span className="editor__status">
      <span className="badge badge--warning">
        <Icon name="edit" />
        Unsaved changes
      </span>
      {notKept ? (
        <span className="editor__status-warning" role="status">
          <Icon name="info" /> {DRAFT_NOT_KEPT[notKept]}
        </span>
      ) : (
        savedAt && <span className="muted">Draft kept in this browser at {time.format(savedAt)}</span>
      )}
    </span>
  );
}

/** Always in reach: what state the edit is in, and the ways to check and save it. */
export function EditorToolbar({
  isNew,
  busy,
  checking,
  onCheck,
  onImport,
  testingDraft,
  onTestDraft,
}: EditorToolbarProps) {
  // Checks that run beside the form: each says it is running, and none starts while a save is prepared.
  const checks: { icon: IconName; label: string; pendingLabel: string; pending: boolean; onClick: () => void }[] = [
    { icon: 'flask', label: 'Check with server', pendingLabel: 'Checking…', pending: checking, onClick: onCheck },
    {
      icon: 'tests',
      label: 'Test this draft',
      pendingLabel: 'Starting the test…',
      pending: testingDraft,
      onClick: onTestDraft,
    },
  ];
  return (
    <div className="editor__toolbar">
      <div className="editor__toolbar-status" aria-live="off">
        <DraftStatus />
      </div>
      <div className="editor__toolbar-actions">
        <button type="button" className="button" onClick={onImport}>
          <Icon name="download" />
          Import YAML or JSON
        </button>
        {checks.map(({ icon, label, pendingLabel, pending, onClick }) => (
          <button
            key={label}
            type="button"
            className="button"
            onClick={onClick}
            disabled={pending || busy}
            aria-busy={pending || undefined}
          >
            <Icon name={icon} />
            {pending ? pendingLabel : label}
          </button>
        ))}
        <button type="submit" className="button button--primary" disabled={busy}>
          <Icon name="approved" />
          {busy ? 'Preparing…' : isNew ? 'Review and create' : 'Review and save'}
        </button>
      </div>
    </div>
  );
}
