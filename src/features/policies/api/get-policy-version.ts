import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '@/lib/api/api-error';
import { capDepth } from '@/lib/json/json-depth';
import { guardianRequest } from '@/lib/api/guardian/guardian-client';
import { loadPolicySchemas } from '@/lib/api/guardian/load-policy-schemas';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyKeys } from './policy-keys';

/**
 * An answer for another version (or policy) than the one asked for is refused: shown under the
 * address's version it would mislabel the view, a diff or a restore. Version 0 asks for the latest,
 * whatever its number.
 */
function refuseMislabelled(policy: Policy, asked: { id: string; version: number }): void {
  const wrongId = policy.id !== asked.id;
  const wrongVersion = asked.version !== 0 && policy.version !== asked.version;
  if (!wrongId && !wrongVersion) return;
  const what = `version ${asked.version === 0 ? '0 (the latest)' : asked.version} of ${asked.id}`;
  const got = `version ${policy.version} of ${policy.id}`;
  throw new ApiError({
    kind: 'schema',
    status: 200,
    request: {
      api: 'guardian',
      method: 'GET',
      path: `/api/v1beta1/policies/${encodeURIComponent(asked.id)}/versions/${asked.version}`,
    },
    issues: [
      `policy.${wrongId ? 'id' : 'version'}: asked for ${wrongId ? asked.id : asked.version}, got ${wrongId ? policy.id : policy.version}`,
    ],
    message: `Asked for ${what}, the server answered with ${got}. It is not shown, so that nothing is labelled as a version it is not.`,
  });
}

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
  refuseMislabelled(policy, { id, version });
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
