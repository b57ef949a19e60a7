/** Public API of the policy-tests feature, for other features (e.g. the policy version page). */
export { launchTestPath, testPath } from './launch-path';
export { TestThisVersionLink } from './components/test-this-version-link';
export { guardianPolicyRef } from './api/start-policy-test';
