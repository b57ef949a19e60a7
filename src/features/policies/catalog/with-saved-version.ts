import type { Policy } from '@/lib/api/guardian/policy-schema';
import { indexSummaries } from './filter-catalog';
import type { PolicyCatalog } from './policy-catalog';
import { stampOf, summaryOf } from './summarize-policies';

/**
 * The catalog with one more version written by this console: the list it came from would now
 * include it, so the catalog shows it without downloading the whole list again.
 */
export function withSavedVersion(catalog: PolicyCatalog, policy: Policy): PolicyCatalog {
  const at = catalog.policies.findIndex((p) => p.id >= policy.id);
  const current = at !== -1 && catalog.policies[at]!.id === policy.id ? catalog.policies[at] : undefined;
  if (current?.versions.some((v) => v.version === policy.version)) return catalog;
  const stamps = [stampOf(policy), ...(current?.versions ?? [])];
  const merged =
    !current || policy.version > current.latestVersion
      ? summaryOf(policy, stamps)
      : { ...current, versions: stamps.sort((a, b) => b.version - a.version) };
  const [indexed] = indexSummaries([merged]);
  const policies = [...catalog.policies];
  if (current) policies[at] = indexed!;
  else policies.splice(at === -1 ? policies.length : at, 0, indexed!);
  return { ...catalog, policies, versionCount: catalog.versionCount + 1 };
}
