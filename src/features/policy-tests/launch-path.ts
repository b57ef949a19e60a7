/** Where "Test this version" goes: the launch page, pre-filled with the policy and version. */
export function launchTestPath(policyId: string, version: number): string {
  const search = new URLSearchParams({ policy: policyId, version: String(version) });
  return `/tests/new?${search.toString()}`;
}

/** A test's live progress page. */
export function testPath(testId: string): string {
  return `/tests/${encodeURIComponent(testId)}`;
}
