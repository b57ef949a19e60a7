import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { getSettings } from '@/lib/settings';
import { loadCatalogOffThread } from '../catalog/load-catalog-off-thread';
import type { CatalogProgress } from '../catalog/load-policy-catalog';
import type { PolicyCatalog } from '../catalog/policy-catalog';
import { catalogProgress } from '../catalog/catalog-progress';
import { policyKeys } from './policy-keys';

export type { PolicyCatalog, UnreadablePolicy } from '../catalog/policy-catalog';

/**
 * Guardian's policy list as the catalog (one summary per policy, every version's stamp), loaded in a
 * worker. `ids`: only those policies where the server filters (goto/guardian); raystack sends all.
 */
export function getPolicies({
  signal,
  ids,
  onProgress,
}: {
  signal?: AbortSignal;
  ids?: string[];
  onProgress?: (progress: CatalogProgress) => void;
} = {}): Promise<PolicyCatalog> {
  return loadCatalogOffThread({ baseUrl: getSettings().guardianUrl, ids }, { signal, onProgress });
}

export const policiesQueryOptions = () =>
  queryOptions({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) =>
      getPolicies({ signal, onProgress: catalogProgress.set }).finally(() => catalogProgress.set(undefined)),
    staleTime: 30_000,
    // Each load is a fresh snapshot: comparing 10,000 summaries with the last one would cost more than it saves.
    structuralSharing: false,
  });

export function usePolicies() {
  return useQuery(policiesQueryOptions());
}

/** The latest version of every policy in full (from the list, off the main thread): for exports and plans. */
export async function getLatestPolicies({ signal }: { signal?: AbortSignal } = {}): Promise<Policy[]> {
  const catalog = await loadCatalogOffThread({ baseUrl: getSettings().guardianUrl, withLatest: true }, { signal });
  return catalog.latest ?? [];
}
