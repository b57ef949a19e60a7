/** Where Guardian's REST gateway mounts the API (raystack and goto alike). */
export const GUARDIAN_PREFIX = '/api/v1beta1';
