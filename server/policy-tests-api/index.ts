export * from './contracts';
export { checkCloudflareAuth, type Credential, type CredentialCheck } from './cloudflare-auth';
export { CF, cfFailure, cfSuccess, invalidRequest, type CfMessage } from './envelope';
export {
  createPolicyTestsApi,
  isPolicyTestsPath,
  methodNotAllowed,
  noRoute,
  statusResult,
  userResult,
  type PolicyTestsApi,
  type PolicyTestsApiOptions,
} from './handlers';
export { parsePolicyRef, resolvePolicies } from './resolve-policies';
export { FILTER_WORDS, MAX_PER_PAGE, parseUsersQuery } from './users-query';
