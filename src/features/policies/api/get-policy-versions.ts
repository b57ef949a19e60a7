import { queryOptions, useQuery } from '@tanstack/react-query';
import { versionsOf, type VersionStamp } from '../catalog/summarize-policies';
import { getPolicies, policyList } from './get-policies';
import { policyKeys } from './policy-keys';

/**
 * Every version of one policy, newest first. Guardian has no list-versions call: they come from the
 * catalog when it is loaded (opening a policy from the catalog fetches no list); otherwise from the
 * list filtered by `ids` — goto/guardian sends only that policy, raystack the whole list, which then
 * becomes the catalog too.
 */
async function getPolicyVersions(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<VersionStamp[]> {
  const loaded = policyList.current();
  if (loaded) return versionsOf(loaded.policies, id);
  const catalog = await getPolicies({ signal, ids: [id] });
  if (!catalog.serverPages && catalog.policies.some((p) => p.id !== id)) policyList.setData(() => catalog);
  return versionsOf(catalog.policies, id);
}

const policyVersionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: policyKeys.versions(id),
    queryFn: ({ signal }) => getPolicyVersions(id, { signal }),
    staleTime: 30_000,
  });

export function usePolicyVersions(id: string) {
  return useQuery(policyVersionsQueryOptions(id));
}
