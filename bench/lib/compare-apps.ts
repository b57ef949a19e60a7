// The apps the console is compared with (bench/compare-apps/<app>): each keeps its dependencies in
// its own folder, installed from its own lock file on first use, so the console's `npm ci` never
// carries them. They are built with the console's Vite into bench/.tmp/ and served by the same
// `vite preview` as the console (compression, proxy to the mock HTTP server).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build as viteBuild } from 'vite';
import { ROOT, TMP, type BenchContext } from './context';
import { runCommand } from './processes';
import { NotAvailable } from './types';

export type CompareApp = 'react-admin' | 'lean-table';

const APPS_DIR = join(ROOT, 'bench', 'compare-apps');
/** Where the lean app's bundled data is written before its build (it imports `bench-compare-data/policies.json`). */
const DATA_DIR = join(TMP, 'compare-data');

/** `npm ci` in the app's folder when its node_modules is missing or older than its lock file. */
function ensureInstalled(ctx: BenchContext, app: CompareApp): void {
  const dir = join(APPS_DIR, app);
  const installed = join(dir, 'node_modules', '.package-lock.json');
  const lock = join(dir, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  ctx.log(`installing ${app}'s own dependencies (bench/compare-apps/${app}, first use)…`);
  const result = runCommand('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {}, dir);
  if (!result.ok) throw new NotAvailable(`npm ci in bench/compare-apps/${app} fails: ${result.output.slice(-300)}`);
  ctx.log(`installed ${app} in ${(result.ms / 1000).toFixed(1)} s`);
}

/**
 * The list the mock HTTP server sends (every version of every policy, as Guardian does), kept for the
 * lean app's bundle; returns the policy ids, which is what a first data row shows.
 */
export async function mockPolicyList(ctx: BenchContext, mock: string): Promise<string[]> {
  return ctx.once('compare:data', async () => {
    const response = await fetch(`${mock}/api/v1beta1/policies`);
    if (!response.ok) throw new NotAvailable(`the mock's policy list answered ${response.status}`);
    const text = await response.text();
    const { policies } = JSON.parse(text) as { policies?: { id?: unknown }[] };
    if (!Array.isArray(policies) || policies.length === 0) throw new NotAvailable('the mock lists no policies');
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(join(DATA_DIR, 'policies.json'), text);
    return [...new Set(policies.map((p) => String(p.id)))];
  });
}

/** Each app's page: the same stock Vite page for both, with its own title. */
const TITLES: Record<CompareApp, string> = {
  'react-admin': 'Policies — react-admin',
  'lean-table': 'Policies — lean table',
};
const indexHtml = (title: string) =>
  [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    `<title>${title}</title></head>`,
    '<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>',
    '</html>',
    '',
  ].join('\n');

/** A production build of one comparison app into bench/.tmp/compare-<app> (after mockPolicyList for the lean one). */
export function buildCompareApp(ctx: BenchContext, app: CompareApp): Promise<string> {
  return ctx.once(`compare:build:${app}`, async () => {
    ensureInstalled(ctx, app);
    const root = join(APPS_DIR, app);
    writeFileSync(join(root, 'index.html'), indexHtml(TITLES[app]));
    const outDir = join(TMP, `compare-${app}`);
    ctx.log(`building ${app}…`);
    const t0 = performance.now();
    try {
      await viteBuild({
        root,
        configFile: false,
        logLevel: 'warn',
        mode: 'production',
        plugins: [react()],
        resolve: { alias: { 'bench-compare-data': DATA_DIR } },
        // One big chunk is what these apps are (react-admin's stock build; the lean app's data): no warning.
        build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5_000 },
      });
    } catch (error) {
      throw new NotAvailable(`${app} does not build: ${String(error).split('\n')[0]}`);
    }
    ctx.log(`built ${app} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return outDir;
  });
}
