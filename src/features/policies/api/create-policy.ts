import { useMutation, useQueryClient } from '@tanstack/react-query';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyWriteBody } from '@/lib/api/guardian/policy-wire';
import { capDepth } from '@/lib/json/json-depth';
import { refuseMaskedValues } from '@/lib/secrets';
import { rememberSavedPolicy } from './save-policy-cache';

export interface SavePolicyInput {
  policy: Policy;
  /** Ask the server to validate only (`?dry_run=true`); nothing is stored. */
  dryRun?: boolean;
}

/** POST /policies: a new policy, stored as version 1. */
export async function createPolicy({ policy, dryRun }: SavePolicyInput, signal?: AbortSignal): Promise<Policy> {
  const { policy: saved } = await guardianRequest(
    loadPolicySchemas().then((s) => s.policyEnvelopeSchema),
    {
      method: 'POST',
      path: '/policies',
      query: { dry_run: dryRun ? true : undefined },
      body: refuseMaskedValues(policyWriteBody(policy)),
      signal,
      what: 'the created policy',
    },
  );
  return capDepth(saved).value;
}

export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavePolicyInput) => createPolicy(input),
    onSuccess: async (saved, input) => {
      if (!input.dryRun) await rememberSavedPolicy(queryClient, saved);
    },
  });
}
