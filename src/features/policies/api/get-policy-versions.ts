import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { PolicyCatalog } from '../catalog/policy-catalog';
import { versionsOf, type VersionStamp } from '../catalog/summarize-policies';
import { getPolicies } from './get-policies';
import { policyKeys } from './policy-keys';

/**
 * Every version of one policy, newest first. Guardian has no list-versions call: they come from the
 * catalog when it is loaded (opening a policy from the catalog fetches no list); otherwise from the
 * list filtered by `ids` — goto/guardian sends only that policy, raystack the whole list, which then
 * becomes the catalog too.
 */
async function getPolicyVersions(
  queryClient: QueryClient,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<VersionStamp[]> {
  const loaded = queryClient.getQueryData<PolicyCatalog>(policyKeys.list());
  if (loaded) return versionsOf(loaded.policies, id);
  const catalog = await getPolicies({ signal, ids: [id] });
  if (!catalog.serverPages && catalog.policies.some((p) => p.id !== id)) {
    queryClient.setQueryData(policyKeys.list(), catalog);
  }
  return versionsOf(catalog.policies, id);
}

const policyVersionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: policyKeys.versions(id),
    queryFn: ({ client, signal }) => getPolicyVersions(client, id, { signal }),
    staleTime: 30_000,
  });

export function usePolicyVersions(id: string) {
  return useQuery(policyVersionsQueryOptions(id));
}
