import { CachedRequest } from '@/lib/api/cached-request';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { useCachedRequest } from '@/lib/api/use-cached-request';
import { getSettings } from '@/lib/settings';
import { loadCatalogOffThread } from '../catalog/load-catalog-off-thread';
import type { CatalogProgress } from '../catalog/load-policy-catalog';
import type { PolicyCatalog } from '../catalog/policy-catalog';
import { catalogProgress } from '../catalog/catalog-progress';

export type { DuplicateVersion, PolicyCatalog, UnreadablePolicy } from '../catalog/policy-catalog';

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

/**
 * The catalog, kept for the whole app (opening a policy from it fetches no list; a save patches it).
 * Not a React Query query: the catalog is the first view, and shows its first rows before React
 * Query's code has loaded (it comes with the other views).
 */
export const policyList = new CachedRequest<PolicyCatalog>(
  (signal) => getPolicies({ signal, onProgress: catalogProgress.set }).finally(() => catalogProgress.set(undefined)),
  30_000,
);

export function usePolicies() {
  return useCachedRequest(policyList);
}

/** The latest version of every policy in full (from the list, off the main thread): for exports and plans. */
export async function getLatestPolicies({ signal }: { signal?: AbortSignal } = {}): Promise<Policy[]> {
  const catalog = await loadCatalogOffThread({ baseUrl: getSettings().guardianUrl, withLatest: true }, { signal });
  return catalog.latest ?? [];
}
