import type { QueryClient } from '@tanstack/react-query';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { withSavedVersion } from '../catalog/with-saved-version';
import { stampOf, versionsOf, type VersionStamp } from '../catalog/summarize-policies';
import { policyList } from './get-policies';
import { policyKeys } from './policy-keys';

/**
 * After a save: the new version is known exactly, and so is how the list changed — the catalog and
 * the policy's versions take it in place (a 10,000-policy list is not downloaded again for one save).
 */
export async function rememberSavedPolicy(queryClient: QueryClient, policy: Policy): Promise<void> {
  queryClient.setQueryData(policyKeys.version(policy.id, policy.version), policy);
  queryClient.setQueryData(policyKeys.version(policy.id, 0), policy);
  const catalog = policyList.snapshot().data;
  if (catalog) {
    const next = withSavedVersion(catalog, policy);
    policyList.setData(() => next);
    queryClient.setQueryData(policyKeys.versions(policy.id), versionsOf(next.policies, policy.id));
  } else {
    queryClient.setQueryData<VersionStamp[]>(policyKeys.versions(policy.id), (versions) =>
      versions && !versions.some((v) => v.version === policy.version)
        ? [stampOf(policy), ...versions].sort((a, b) => b.version - a.version)
        : versions,
    );
  }
}
