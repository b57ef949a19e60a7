import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentSecurityPolicy } from './scripts/csp.ts';

/** The MSW worker lives in public/ for the demo; a production build must not ship it. */
function dropMockWorker(isDemo: boolean): Plugin {
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    writeBundle(options) {
      if (isDemo || !options.dir) return;
      rmSync(join(options.dir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

/** A strict CSP in the built HTML: the app runs with no inline script at all. */
function cspMeta(): Plugin {
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

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const isDemo = mode === 'demo';
  const proxy = {
    '/api': { target: env.GUARDIAN_PROXY_TARGET || 'http://127.0.0.1:8787', changeOrigin: true },
    '/client/v4': { target: env.POLICY_TEST_PROXY_TARGET || 'http://127.0.0.1:8787', changeOrigin: true },
  };
  return {
    plugins: [react(), dropMockWorker(isDemo), cspMeta()],
    resolve: {
      alias: { '@': resolve(import.meta.dirname, 'src'), '@mocks': resolve(import.meta.dirname, 'mocks') },
    },
    build: {
      outDir: isDemo ? 'dist-demo' : 'dist',
      sourcemap: false,
      target: 'es2022',
      // dist/.vite/manifest.json: the bundle checks (npm test, npm run bench) read chunk graphs from it.
      manifest: true,
    },
    server: { proxy: isDemo ? undefined : proxy },
    preview: { proxy: isDemo ? undefined : proxy },
    test: {
      globals: true,
      restoreMocks: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['./src/test/setup-dom.ts'],
          },
        },
      ],
    },
  };
});
