/** Public API of the policy-tests feature, for other features (e.g. the policy version page). */
export { launchTestPath } from './launch/launch-params';
