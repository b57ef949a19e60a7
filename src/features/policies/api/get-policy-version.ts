import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api/api-error';
import { capDepth } from '@/lib/json/json-depth';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyKeys } from './policy-keys';

/** `version` 0 asks Guardian for the latest version. */
export async function getPolicyVersion(
  { id, version }: { id: string; version: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<Policy> {
  const { policy } = await guardianRequest(
    loadPolicySchemas().then((s) => s.policyEnvelopeSchema),
    {
      path: `/policies/${encodeURIComponent(id)}/versions/${version}`,
      signal,
      what: 'a policy version',
    },
  );
  return capDepth(policy).value;
}

export const policyVersionQueryOptions = (id: string, version: number) =>
  queryOptions({
    queryKey: policyKeys.version(id, version),
    queryFn: ({ signal }) => getPolicyVersion({ id, version }, { signal }),
    // A saved version never changes; only "latest" (0) moves.
    staleTime: version === 0 ? 30_000 : Infinity,
  });

export function usePolicyVersion(id: string, version: number) {
  return useQuery(policyVersionQueryOptions(id, version));
}

/** The latest version as the server has it now (never from the cache); undefined when there is no such policy. */
export async function fetchLatestPolicy(queryClient: QueryClient, id: string): Promise<Policy | undefined> {
  try {
    return await queryClient.fetchQuery({ ...policyVersionQueryOptions(id, 0), staleTime: 0 });
  } catch (error) {
    if (isApiError(error) && error.kind === 'http' && error.status === 404) return undefined;
    throw error;
  }
}
