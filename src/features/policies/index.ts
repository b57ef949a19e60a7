/** The policies feature's public API: other features import from here only. */
export { policyKeys } from './api/policy-keys';
export {
  fetchLatestPolicy,
  getPolicyVersion,
  policyVersionQueryOptions,
  usePolicyVersion,
} from './api/get-policy-version';
export { checkWriteLanded, type WriteCheck } from './api/check-write-landed';
export { policiesQueryOptions, usePolicies } from './api/get-policies';
export { createPolicy, useCreatePolicy, type SavePolicyInput } from './api/create-policy';
export { updatePolicy, useUpdatePolicy } from './api/update-policy';
export { summarizePolicies, versionsOf, type PolicySummary } from './catalog/summarize-policies';
export { type PolicyVersionList, type UnreadablePolicy } from './api/get-policies';
export { diffPath, editPath, policyPath, testPath, versionPath } from './version/version-paths';
export { useGuardedSave, type GuardedSave, type GuardedSaveHandlers } from './save/use-guarded-save';
