/** The policies feature's public API: other features import from here only. */
export { getPolicyVersion, policyVersionQueryOptions, usePolicyVersion } from './api/get-policy-version';
export { usePolicies } from './api/get-policies';
export { usePolicyVersions } from './api/get-policy-versions';
export { invalidatePolicies } from './api/invalidate-policies';
export { createPolicy, useCreatePolicy } from './api/create-policy';
export { updatePolicy, useUpdatePolicy } from './api/update-policy';
export { type PolicySummary, type VersionStamp } from './catalog/summarize-policies';
export { policyPath, versionPath } from './version/version-paths';
export { useGuardedSave, type GuardedSaveHandlers } from './save/use-guarded-save';
