/** The policies feature's public API: other features import from here only. */
export { getPolicyVersion, policyVersionQueryOptions, usePolicyVersion } from './api/get-policy-version';
export { policiesQueryOptions, usePolicies } from './api/get-policies';
export { policyKeys } from './api/policy-keys';
export { createPolicy, useCreatePolicy } from './api/create-policy';
export { updatePolicy, useUpdatePolicy } from './api/update-policy';
export { summarizePolicies, versionsOf, type PolicySummary } from './catalog/summarize-policies';
export { policyPath, versionPath } from './version/version-paths';
export { useGuardedSave, type GuardedSaveHandlers } from './save/use-guarded-save';
