import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { mayHaveBeenStored } from '@/lib/api/uncertain-write';
import { checkWriteLanded, fetchLatestPolicy } from '@/features/policies';
import { validationMessageOf } from '../server-errors/is-validation-error';
import type { SaveStage } from './use-save-flow';

/** Why the review dialog's save did not go through, and what is known about the server's state. */
export type SaveProblem =
  /** The check for newer versions failed: nothing was sent. */
  | { kind: 'recheck-failed'; error: unknown }
  /** The server refused or failed in a way that stores nothing. */
  | { kind: 'failed'; error: unknown }
  /** The answer was lost (timeout, cut connection, gateway error): looking at the server now. */
  | { kind: 'verifying'; error: unknown }
  /** Looked: nothing was stored, so saving again is safe. */
  | { kind: 'not-stored'; error: unknown; latest: number | undefined }
  /** The answer was lost and the look failed too: nobody knows yet whether it was stored. */
  | { kind: 'unknown'; error: unknown; checkError: unknown };

interface ConfirmSaveOptions {
  isNew: boolean;
  stage: SaveStage;
  setStage(stage: SaveStage): void;
  /** Sends the policy (create or update). */
  send(policy: Policy): Promise<Policy>;
  /** The write is stored; `notice` says what the admin should know about how. */
  onSaved(saved: Policy, notice?: string): void;
  onIdTaken(version: number): void;
  /** Guardian refused the policy itself: its words go on the fields. */
  onRejected(message: string): void;
}

/**
 * The review dialog's "Save as version N": checked again at the moment of the click (someone may
 * have saved while the dialog was open), then sent. A write whose answer is lost is never reported
 * as "nothing saved" nor offered again before the server was asked what it holds.
 */
export function useConfirmSave({ isNew, stage, setStage, send, onSaved, onIdTaken, onRejected }: ConfirmSaveOptions) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<SaveProblem>();
  const [busy, setBusy] = useState<string>();
  const running = useRef(false);

  async function verify(policy: Policy, latestBefore: number | null, error: unknown) {
    setProblem({ kind: 'verifying', error });
    setBusy('Checking whether it was saved…');
    try {
      const check = await checkWriteLanded(queryClient, { sent: policy, latestBefore });
      if (check.kind === 'stored') {
        setProblem(undefined);
        const since =
          check.latest.version > check.saved.version
            ? ` Version ${check.latest.version}, saved since by someone else, is now the latest.`
            : '';
        onSaved(
          check.saved,
          `The server’s answer was lost, but it had saved your change as version ${check.saved.version}.${since}`,
        );
      } else if (check.kind === 'not-stored') {
        setProblem({ kind: 'not-stored', error, latest: check.latest?.version });
      } else if (isNew) {
        setProblem(undefined);
        setStage({ kind: 'idle' });
        onIdTaken(check.latest.version);
      } else {
        setProblem(undefined);
        setStage({ kind: 'conflict', theirs: check.latest, policy });
      }
    } catch (checkError) {
      setProblem({ kind: 'unknown', error, checkError });
    }
  }

  async function run(action: (review: Extract<SaveStage, { kind: 'review' }>) => Promise<void>) {
    if (stage.kind !== 'review' || running.current) return;
    running.current = true;
    try {
      await action(stage);
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  }

  const confirm = () =>
    run(async ({ policy, latestVersion }) => {
      setProblem(undefined);
      setBusy('Checking for newer versions…');
      let latest: Policy | undefined;
      try {
        latest = await fetchLatestPolicy(queryClient, policy.id);
      } catch (error) {
        setProblem({ kind: 'recheck-failed', error });
        return;
      }
      if (isNew && latest) {
        setStage({ kind: 'idle' });
        onIdTaken(latest.version);
        return;
      }
      if (!isNew && latest && latest.version !== latestVersion) {
        setStage({ kind: 'conflict', theirs: latest, policy });
        return;
      }
      setBusy('Saving…');
      try {
        const saved = await send(policy);
        setProblem(undefined);
        onSaved(saved, versionNote(saved, latestVersion));
      } catch (error) {
        const message = validationMessageOf(error);
        if (message) {
          setProblem(undefined);
          onRejected(message);
        } else if (mayHaveBeenStored(error)) {
          await verify(policy, latestVersion, error);
        } else {
          setProblem({ kind: 'failed', error });
        }
      }
    });

  /** After a lost answer and a failed look: look again (never send again before knowing). */
  const checkAgain = () =>
    run(async ({ policy, latestVersion }) => {
      if (problem?.kind === 'unknown') await verify(policy, latestVersion, problem.error);
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
