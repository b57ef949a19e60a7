import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from '@/lib/router/use-navigate';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyList } from '../api/get-policies';
import { policyKeys } from '../api/policy-keys';
import { useUpdatePolicy } from '../api/update-policy';
import { useGuardedSave, type GuardedSaveHandlers } from '../save/use-guarded-save';
import { versionPath } from './version-paths';

/**
 * "Restore as new version": the latest version the dialog compares against is checked again at
 * confirm; a newer one saved meanwhile stops the restore and becomes what the dialog shows. A lost
 * answer is looked into before anything is sent again.
 */
export function useRestore(policy: Policy, listLatest: number) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdatePolicy();
  const guarded = useGuardedSave((sent) => update.mutateAsync({ policy: sent }));
  const [open, setOpen] = useState(false);
  const [shownLatest, setShownLatest] = useState(listLatest);
  /** A version saved while the dialog was open, and the one the dialog showed before it. */
  const [newer, setNewer] = useState<{ theirs: Policy; before: number }>();

  const handlers: GuardedSaveHandlers = {
    onSaved: (saved, notice) => {
      setOpen(false);
      void navigate(versionPath(saved.id, saved.version), {
        state: { notice: notice ?? `Restored v${policy.version} as v${saved.version}.`, saved: true },
      });
    },
    onNewer: (theirs) => {
      setNewer({ theirs, before: shownLatest });
      setShownLatest(theirs.version);
      // The page behind the dialog (timeline, "the latest is …") learns of it too.
      policyList.invalidate();
      void queryClient.invalidateQueries({ queryKey: policyKeys.versions(policy.id) });
    },
    // A restore always adds a version to an existing policy.
    onIdTaken: () => undefined,
  };
  const save = { policy, latestVersion: shownLatest };

  return {
    open,
    latestVersion: shownLatest,
    newer,
    problem: guarded.problem,
    busy: guarded.busy,
    start() {
      guarded.reset();
      setNewer(undefined);
      setShownLatest(Math.max(listLatest, shownLatest));
      setOpen(true);
    },
    cancel() {
      guarded.reset();
      setOpen(false);
    },
    confirm: () => void guarded.confirm(save, handlers),
    checkAgain: () => void guarded.checkAgain(save, handlers),
  };
}
