import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ConfirmDialog } from '@/components/dialog';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { TooDeepNote } from '@/components/states/too-deep-note';
import { WriteProblemState } from '@/components/states/write-problem-state';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { WriteProblem } from '@/lib/api/uncertain-write';
import { formatDate } from '@/lib/format/format-date';
import { ChangeSummary, StructuralDiffView, diffPolicies } from '@/features/policy-diff';
import { policyVersionQueryOptions } from '../api/get-policy-version';

interface RestoreDialogProps {
  open: boolean;
  /** The version to bring back. */
  policy: Policy;
  /** The latest version the restore is measured against; the restore saves the one after it. */
  latestVersion: number;
  /** A version someone saved while the dialog was open, and the latest the dialog showed before. */
  newer?: { theirs: Policy; before: number };
  onCancel: () => void;
  onConfirm: () => void;
  /** What the confirm is doing, while it runs. */
  busy: string | undefined;
  problem: WriteProblem | undefined;
}

/** "Restore v3 as v8?": shows what the new version changes against the latest before saving. */
export function RestoreDialog({
  open,
  policy,
  latestVersion,
  newer,
  onCancel,
  onConfirm,
  busy,
  problem,
}: RestoreDialogProps) {
  const latest = useQuery({ ...policyVersionQueryOptions(policy.id, latestVersion), enabled: open });
  const diff = useMemo(() => (latest.data ? diffPolicies(latest.data, policy) : undefined), [latest.data, policy]);
  return (
    <ConfirmDialog
      open={open}
      wide
      title={`Restore v${policy.version} as a new version?`}
      confirmLabel={problem?.kind === 'unknown' ? 'Check whether it was saved' : `Save as v${latestVersion + 1}`}
      busyLabel={busy}
      busy={busy !== undefined}
      onCancel={onCancel}
      onConfirm={onConfirm}
      error={problem && <WriteProblemState problem={problem} />}
    >
      {newer && <NewerVersion policy={policy} newer={newer} />}
      <TooDeepNote policy={policy} />
      <p>
        This saves the content of v{policy.version} as a new version, v{latestVersion + 1}. No version is changed or
        deleted; v{latestVersion} stays in the history.
      </p>
      {latest.isPending && <LoadingState label={`Loading v${latestVersion} to compare…`} />}
      {latest.isError && (
        <ErrorState compact error={latest.error} what={`v${latestVersion}`} onRetry={() => void latest.refetch()} />
      )}
      {diff && (
        <>
          <h3>
            Changes against the latest version (v{latestVersion} → v{latestVersion + 1})
          </h3>
          <ChangeSummary items={diff.summary} />
          {!diff.identical && (
            <details className="restore-dialog__details">
              <summary>Field by field</summary>
              <StructuralDiffView diff={diff} idPrefix="restore" headingLevel={4} />
            </details>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}

/** Someone saved while the dialog was open: nothing was restored; here is what they changed. */
function NewerVersion({ policy, newer }: { policy: Policy; newer: { theirs: Policy; before: number } }) {
  const { theirs, before } = newer;
  const previous = useQuery(policyVersionQueryOptions(policy.id, before));
  const theirChange = useMemo(
    () => (previous.data ? diffPolicies(previous.data, theirs) : undefined),
    [previous.data, theirs],
  );
  const when = theirs.updatedAt ?? theirs.createdAt;
  return (
    <div className="policy-notice policy-notice--warning" role="alert">
      <p>
        <strong>
          {theirs.createdBy ?? 'Someone'} saved v{theirs.version}
          {when ? ` (${formatDate(when)})` : ''} while this dialog was open.
        </strong>{' '}
        Nothing was restored. What follows is now measured against v{theirs.version}: check it, then save again if v
        {policy.version} should still replace it.
      </p>
      {theirChange && !theirChange.identical && (
        <>
          <p>Their change to v{before}:</p>
          <ChangeSummary items={theirChange.summary} />
        </>
      )}
    </div>
  );
}
