// What a built console costs the browser, read from Vite's manifest (dist/.vite/manifest.json).
// Shared by the deterministic ceiling test (scripts/bundle-budget.test.ts, part of `npm test`) and
// the benchmark (bench/measure-bundle.ts). Sizes are gzip bytes; 1 kB = 1000 bytes, as Vite prints.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The view `/` redirects to: what a cold start loads besides the shell. */
export const FIRST_ROUTE_MODULE = 'src/features/policies/routes/catalog-route.tsx';
/** The chunk that holds the first route with what only it needs besides the shell (scripts/first-view-chunk.ts). */
export const FIRST_VIEW_CHUNK = 'catalog-view';
/** Loaded by the first route once its rows are drawn and the page is idle (src/app/prefetch-first-view.ts). */
export const AFTER_FIRST_ROUTE_MODULE = 'src/app/warm-up-views.ts';

export const BUNDLE_BUDGETS = {
  firstRouteGzip: 110_000,
  lazyRouteGzip: 60_000,
} as const;

/** `npm test` holds a ceiling 20% above each budget: noise-free, but it still catches a regression. */
export const BUNDLE_CEILINGS = {
  firstRouteGzip: BUNDLE_BUDGETS.firstRouteGzip * 1.2,
  lazyRouteGzip: BUNDLE_BUDGETS.lazyRouteGzip * 1.2,
} as const;

/** Strings only MSW's client carries (its log prefix, its worker's file name, its handshake). */
const MSW_SIGNATURES = ['[MSW]', 'mockServiceWorker', 'INTEGRITY_CHECK_REQUEST'];

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSet {
  /** Output files (relative to the dist dir), JS only. */
  files: string[];
  gzip: number;
  raw: number;
}

export interface LazyChunk extends ChunkSet {
  /** The source module that is imported lazily, e.g. `src/features/policy-diff/routes/policy-diff-route.tsx`. */
  module: string;
  /** A route component (src/features/<feature>/routes/…) rather than a lazy part inside a view. */
  isRoute: boolean;
  /** Opened by a link (cold, straight into this view): what it adds on top of the shell alone. */
  cold: ChunkSet;
}

export interface BundleReport {
  distDir: string;
  /** The entry chunk, its static imports, and the first route's chunk with its static imports. */
  firstRoute: ChunkSet;
  /**
   * Every lazily imported module and what it adds when one navigates to it from the first route
   * (its files and sizes; the first route itself counts what it adds to the shell). `cold` is
   * what it adds when the console is opened straight into it.
   */
  lazy: LazyChunk[];
  /** Every JS file in the build. */
  total: ChunkSet;
  /** Files that carry MSW code; empty for a clean production build. */
  mswFiles: string[];
  /** The MSW worker script is in the build. */
  hasMockWorker: boolean;
}

export class MissingBuildError extends Error {}

export function manifestPath(distDir: string): string {
  return join(distDir, '.vite', 'manifest.json');
}

export function readManifest(distDir: string): Manifest {
  const path = manifestPath(distDir);
  if (!existsSync(path)) {
    throw new MissingBuildError(
      `${path} does not exist: build the app first (\`npx vite build\`; \`npm test\` builds dist/ before it runs vitest). ` +
        'The manifest is switched on by `build.manifest` in vite.config.ts.',
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The manifest key and everything it imports statically, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const next of manifest[key].imports ?? []) staticClosure(manifest, next, into);
  return into;
}

const sizeCache = new Map<string, { gzip: number; raw: number }>();

function sizeOf(distDir: string, file: string): { gzip: number; raw: number } {
  const path = join(distDir, file);
  const key = `${path}@${statSync(path).mtimeMs}`;
  let size = sizeCache.get(key);
  if (!size) {
    const bytes = readFileSync(path);
    size = { gzip: gzipSync(bytes).length, raw: bytes.length };
    sizeCache.set(key, size);
  }
  return size;
}

function chunkSet(distDir: string, files: Iterable<string>): ChunkSet {
  const js = [...new Set(files)].filter((f) => f.endsWith('.js')).sort();
  let gzip = 0;
  let raw = 0;
  for (const file of js) {
    const size = sizeOf(distDir, file);
    gzip += size.gzip;
    raw += size.raw;
  }
  return { files: js, gzip, raw };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The manifest key of the chunk that holds `module`: its own chunk, or for the first route the
 * named chunk it is merged into (such a chunk has no source module, so the manifest keys it by name).
 */
export function chunkKeyOf(manifest: Record<string, { name?: string }>, module: string): string | undefined {
  if (manifest[module]) return module;
  if (module !== FIRST_ROUTE_MODULE) return undefined;
  return Object.keys(manifest).find((key) => manifest[key]?.name === FIRST_VIEW_CHUNK && key.endsWith('.js'));
}

export function analyzeBundle(distDir: string, firstRouteModule = FIRST_ROUTE_MODULE): BundleReport {
  const manifest = readManifest(distDir);
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error(`${manifestPath(distDir)} names no entry chunk.`);
  const firstRouteKey = chunkKeyOf(manifest, firstRouteModule);
  if (!firstRouteKey) {
    throw new Error(`${firstRouteModule} is not a chunk of ${distDir}: is it still imported lazily by the router?`);
  }

  const shellKeys = new Set<string>();
  for (const entry of entries) staticClosure(manifest, entry, shellKeys);
  const fileOf = (key: string) => manifest[key]!.file;

  const firstRouteKeys = staticClosure(manifest, firstRouteKey, new Set(shellKeys));
  // What the first route loads once its rows are drawn and the page is idle: a view opened from it
  // finds that already there (not counted in the first route, which is what comes before the rows).
  const afterFirstRouteKeys = manifest[AFTER_FIRST_ROUTE_MODULE]
    ? staticClosure(manifest, AFTER_FIRST_ROUTE_MODULE, new Set(firstRouteKeys))
    : firstRouteKeys;
  const lazyKeys = Object.keys(manifest).filter((key) => manifest[key]?.isDynamicEntry);
  if (!lazyKeys.includes(firstRouteKey)) lazyKeys.push(firstRouteKey);
  const lazy: LazyChunk[] = lazyKeys
    .map((key) => {
      const closure = [...staticClosure(manifest, key)];
      const cold = closure.filter((k) => !shellKeys.has(k));
      const loaded = key === firstRouteKey ? shellKeys : afterFirstRouteKeys;
      const added = closure.filter((k) => !loaded.has(k));
      const module = key === firstRouteKey ? firstRouteModule : (manifest[key]!.src ?? key);
      return {
        module,
        isRoute: /^src\/features\/[^/]+\/routes\//.test(module),
        ...chunkSet(distDir, added.map(fileOf)),
        cold: chunkSet(distDir, cold.map(fileOf)),
      };
    })
    .sort((a, b) => a.module.localeCompare(b.module));

  const allFiles = listFiles(distDir).map((path) => relative(distDir, path));
  const mswFiles = allFiles
    .filter((file) => /\.(js|html)$/.test(file) && file !== 'mockServiceWorker.js')
    .filter((file) => {
      const text = readFileSync(join(distDir, file), 'utf8');
      return MSW_SIGNATURES.some((signature) => text.includes(signature));
    });

  return {
    distDir,
    firstRoute: chunkSet(distDir, [...firstRouteKeys].map(fileOf)),
    lazy,
    total: chunkSet(distDir, allFiles),
    mswFiles,
    hasMockWorker: existsSync(join(distDir, 'mockServiceWorker.js')),
  };
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
