import { analyzeBundle, FIRST_ROUTE_MODULE, formatKb } from '../scripts/check-bundle';
import { attributeFirstRoute } from './lib/bundle-attribution';
import { BUDGETS } from './lib/budgets';
import type { Measurement } from './lib/measurement';
import type { MetricSpec, Sample } from './lib/types';

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** Sizes are deterministic: one production build, no repetition needed. */
export const bundle: Measurement = {
  id: 'bundle',
  title: 'Bundle (production build, gzip)',
  metrics: [
    {
      id: 'bundle.firstRoute',
      label: 'First route JS (/policies)',
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
      samples[id] = { runs: [kb(chunk.gzip)], note: chunk.files.join(', ') };
    }

    const lines = [
      `First route = the entry chunk, its static imports, and \`${FIRST_ROUTE_MODULE}\` with its static imports`,
      '(from `.vite/manifest.json`). A lazy route counts what it adds on top of the shell. 1 kB = 1000 bytes.',
      '',
    ];
    const other = report.lazy.filter((c) => !c.isRoute);
    if (other.length > 0) {
      lines.push('Other lazy chunks (loaded inside a view, on demand):', '');
      for (const chunk of other) lines.push(`- \`${chunk.module}\`: ${formatKb(chunk.gzip)}`);
      lines.push('');
    }
    try {
      const parts = await attributeFirstRoute();
      lines.push(
        'What the first route is made of — a rebuild with source maps, each minified byte traced to its package or',
        'folder, each chunk’s gzip size shared out by minified bytes (so a part’s figure is approximate):',
        '',
        '| part | gzip (approx.) |',
        '|---|---:|',
      );
      for (const part of parts.slice(0, 16)) lines.push(`| \`${part.part}\` | ${formatKb(part.gzip)} |`);
      const rest = parts.slice(16).reduce((sum, p) => sum + p.gzip, 0);
      if (rest > 0) lines.push(`| ${parts.length - 16} more | ${formatKb(rest)} |`);
    } catch (error) {
      lines.push(`(The per-package breakdown failed: ${error instanceof Error ? error.message : String(error)})`);
    }
    return { samples, metrics, details: lines.join('\n') };
  },
};
