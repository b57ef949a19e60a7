// The console's own Vite plugins: what the built HTML carries, and what the demo build swaps or drops.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformWithOxc, type Plugin, type Rolldown } from 'vite';
import { FIRST_ROUTE_MODULE } from './check-bundle.ts';
import { contentSecurityPolicy } from './csp.ts';
import { buildUrl, jsonFetchInit } from '../src/lib/api/build-url.ts';
import { firstListPageQuery, LIST_PATH } from '../src/features/policies/catalog/first-list-page.ts';
import { pageStartScript } from '../src/features/policies/catalog/page-started-worker.ts';
import { WARM_UP_INTL_SCRIPT } from '../src/lib/format/warm-up-intl-script.ts';
import { SETTINGS_STORAGE_KEY } from '../src/lib/settings/settings-storage-key.ts';

/** The MSW worker lives in public/ for the demo; a production build must not ship it. */
export function dropMockWorker(isDemo: boolean): Plugin {
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    writeBundle(options) {
      if (isDemo || !options.dir) return;
      rmSync(join(options.dir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

/** A strict CSP in the built HTML: no inline script runs but the one named by its hash (pageStartScripts). */
export function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
      );
    },
  };
}

/** The chunk that carries `module` (a project path), if the build has it. */
function chunkOf(bundle: Rolldown.OutputBundle, module: string): Rolldown.OutputChunk | undefined {
  const isModule = (id: string | null | undefined) => id?.replace(/\\/g, '/').endsWith(`/${module}`) ?? false;
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  // A module merged into a named chunk (see firstViewChunks) has no chunk of its own.
  return chunks.find((c) => isModule(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds.some(isModule));
}

/** The catalog worker's script, as the bundler names it. */
const CATALOG_WORKER_FILE = /(^|\/)policy-catalog-worker-[\w-]+\.js$/;

/** A chunk's file and the files of every chunk it imports statically, theirs too: what runs before it does. */
function staticClosure(bundle: Rolldown.OutputBundle, file: string, files = new Set<string>()): Set<string> {
  if (files.has(file)) return files;
  files.add(file);
  const chunk = bundle[file];
  if (chunk?.type === 'chunk') chunk.imports.forEach((next) => staticClosure(bundle, next, files));
  return files;
}

/** A lazily imported module's chunk and every chunk it imports statically, as output file names. */
function chunkClosure(bundle: Rolldown.OutputBundle, module: string): { scripts: string[]; styles: string[] } {
  const entry = chunkOf(bundle, module);
  if (!entry) throw new Error(`no chunk for ${module} in the build`);
  const files = staticClosure(bundle, entry.fileName);
  const styles = [...files].flatMap((file) => {
    const chunk = bundle[file];
    return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
  });
  return { scripts: [...files], styles };
}

/**
 * `<link rel="modulepreload">` for a lazily imported module's chunks (and a preload for its styles),
 * so that the browser fetches them beside the entry rather than after the entry has run and asked
 * for them. Vite's loader still adds the stylesheets when the module is imported: a preloaded file
 * is then already in the cache.
 */
function preloadLazyModule(name: string, module: string, priority?: 'low'): Plugin {
  const hint = priority ? ` fetchpriority="${priority}"` : '';
  let base = '/';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, path }) {
        // Only the console's own page (the benchmark builds pages of its own with this config).
        if (!bundle || path !== '/index.html') return html;
        const { scripts, styles } = chunkClosure(bundle, module);
        const notInPage = (file: string) => !html.includes(`"${base}${file}"`);
        const links = [
          ...scripts
            .filter(notInPage)
            .map((file) => `<link rel="modulepreload"${hint} crossorigin href="${base}${file}">`),
          ...styles
            .filter(notInPage)
            .map((file) => `<link rel="preload" as="style"${hint} crossorigin href="${base}${file}">`),
        ];
        return links.length ? html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : html;
      },
    },
  };
}

/**
 * What the page does while its scripts are on their way, by a script in the HTML that the CSP lets run
 * by its hash alone: the locale data for Intl is loaded (src/lib/format/warm-up-intl-script.ts), and
 * the catalog's worker starts (src/features/policies/catalog/page-started-worker.ts) unless
 * `startWorker` is false: in the demo, a worker started before the demo's mock service worker
 * controls the page would never be answered by it.
 */
export function pageStartScripts({
  startWorker,
  defaultGuardianUrl,
}: {
  startWorker: boolean;
  /** The build's VITE_GUARDIAN_URL: the Guardian of a console whose settings name none. */
  defaultGuardianUrl: string;
}): Plugin {
  let base = '/';
  return {
    name: 'page-start-scripts',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle, path }) {
        if (!bundle || path !== '/index.html') return html;
        const script =
          WARM_UP_INTL_SCRIPT + (startWorker ? await catalogStartScript(bundle, base, defaultGuardianUrl) : '');
        const hash = createHash('sha256').update(script).digest('base64');
        const csp = "script-src 'self'";
        if (!html.includes(csp)) throw new Error(`the page's CSP has no "${csp}" to add the inline script's hash to`);
        const meta = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
        return html
          .replace(csp, `${csp} 'sha256-${hash}'`)
          .replace(meta, (tag) => `${tag}\n    <script>${script}</script>`);
      },
    },
  };
}

/** page-started-worker.ts's script, with what it needs from the build and the app's own modules. */
async function catalogStartScript(bundle: Rolldown.OutputBundle, base: string, defaultGuardianUrl: string) {
  const worker = Object.keys(bundle).find((file) => CATALOG_WORKER_FILE.test(file));
  if (!worker) throw new Error('no policy-catalog-worker script in the build');
  // The HTML asks this origin without the page's CSP to check the worker's request: every CSP we build allows it.
  if (!/connect-src 'self'/.test(contentSecurityPolicy)) throw new Error("the CSP's connect-src lacks 'self'");
  const handOverFile = resolve(import.meta.dirname, '../src/features/policies/catalog/hand-over-first-page.ts');
  const compiled = await transformWithOxc(readFileSync(handOverFile, 'utf8'), handOverFile, { lang: 'ts' });
  // Its code as the page runs it: no type import, no export, no comment lines, no indent.
  const handOverFirstPageCode = compiled.code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(import type |\/\/|\/\*|\*)/.test(line))
    .join('\n')
    .replace(/^export /m, '');
  if (/^\s*(import|export)\b/m.test(handOverFirstPageCode)) throw new Error(`${handOverFile} must stand alone`);
  return pageStartScript({
    workerUrl: `${base}${worker}`,
    settingsKey: SETTINGS_STORAGE_KEY,
    defaultGuardianUrl,
    listUrl: buildUrl('', LIST_PATH, firstListPageQuery(undefined)),
    listInit: jsonFetchInit({}),
    handOverFirstPageCode,
  });
}

/**
 * A lazy import's preload list without the scripts its importer has loaded already: Vite lists every
 * chunk the imported one needs, the importer's own static imports among them (react, the entry…), whose
 * names then ride in the importer's code (0.05 kB gzip before the catalog's first row) to ask for files
 * that are there. What is left is what the import still has to fetch, preloaded as before.
 */
export function preloadOnlyWhatIsMissing(): Plugin {
  let bundle: Rolldown.OutputBundle | undefined;
  return {
    name: 'preload-only-what-is-missing',
    apply: 'build',
    config: () => ({
      build: {
        modulePreload: {
          resolveDependencies: (_file, deps, { hostId, hostType }) => {
            if (hostType !== 'js' || !bundle?.[hostId]) return deps;
            const loaded = staticClosure(bundle, hostId);
            return deps.filter((dep) => !loaded.has(dep));
          },
        },
      },
    }),
    // Before Vite's own generateBundle, which asks resolveDependencies for each lazy import.
    generateBundle: {
      order: 'pre',
      handler(_options, output) {
        bundle = output;
      },
    },
  };
}

/** The module Vite's lazy imports take their preload helper from. */
const VITE_PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Vite's preload helper swapped for the console's (src/lib/bundler/preload-helper.ts: the same work,
 * without what the console never needs; 0.3 kB gzip less in the entry). Where the base is relative or
 * URLs are built by a function of their own, files are found against their importer: Vite's stays.
 */
export function leanPreloadHelper(root: string): Plugin {
  const helper = resolve(root, 'src/lib/bundler/preload-helper.ts');
  let swap = false;
  return {
    name: 'lean-preload-helper',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      swap = /^(\/|https?:\/\/)/.test(config.base) && !config.experimental.renderBuiltUrl;
    },
    resolveId(source) {
      return swap && source === VITE_PRELOAD_HELPER ? helper : null;
    },
  };
}

/** The view `/` opens (the catalog) is on its way while the entry loads. */
export function preloadFirstRoute(): Plugin {
  return preloadLazyModule('preload-first-route', FIRST_ROUTE_MODULE);
}

/**
 * V8's explicit compile hint (Chromium 136 on): a script that begins with it is compiled whole, on a
 * background thread while it streams in, instead of each function on the main thread the first time
 * it runs. Nearly every function of the scripts before the catalog's first row runs on the way to it
 * (react-dom's, the shell's, the view's, the worker's), and lazy compiling was ~10 ms of the main
 * thread's ~90 ms on the way there. Other browsers read it as a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Puts COMPILE_HINT first in each chunk named by `chunksToHint`, keeping its source map in line. */
function compileHints(name: string, chunksToHint: (bundle: Rolldown.OutputBundle) => Iterable<string>): Plugin {
  return {
    name,
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of chunksToHint(bundle)) {
          const chunk = bundle[file];
          if (chunk?.type !== 'chunk' || chunk.code.startsWith(COMPILE_HINT)) continue;
          chunk.code = COMPILE_HINT + chunk.code;
          // A source map (the bench's hidden ones) maps the code one line down: an empty first line.
          // Both copies: the emitted file, and the chunk's own (a worker's map is emitted again from it).
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const map = bundle[`${file}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}

/** The page's scripts before the catalog's first row: the entry, what it imports, and the first view's chunks. */
export function compileHintsForFirstRow(): Plugin {
  return compileHints('compile-hints-for-first-row', (bundle) => {
    // Only the console's own build: the bench builds pages of its own with this config, without the catalog.
    if (!chunkOf(bundle, FIRST_ROUTE_MODULE)) return [];
    const files = new Set(chunkClosure(bundle, FIRST_ROUTE_MODULE).scripts);
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry)
        [chunk.fileName, ...chunk.imports].forEach((file) => files.add(file));
    }
    return files;
  });
}

/** The catalog's worker script, whose code all runs before it sends the first rows (not its lazy parts). */
export function compileHintsForCatalogWorker(): Plugin {
  return compileHints('compile-hints-for-catalog-worker', (bundle) =>
    Object.values(bundle)
      .filter((c) => c.type === 'chunk' && c.isEntry && CATALOG_WORKER_FILE.test(c.fileName))
      .map((c) => c.fileName),
  );
}

/**
 * Demo build: the in-page mock backend, which every API call of the first view waits for. At low
 * priority: it cannot run before the entry has, so the entry gets the bandwidth first.
 */
export function preloadMockBackend(): Plugin {
  return preloadLazyModule('demo-preload-mock-backend', 'mocks/browser.ts', 'low');
}

/** Demo build: msw's cookie jar, swapped for one that holds no cookies (mocks/lib/cookieless-store.ts says why). */
export function cookielessMsw(): Plugin {
  const replacement = resolve(import.meta.dirname, '../mocks/lib/cookieless-store.ts');
  return {
    name: 'demo-cookieless-msw',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromMsw = importer !== undefined && /[\\/]node_modules[\\/]msw[\\/]/.test(importer);
      return fromMsw && /(^|\/)cookieStore\.mjs$/.test(source) ? replacement : null;
    },
  };
}

/**
 * In the catalog's worker, a schema module's `import '../zod-messages'` gets an empty stand-in: the
 * worker runs before the catalog's first row, and zod's English messages (1.1 kB gzip) are needed
 * only when a check fails; then the loader imports them (dynamically, so not replaced) and checks
 * again (parse-response.ts, policy-catalog.ts `describeAgain`). Other workers keep them as they are.
 */
export function zodMessagesOnDemand(root: string): Plugin {
  const messages = resolve(root, 'src/lib/api/zod-messages.ts');
  const standIn = resolve(root, 'src/lib/api/zod-messages-on-demand.ts');
  let catalogWorker = false;
  return {
    name: 'zod-messages-on-demand',
    apply: 'build',
    enforce: 'pre',
    options(options) {
      const input = options.input;
      const entries = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      catalogWorker = entries.some((entry) => entry.includes('policy-catalog-worker'));
    },
    async resolveId(source, importer, options) {
      if (!catalogWorker || options.kind !== 'import-statement' || !source.includes('zod-messages')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === messages ? standIn : null;
    },
  };
}
