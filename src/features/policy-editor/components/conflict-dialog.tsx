import { useMemo } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { ChangeSummary, diffPolicies, StructuralDiffView } from '@/features/policy-diff';
import { formatDate } from '@/lib/format/format-date';
import { ChoiceDialog } from '@/components/dialog';

export interface ConflictDialogProps {
  open: boolean;
  base: Policy;
  theirs: Policy;
  /** Whether a save is waiting on the answer (then "overwrite" is offered). */
  saving: boolean;
  onKeepEditing: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}

/** Someone saved a newer version after this edit began: what they changed, and what to do about it. */
export default function ConflictDialog({
  open,
  base,
  theirs,
  saving,
  onKeepEditing,
  onOverwrite,
  onCancel,
}: ConflictDialogProps) {
  const diff = useMemo(() => diffPolicies(base, theirs), [base, theirs]);
  const who = theirs.createdBy ? theirs.createdBy : 'Someone';
  const when = theirs.updatedAt ?? theirs.createdAt;
  return (
    <ChoiceDialog
      open={open}
      wide
      title={`${who} saved version ${theirs.version} while you were editing`}
      onDismiss={onCancel}
      choices={[
        { label: 'Cancel', onChoose: onCancel },
        ...(saving ? [{ label: 'Overwrite with mine', onChoose: onOverwrite, tone: 'danger' as const }] : []),
        { label: 'Keep editing on top of theirs', onChoose: onKeepEditing, tone: 'primary' as const },
      ]}
    >
      <p>
        Your edit started from version {base.version}. Version {theirs.version}
        {when ? `, saved ${formatDate(when)},` : ''} changed this since:
      </p>
      {diff.identical ? (
        <p className="muted">No changes in content (only the version number moved).</p>
      ) : (
        <ChangeSummary items={diff.summary} />
      )}
      {!diff.identical && (
        <details className="editor__details">
          <summary>Their change, part by part</summary>
          <StructuralDiffView diff={diff} idPrefix="theirs" headingLevel={4} />
        </details>
      )}
      <p className="field__hint">
        <strong>Keep editing on top of theirs</strong> applies your changes to version {theirs.version}; where you both
        changed the same thing, yours is kept and listed so you can check it. <strong>Overwrite</strong> saves your
        version as it is, undoing their change.
      </p>
    </ChoiceDialog>
  );
}
