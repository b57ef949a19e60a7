/** The policies feature's public API: other features import from here only. */
export { policyKeys } from './api/policy-keys';
export { getPolicyVersion, policyVersionQueryOptions, usePolicyVersion } from './api/get-policy-version';
export { policiesQueryOptions, usePolicies, type PolicyCatalog, type UnreadablePolicy } from './api/get-policies';
export { policyVersionsQueryOptions, usePolicyVersions } from './api/get-policy-versions';
export { createPolicy, useCreatePolicy, type SavePolicyInput } from './api/create-policy';
export { updatePolicy, useUpdatePolicy } from './api/update-policy';
export { summarizePolicies, versionsOf, type PolicySummary, type VersionStamp } from './catalog/summarize-policies';
export { diffPath, editPath, policyPath, testPath, versionPath } from './version/version-paths';
