import type { QueryClient } from '@tanstack/react-query';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyKeys } from './policy-keys';

/** After a save: the new version is known exactly; the list and "latest" are stale. */
export async function rememberSavedPolicy(queryClient: QueryClient, policy: Policy): Promise<void> {
  queryClient.setQueryData(policyKeys.version(policy.id, policy.version), policy);
  queryClient.setQueryData(policyKeys.version(policy.id, 0), policy);
  await queryClient.invalidateQueries({ queryKey: policyKeys.list() });
}
