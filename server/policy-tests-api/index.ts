export * from './contracts';
export type { CredentialCheck } from './cloudflare-auth';
export { CF, cfFailure, type CfMessage } from './envelope';
export { createPolicyTestsApi, isPolicyTestsPath, methodNotAllowed, noRoute, type PolicyTestsApi } from './handlers';
export { indexedDirectorySource, type IndexedPeople } from './directory-api';
