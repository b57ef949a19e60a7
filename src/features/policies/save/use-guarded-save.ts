import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { mayHaveBeenStored, type WriteProblem } from '@/lib/api/uncertain-write';
import { checkWriteLanded } from '../api/check-write-landed';
import { fetchLatestPolicy } from '../api/get-policy-version';

export interface GuardedSave {
  policy: Policy;
  /** The latest version the admin was shown (null: a new policy). The write makes the one after it. */
  latestVersion: number | null;
}

export interface GuardedSaveHandlers {
  /** The write is stored; `notice` says what the admin should know about how. */
  onSaved(saved: Policy, notice?: string): void;
  /** Someone else saved a version the admin was not shown: stop, and show it. */
  onNewer(latest: Policy): void;
  /** A new policy's id was taken meanwhile. */
  onIdTaken(version: number): void;
  /** The server refused the policy itself (its words go on the fields); undefined: not such a refusal. */
  rejection?(error: unknown): string | undefined;
  onRejected?(message: string): void;
}

/**
 * A confirmed write of a policy version, as the editor's review and the version view's Restore do
 * it. Checked again at the moment of the click (someone may have saved while the dialog was open),
 * then sent. A write whose answer is lost is never reported as "nothing saved", nor sent again,
 * before the server was asked what it holds.
 */
export function useGuardedSave(send: (policy: Policy) => Promise<Policy>) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<WriteProblem>();
  const [busy, setBusy] = useState<string>();
  const running = useRef(false);

  async function verify({ policy, latestVersion }: GuardedSave, error: unknown, handlers: GuardedSaveHandlers) {
    setProblem({ kind: 'verifying', error });
    setBusy('Checking whether it was saved…');
    try {
      const check = await checkWriteLanded(queryClient, { sent: policy, latestBefore: latestVersion });
      if (check.kind === 'stored') {
        setProblem(undefined);
        const since =
          check.latest.version > check.saved.version
            ? ` Version ${check.latest.version}, saved since by someone else, is now the latest.`
            : '';
        handlers.onSaved(
          check.saved,
          `The server’s answer was lost, but it had saved this as version ${check.saved.version}.${since}`,
        );
      } else if (check.kind === 'not-stored') {
        setProblem({ kind: 'not-stored', error, latest: check.latest?.version });
      } else {
        setProblem(undefined);
        if (latestVersion === null) handlers.onIdTaken(check.latest.version);
        else handlers.onNewer(check.latest);
      }
    } catch (checkError) {
      setProblem({ kind: 'unknown', error, checkError });
    }
  }

  async function run(action: () => Promise<void>) {
    if (running.current) return;
    running.current = true;
    try {
      await action();
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  }

  const confirm = (save: GuardedSave, handlers: GuardedSaveHandlers) =>
    run(async () => {
      const { policy, latestVersion } = save;
      setProblem(undefined);
      setBusy('Checking for newer versions…');
      let latest: Policy | undefined;
      try {
        latest = await fetchLatestPolicy(queryClient, policy.id);
      } catch (error) {
        setProblem({ kind: 'recheck-failed', error });
        return;
      }
      if (latestVersion === null && latest) return handlers.onIdTaken(latest.version);
      if (latestVersion !== null && latest && latest.version !== latestVersion) return handlers.onNewer(latest);
      setBusy('Saving…');
      try {
        const saved = await send(policy);
        setProblem(undefined);
        handlers.onSaved(saved, versionNote(saved, latestVersion));
      } catch (error) {
        const message = handlers.rejection?.(error);
        if (message !== undefined) {
          setProblem(undefined);
          handlers.onRejected?.(message);
        } else if (mayHaveBeenStored(error)) {
          await verify(save, error, handlers);
        } else {
          setProblem({ kind: 'failed', error });
        }
      }
    });

  /** After a lost answer and a failed look: look again (never send again before knowing). */
  const checkAgain = (save: GuardedSave, handlers: GuardedSaveHandlers) =>
    run(async () => {
      if (problem?.kind === 'unknown') await verify(save, problem.error, handlers);
    });

  return { problem, busy, confirm, checkAgain, reset: () => setProblem(undefined) };
}

/**
 * Between the check at confirm and the write there is still a moment (Guardian has no conditional
 * update): if someone saved in it, this save made the version after theirs. Say so rather than
 * land quietly on a number nobody was shown.
 */
function versionNote(saved: Policy, latestVersion: number | null): string | undefined {
  if (latestVersion === null || saved.version === latestVersion + 1) return undefined;
  const shown = latestVersion + 1;
  return (
    `Saved as version ${saved.version}, not ${shown}: someone saved version ${shown} a moment before yours. ` +
    `Yours is the latest; compare versions ${shown} and ${saved.version} to see whether it undid their change.`
  );
}
