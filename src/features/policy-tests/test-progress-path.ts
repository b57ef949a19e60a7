/** A test's live progress page. */
export function testProgressPath(testId: string): string {
  return `/tests/${encodeURIComponent(testId)}`;
}
