import type { Page } from '@playwright/test';

/** The test view announces the end in its live region: "Test complete: …", "Test stopped: …", "Test blocked …". */
export function testViewShowsEnd(page: Page, timeoutMs = 60_000): Promise<void> {
  return page
    .getByRole('status')
    .filter({ hasText: /^Test (complete|stopped|blocked)/ })
    .first()
    .waitFor({ state: 'attached', timeout: timeoutMs });
}
