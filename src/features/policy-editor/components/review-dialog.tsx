import { useMemo, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmDialogProps } from '@/components/dialog';
import { TooDeepNote } from '@/components/states/too-deep-note';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { ChangeSummary, describeNewPolicy, diffPolicies, StructuralDiffView } from '@/features/policy-diff';

/** The dialog's own props pass through: whether it is open, its confirm, and the save's state. */
export interface ReviewDialogProps extends Pick<
  ConfirmDialogProps,
  'open' | 'confirmLabel' | 'busy' | 'error' | 'onConfirm' | 'onCancel'
> {
  /** What the change is measured against; undefined for a new policy. */
  before: Policy | undefined;
  after: Policy;
  /** "version 3 (where this edit started)". */
  beforeLabel: string;
  warning?: ReactNode;
  /** What the confirm is doing while busy, e.g. "Checking for newer versions…". */
  busyLabel?: string;
}

/** Before a save: what the new version changes, part by part, from the version the edit started from. */
export default function ReviewDialog({
  before,
  after,
  beforeLabel,
  warning,
  busyLabel = 'Saving…',
  ...dialog
}: ReviewDialogProps) {
  const diff = useMemo(() => (before ? diffPolicies(before, after) : undefined), [before, after]);
  return (
    <ConfirmDialog
      {...dialog}
      wide
      title={before ? `Review the changes against ${beforeLabel}` : `Review the new policy ${after.id}`}
      busyLabel={busyLabel}
    >
      {warning}
      <TooDeepNote policy={after} />
      {diff ? (
        <>
          {diff.identical && (
            <p className="editor__warning">
              Nothing changed: saving would store a copy of {beforeLabel} as a new version.
            </p>
          )}
          {!diff.identical && (
            <>
              <h3 className="editor__review-heading">In short</h3>
              <ChangeSummary items={diff.summary} />
              <h3 className="editor__review-heading">Part by part</h3>
              <StructuralDiffView diff={diff} idPrefix="review" headingLevel={4} />
            </>
          )}
        </>
      ) : (
        <NewPolicySummary policy={after} />
      )}
    </ConfirmDialog>
  );
}

function NewPolicySummary({ policy }: { policy: Policy }) {
  const diff = describeNewPolicy(policy);
  return (
    <>
      <p>
        A new policy <code className="mono">{policy.id}</code> with{' '}
        {policy.steps.length === 1 ? '1 step' : `${policy.steps.length} steps`}. It is stored as version 1.
      </p>
      <StructuralDiffView diff={diff} idPrefix="review" headingLevel={4} />
    </>
  );
}
