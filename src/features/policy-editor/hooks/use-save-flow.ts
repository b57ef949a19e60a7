import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/lib/api/api-error';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { sameContent } from '@/lib/policy-document/policy-content';
import { getPolicyVersion, policyVersionQueryOptions } from '@/features/policies';

/**
 * Where a save stands. Before anything is sent: re-read the latest version (has someone else saved
 * since this edit began?), then show the review. Only the review's confirm sends the policy.
 */
export type SaveStage =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'conflict'; theirs: Policy; policy?: Policy }
  | {
      kind: 'review';
      policy: Policy;
      against?: Policy;
      againstLabel: string;
      overwriting?: Policy;
      /**
       * The latest version the review was shown against (null: a new policy). The save creates the
       * version after it, and only while it is still the latest: checked again at confirm.
       */
      latestVersion: number | null;
    };

interface PrepareInput {
  policy: Policy;
  isNew: boolean;
  base: Policy | undefined;
  latestAtStart: number | null;
}

export type PrepareOutcome =
  | { kind: 'id-taken'; version: number }
  | { kind: 'failed'; error: unknown }
  /** The latest version already holds exactly this edit: an earlier save whose answer was lost. */
  | { kind: 'already-saved'; saved: Policy }
  | { kind: 'ok' };

export function useSaveFlow() {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<SaveStage>({ kind: 'idle' });

  async function prepare({ policy, isNew, base, latestAtStart }: PrepareInput): Promise<PrepareOutcome> {
    setStage({ kind: 'preparing' });
    try {
      if (isNew) {
        // Guardian would store a clashing id as a second "version 1"; say so at the id instead.
        const existing = await getPolicyVersion({ id: policy.id, version: 0 }).catch((error: unknown) => {
          if (isApiError(error) && error.status === 404) return undefined;
          throw error;
        });
        if (existing) {
          setStage({ kind: 'idle' });
          return { kind: 'id-taken', version: existing.version };
        }
        setStage({ kind: 'review', policy, againstLabel: '', latestVersion: null });
        return { kind: 'ok' };
      }
      const latest = await queryClient.fetchQuery({ ...policyVersionQueryOptions(policy.id, 0), staleTime: 0 });
      if (latestAtStart !== null && latest.version > latestAtStart && sameContent(latest, policy)) {
        setStage({ kind: 'idle' });
        return { kind: 'already-saved', saved: latest };
      }
      if (latestAtStart !== null && latest.version > latestAtStart) {
        setStage({ kind: 'conflict', theirs: latest, policy });
        return { kind: 'ok' };
      }
      setStage({
        kind: 'review',
        policy,
        against: base,
        againstLabel: base ? `version ${base.version}${base.version === latest.version ? ' (the latest)' : ''}` : '',
        latestVersion: latest.version,
      });
      return { kind: 'ok' };
    } catch (error) {
      setStage({ kind: 'idle' });
      return { kind: 'failed', error };
    }
  }

  return { stage, setStage, prepare };
}
