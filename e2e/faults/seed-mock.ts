import type { Page } from '@playwright/test';
import type { FaultRule } from './mock-control';

/** Where the demo's mock keeps its state (mocks/state/persistence.ts). */
const MOCK_STORAGE_KEY = 'policy-console.mock.state';
const SEEDED_FLAG = 'policy-console.e2e.seeded';

export interface MockSeed {
  config?: Record<string, unknown>;
  faults?: FaultRule[];
}

/**
 * Puts config and faults in place before the app's first script runs, so that the first page load
 * already meets them (one load instead of two). Only the first load of the test is seeded: a
 * reload later in the test keeps whatever the mock has become since.
 */
export async function seedMock(page: Page, seed: MockSeed): Promise<void> {
  await page.addInitScript(
    ({ key, flag, seed }) => {
      // Error pages (a refused address) have no storage at all.
      if (!location.protocol.startsWith('http')) return;
      if (sessionStorage.getItem(flag)) return;
      sessionStorage.setItem(flag, '1');
      const rules = (seed.faults ?? []).map((rule, i) => ({ id: `fault-${i + 1}`, ...rule }));
      localStorage.setItem(
        key,
        JSON.stringify({
          version: 1,
          config: seed.config ?? {},
          faults: { latencyMs: 0, errorRate: 0, rules },
          writes: [],
          tests: [],
        }),
      );
    },
    { key: MOCK_STORAGE_KEY, flag: SEEDED_FLAG, seed },
  );
}
