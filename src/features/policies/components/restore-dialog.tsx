import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ConfirmDialog } from '@/components/dialog';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { describeApiError } from '@/lib/api/describe-api-error';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { ChangeSummary, StructuralDiffView, diffPolicies } from '@/features/policy-diff';
import { policyVersionQueryOptions } from '../api/get-policy-version';

interface RestoreDialogProps {
  open: boolean;
  /** The version to bring back. */
  policy: Policy;
  latestVersion: number;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  error: unknown;
}

/** "Restore v3 as v8?": shows what the new version changes against the latest before saving. */
export function RestoreDialog({ open, policy, latestVersion, onCancel, onConfirm, busy, error }: RestoreDialogProps) {
  const latest = useQuery({ ...policyVersionQueryOptions(policy.id, latestVersion), enabled: open });
  const diff = useMemo(() => (latest.data ? diffPolicies(latest.data, policy) : undefined), [latest.data, policy]);
  const problem = error ? describeApiError(error) : undefined;
  return (
    <ConfirmDialog
      open={open}
      wide
      title={`Restore v${policy.version} as a new version?`}
      confirmLabel={`Save as v${latestVersion + 1}`}
      busyLabel="Saving…"
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
      error={problem && <p>{`Could not save: ${problem.title}. ${problem.message}`}</p>}
    >
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
