import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import {
  compileHintsForCatalogWorker,
  compileHintsForFirstRow,
  cookielessMsw,
  cspMeta,
  dropMockWorker,
  leanPreloadHelper,
  preloadFirstRoute,
  preloadMockBackend,
  preloadOnlyWhatIsMissing,
  pageStartScripts,
  zodMessagesOnDemand,
} from './scripts/vite-plugins.ts';
import { firstViewChunk } from './scripts/first-view-chunk.ts';
import { compressedAssets } from './server/node-http/compressed-assets.ts';
import { relayCompressed } from './server/node-http/compression.ts';
import { FRAME_HEADERS } from './server/node-http/frame-headers.ts';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const isDemo = mode === 'demo';
  // JSON the upstream sends uncompressed leaves the proxy compressed (a 68 MB list as ~4 MB).
  const compressing = {
    changeOrigin: true,
    selfHandleResponse: true,
    configure: (proxy: { on(event: 'proxyRes', listener: typeof relayCompressed): void }) =>
      proxy.on('proxyRes', relayCompressed),
  };
  const proxy = {
    '/api': { target: env.GUARDIAN_PROXY_TARGET || 'http://127.0.0.1:8787', ...compressing },
    '/client/v4': { target: env.POLICY_TEST_PROXY_TARGET || 'http://127.0.0.1:8787', ...compressing },
  };
  return {
    plugins: [
      react(),
      dropMockWorker(isDemo),
      cspMeta(),
      preloadFirstRoute(),
      preloadOnlyWhatIsMissing(),
      leanPreloadHelper(import.meta.dirname),
      compileHintsForFirstRow(),
      pageStartScripts({ startWorker: !isDemo, defaultGuardianUrl: env.VITE_GUARDIAN_URL ?? '' }),
      {
        name: 'preview-compressed-assets',
        configurePreviewServer(server) {
          server.middlewares.use(compressedAssets(resolve(server.config.root, server.config.build.outDir)));
        },
      },
      ...(isDemo ? [cookielessMsw(), preloadMockBackend()] : []),
    ],
    resolve: {
      alias: [
        { find: '@', replacement: resolve(import.meta.dirname, 'src') },
        { find: '@mocks', replacement: resolve(import.meta.dirname, 'mocks') },
        {
          find: /^use-sync-external-store\/shim(\/index\.js)?$/,
          replacement: resolve(import.meta.dirname, 'src/lib/router/sync-external-store-shim.ts'),
        },
      ],
    },
    build: {
      outDir: isDemo ? 'dist-demo' : 'dist',
      sourcemap: false,
      target: 'es2022',
      // No modulepreload polyfill: a browser without modulepreload (Safari before 17) still loads
      // every module, only without the head start; the polyfill would cost all others its bytes.
      modulePreload: { polyfill: false },
      // dist/.vite/manifest.json: the bundle checks (npm test, npm run bench) read chunk graphs from it.
      manifest: true,
      // React and its JSX runtime in one chunk (every view imports both; apart, the runtime was a 0.3 kB chunk
      // of its own before the first row). react-dom stays in the entry: only the shell imports it.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [{ name: 'react', test: /node_modules[\\/]react[\\/]/ }, firstViewChunk(import.meta.dirname)],
          },
        },
      },
    },
    // ES workers can load a part later (the catalog's worker: zod's messages, only when a check fails).
    worker: {
      format: 'es' as const,
      plugins: () => [zodMessagesOnDemand(import.meta.dirname), compileHintsForCatalogWorker()],
      // Comments as in the page's chunks: Vite leaves a worker's `/* @__PURE__ */` marks in its minified
      // code (0.15 kB gzip of the catalog's worker, which loads before the first row).
      rolldownOptions: { output: { comments: { annotation: false, jsdoc: false, legal: false } } },
    },
    server: { proxy: isDemo ? undefined : proxy, headers: FRAME_HEADERS },
    preview: { proxy: isDemo ? undefined : proxy, headers: FRAME_HEADERS },
    test: {
      globals: true,
      restoreMocks: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: [
              'src/**/*.test.ts',
              'mocks/**/*.test.ts',
              'server/**/*.test.ts',
              'runner/**/*.test.ts',
              'scripts/**/*.test.ts',
              'bench/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx', 'mocks/**/*.test.tsx'],
            setupFiles: ['./src/test/setup-dom.ts'],
            // Above the 5 s each findBy/waitFor may wait (src/test/setup-dom.ts), with room for a few of
            // them: a view that never shows fails its wait with the page in the message, and a test
            // that is only slow on a loaded 2-core machine (a cold first render takes seconds) passes.
            testTimeout: 20_000,
          },
        },
      ],
    },
  };
});
