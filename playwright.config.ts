import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './bench/lib/browser';
import { E2E_RUNNER_TOKEN } from './e2e/support/runner-token';
import { e2ePorts } from './scripts/e2e-ports.mjs';

// Overridable so that several people can run e2e at once on one machine, each on their own build.
const {
  demo: DEMO_PORT,
  prod: PROD_PORT,
  mock: MOCK_PORT,
  runner: RUNNER_PORT,
  runnerApp: RUNNER_APP_PORT,
} = e2ePorts();

const DEMO_DIR = process.env.E2E_DEMO_DIR ?? 'dist-demo';
const PROD_DIR = process.env.E2E_PROD_DIR ?? 'dist';
// Each server runs under scripts/e2e-server.mjs, which stops it when Playwright ends or is killed.
const serve = 'node scripts/e2e-server.mjs node';
const vite = `${serve} node_modules/vite/bin/vite.js`;
const tsx = `${serve} --import tsx`;

/**
 * Two ways the console is served, both built beforehand by `npm test`:
 *  - demo: the demo build with the MSW browser worker (the whole product without a server);
 *  - prod: the production build (no MSW, strict CSP) behind `vite preview`'s proxy to the real
 *    mock HTTP server — the way it runs in front of real Guardian and Cloudflare endpoints;
 *  - runner: the production build with policies from the mock Guardian and tests from the Guardian
 *    test runner (`npm run runner` over examples/directory.csv), both over real HTTP.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // The bench's Chromium flags (STACK.md says why each is there).
      args: CHROMIUM_ARGS,
    },
    // Recording a trace costs every test 10–30 % of its time on a 2-core machine, and CI retries
    // a failure once: there the retry is traced (a failure that repeats has its trace), elsewhere
    // every failure keeps one.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'demo',
      testIgnore: /\.(prod|runner)\.spec\.ts$/,
      use: { baseURL: `http://localhost:${DEMO_PORT}` },
    },
    {
      name: 'prod',
      testMatch: /\.prod\.spec\.ts$/,
      use: { baseURL: `http://localhost:${PROD_PORT}` },
    },
    {
      name: 'runner',
      testMatch: /\.runner\.spec\.ts$/,
      use: { baseURL: `http://localhost:${RUNNER_APP_PORT}` },
    },
  ],
  webServer: [
    {
      command: `${vite} preview --mode demo --outDir ${DEMO_DIR} --port ${DEMO_PORT} --strictPort`,
      url: `http://localhost:${DEMO_PORT}/robots.txt`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `${tsx} mocks/server-cli.ts`,
      env: { MOCK_PORT: String(MOCK_PORT) },
      url: `http://127.0.0.1:${MOCK_PORT}/__mock/config`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `${vite} preview --outDir ${PROD_DIR} --port ${PROD_PORT} --strictPort`,
      env: {
        GUARDIAN_PROXY_TARGET: `http://127.0.0.1:${MOCK_PORT}`,
        POLICY_TEST_PROXY_TARGET: `http://127.0.0.1:${MOCK_PORT}`,
      },
      url: `http://localhost:${PROD_PORT}/robots.txt`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `${tsx} runner/main.ts`,
      env: {
        RUNNER_PORT: String(RUNNER_PORT),
        DIRECTORY: 'examples/directory.csv',
        GUARDIAN_URL: `http://127.0.0.1:${MOCK_PORT}`,
        RUNNER_TOKENS: E2E_RUNNER_TOKEN,
        // Under reports/, which npm test empties first: each run starts with no tests.
        RUNNER_DATA_DIR: `reports/runner-data-${RUNNER_PORT}`,
      },
      url: `http://127.0.0.1:${RUNNER_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
    },
    {
      command: `${vite} preview --outDir ${PROD_DIR} --port ${RUNNER_APP_PORT} --strictPort`,
      env: {
        GUARDIAN_PROXY_TARGET: `http://127.0.0.1:${MOCK_PORT}`,
        POLICY_TEST_PROXY_TARGET: `http://127.0.0.1:${RUNNER_PORT}`,
      },
      url: `http://localhost:${RUNNER_APP_PORT}/robots.txt`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
