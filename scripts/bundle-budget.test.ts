// The deterministic half of the performance budgets, run by `npm test` after it builds dist/.
// The benchmark (`npm run bench`) holds the real budgets; these ceilings are 20% above them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle, BUNDLE_CEILINGS, formatKb, manifestPath, type BundleReport } from './check-bundle';

const DIST = process.env.BUNDLE_CHECK_DIST ?? 'dist';

function report(): BundleReport {
  if (!existsSync(manifestPath(DIST))) {
    throw new Error(
      `No production build in ${DIST}/ (${manifestPath(DIST)} is missing). Run \`npx vite build\` first — ` +
        '`npm test` builds it before vitest runs.',
    );
  }
  return analyzeBundle(DIST);
}

describe(`the production build in ${DIST}/`, () => {
  it('ships no MSW code and no mock service worker', () => {
    const { mswFiles, hasMockWorker } = report();
    expect(mswFiles, 'files carrying MSW code').toEqual([]);
    expect(hasMockWorker, `${join(DIST, 'mockServiceWorker.js')} exists`).toBe(false);
  });

  it(`loads at most ${formatKb(BUNDLE_CEILINGS.firstRouteGzip)} gzip of JS for the first route`, () => {
    const { firstRoute } = report();
    expect(firstRoute.files.length).toBeGreaterThan(0);
    expect(
      firstRoute.gzip,
      `first route ${formatKb(firstRoute.gzip)} gzip (${firstRoute.files.join(', ')}); run \`npm run bench\` for the breakdown`,
    ).toBeLessThanOrEqual(BUNDLE_CEILINGS.firstRouteGzip);
  });

  it(`adds at most ${formatKb(BUNDLE_CEILINGS.lazyRouteGzip)} gzip of JS for each lazy route`, () => {
    const routes = report().lazy.filter((chunk) => chunk.isRoute);
    expect(routes.length).toBeGreaterThan(0);
    const over = routes
      .filter((route) => route.gzip > BUNDLE_CEILINGS.lazyRouteGzip)
      .map((route) => `${route.module}: ${formatKb(route.gzip)} (${route.files.join(', ')})`);
    expect(over, 'routes over the ceiling').toEqual([]);
  });
});
