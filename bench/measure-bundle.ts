import {
  AFTER_FIRST_ROUTE_MODULE,
  analyzeBundle,
  BUNDLE_BUDGETS,
  FIRST_ROUTE_MODULE,
  formatKb,
} from '../scripts/check-bundle';
import { attributeBundle, type PartCost } from './lib/bundle-attribution';
import { BUDGETS } from './lib/budgets';
import type { Measurement } from './lib/measurement';
import type { MetricSpec, Sample } from './lib/types';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from './lib/context';
import { benchMock, gotoApp, withAppPage } from './lib/scenarios';

const FIRST_ROW = '.catalog__table tbody tr td a';

/** Notes (epoch ms) when the catalog's first data row enters the document; runs before the app's scripts. */
const FIRST_ROW_WATCH = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(FIRST_ROW)}) === null) return;
    observer.disconnect();
    window.__firstRowAt = performance.timeOrigin + performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * Every script Chromium fetches for a cold `/policies` until the catalog's first data row is on
 * screen — the entry, preloaded and lazy chunks, the catalog's worker — as gzip (level 6, what
 * `vite preview` sends) of each body, and as the bytes that came over the wire.
 */
async function fetchedBeforeFirstRow(
  ctx: BenchContext,
): Promise<{ gzip: number; wire: number; files: string[]; later: number }> {
  const { servers } = await benchMock(ctx);
  const scripts: { url: string; gzip: number; wire: number; startTime: number }[] = [];
  let firstRowAt = Infinity;
  await withAppPage(ctx, async (page, context) => {
    const pending: Promise<void>[] = [];
    let counting = true;
    // When the first row entered the document, in the page (epoch ms, as a request's start time): the
    // code the page asks for once idle after it (src/app/warm-up-views.ts) is not counted, however
    // long Playwright takes to see the row on a busy machine.
    await context.addInitScript(FIRST_ROW_WATCH);
    context.on('response', (response) => {
      const url = response.url();
      if (!counting || !/\.m?js(\?|$)/.test(new URL(url).pathname)) return;
      pending.push(
        (async () => {
          // A worker's script started by the page before its first frame has no body Chromium keeps
          // for the page: the same file is read again from the server, so it counts all the same.
          const body = await response
            .body()
            .catch(() => Buffer.alloc(0))
            .then(async (kept) => (kept.length > 0 ? kept : Buffer.from(await (await fetch(url)).arrayBuffer())));
          const sizes = await response
            .request()
            .sizes()
            .catch(() => ({ responseBodySize: body.length }));
          const { startTime } = response.request().timing();
          scripts.push({ url, gzip: gzipSync(body, { level: 6 }).length, wire: sizes.responseBodySize, startTime });
        })(),
      );
    });
    await gotoApp(page, `${servers.app}/policies`);
    await page.locator(FIRST_ROW).first().waitFor({ timeout: 60_000 });
    firstRowAt = await page.evaluate(() => (window as { __firstRowAt?: number }).__firstRowAt ?? Infinity);
    counting = false;
    await Promise.all(pending);
  });
  const before = scripts.filter((s) => s.startTime <= firstRowAt);
  return {
    gzip: before.reduce((sum, s) => sum + s.gzip, 0),
    wire: before.reduce((sum, s) => sum + s.wire, 0),
    files: before.map((s) => `${new URL(s.url).pathname.replace(/^\/assets\//, '')} ${formatKb(s.gzip)}`),
    later: scripts.length - before.length,
  };
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;
const SHOWN_PARTS = 12;

function partsTable(title: string, parts: PartCost[]): string[] {
  const rest = parts.slice(SHOWN_PARTS).reduce((sum, p) => sum + p.gzip, 0);
  return [
    `${title}:`,
    '',
    '| part | gzip (approx.) |',
    '|---|---:|',
    ...parts.slice(0, SHOWN_PARTS).map((p) => `| \`${p.part}\` | ${formatKb(p.gzip)} |`),
    ...(rest > 0 ? [`| ${parts.length - SHOWN_PARTS} more | ${formatKb(rest)} |`] : []),
    '',
  ];
}

/** Sizes are deterministic: one production build, no repetition needed. */
export const bundle: Measurement = {
  id: 'bundle',
  title: 'Bundle (production build, gzip)',
  metrics: [
    {
      id: 'bundle.firstRouteFetched',
      label: 'JS Chromium fetches before the catalog’s first row',
      unit: 'kB',
      budget: BUDGETS.firstRouteFetchedKb,
      digits: 1,
    },
    {
      id: 'bundle.firstRoute',
      label: 'First route JS (/policies), from the manifest',
      unit: 'kB',
      budget: BUDGETS.firstRouteKb,
      digits: 1,
    },
    { id: 'bundle.total', label: 'Whole app JS', unit: 'kB', digits: 1 },
    {
      id: 'bundle.msw',
      label: 'Files with MSW code + mock worker in dist',
      unit: 'files',
      budget: BUDGETS.mswFilesInProduction,
    },
  ],
  async measure(ctx) {
    const dist = await ctx.build('production');
    const report = analyzeBundle(dist);
    const samples: Record<string, Sample> = {
      'bundle.firstRoute': { runs: [kb(report.firstRoute.gzip)], note: report.firstRoute.files.join(', ') },
      'bundle.total': { runs: [kb(report.total.gzip)], note: `${report.total.files.length} JS files` },
      'bundle.msw': {
        runs: [report.mswFiles.length + (report.hasMockWorker ? 1 : 0)],
        ...(report.mswFiles.length || report.hasMockWorker
          ? { note: [...report.mswFiles, ...(report.hasMockWorker ? ['mockServiceWorker.js'] : [])].join(', ') }
          : {}),
      },
    };
    try {
      const fetched = await fetchedBeforeFirstRow(ctx);
      samples['bundle.firstRouteFetched'] = {
        runs: [kb(fetched.gzip)],
        note:
          `${formatKb(fetched.wire)} on the wire; ${fetched.files.join(', ')}` +
          (fetched.later ? `; not counted: ${fetched.later} requested once the row was there` : ''),
      };
    } catch (error) {
      samples['bundle.firstRouteFetched'] = {
        runs: [],
        note: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      };
    }
    const metrics: MetricSpec[] = [];
    for (const chunk of report.lazy.filter((c) => c.isRoute)) {
      const id = `bundle.route:${chunk.module}`;
      metrics.push({
        id,
        label: `Lazy route ${chunk.module.replace(/^src\/features\//, '').replace(/\.tsx?$/, '')}`,
        unit: 'kB',
        budget: BUDGETS.lazyRouteKb,
        digits: 1,
      });
      samples[id] = {
        runs: [kb(chunk.gzip)],
        note: `${chunk.files.join(', ')}; opened by a link: ${formatKb(chunk.cold.gzip)}`,
      };
    }

    const lines = [
      'Fetched: the production build behind `vite preview` and the mock HTTP server (the seeded catalog); a fresh context',
      'opens `/policies`, and every script requested before the first data row entered the table (the page’s own clock,',
      'not when Playwright saw it) is counted — the entry, preloaded and lazy chunks and the catalog’s worker — as gzip',
      '(level 6) of its body; the note gives the bytes on the wire.',
      '',
      `First route = the entry chunk, its static imports, and \`${FIRST_ROUTE_MODULE}\` with its static imports`,
      '(from `.vite/manifest.json`). A lazy route counts what it adds when one navigates to it from the first route',
      `once that is idle (its rows drawn, \`${AFTER_FIRST_ROUTE_MODULE}\` loaded: React Query, the Guardian client and the policy schemas, which the catalog does without);`,
      'the note gives what it adds to the shell alone when the console is opened straight into it. 1 kB = 1000 bytes.',
      '',
    ];
    const other = report.lazy.filter((c) => !c.isRoute);
    if (other.length > 0) {
      lines.push('Other lazy chunks (loaded inside a view, on demand):', '');
      for (const chunk of other) lines.push(`- \`${chunk.module}\`: ${formatKb(chunk.gzip)}`);
      lines.push('');
    }
    try {
      const attribution = await attributeBundle();
      lines.push(
        'Where the bytes come from — a rebuild with source maps, each minified byte traced to its package or folder, each',
        'chunk’s gzip size shared out by minified bytes (so a part’s figure is approximate):',
        '',
        ...partsTable('First route', attribution.firstRoute),
      );
      for (const chunk of report.lazy.filter((c) => c.isRoute && c.gzip > BUNDLE_BUDGETS.lazyRouteGzip)) {
        lines.push(...partsTable(`\`${chunk.module}\` (over budget)`, attribution.lazy(chunk.module)));
      }
    } catch (error) {
      lines.push(`(The breakdown by package failed: ${error instanceof Error ? error.message : String(error)})`);
    }
    return { samples, metrics, details: lines.join('\n') };
  },
};
