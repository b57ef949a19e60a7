import { useMutation, useQueryClient } from '@tanstack/react-query';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyWriteBody } from '@/lib/api/guardian/policy-wire';
import { capDepth } from '@/lib/json/json-depth';
import { refuseMaskedValues } from '@/lib/secrets';
import type { SavePolicyInput } from './create-policy';
import { rememberSavedPolicy } from './save-policy-cache';

/** PUT /policies/{id}: stores the full policy as version latest+1; older versions never change. */
export async function updatePolicy({ policy, dryRun }: SavePolicyInput, signal?: AbortSignal): Promise<Policy> {
  const { policy: saved } = await guardianRequest(
    loadPolicySchemas().then((s) => s.policyEnvelopeSchema),
    {
      method: 'PUT',
      path: `/policies/${encodeURIComponent(policy.id)}`,
      query: { dry_run: dryRun ? true : undefined },
      body: refuseMaskedValues(policyWriteBody(policy)),
      signal,
      what: 'the updated policy',
    },
  );
  return capDepth(saved).value;
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavePolicyInput) => updatePolicy(input),
    onSuccess: async (saved, input) => {
      if (!input.dryRun) await rememberSavedPolicy(queryClient, saved);
    },
  });
}
