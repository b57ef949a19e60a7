import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { launchChromium } from './browser';
import { freePort, runCommand, startProcess, waitForUrl } from './processes';
import { NotAvailable } from './types';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const TMP = join(ROOT, 'bench', '.tmp');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MOCK_SERVER_ENTRY = 'mocks/server-cli.ts';

export interface Servers {
  /** The production build behind `vite preview`, proxying the APIs to the mock HTTP server. */
  app: string;
  /** The mock HTTP server itself (its control API lives under /__mock/). */
  mock: string;
}

/** Everything a measurement may need, started on first use and shared between measurements. */
export class BenchContext {
  readonly runs: number;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(options: { runs: number }) {
    this.runs = options.runs;
    mkdirSync(TMP, { recursive: true });
  }

  /**
   * How often a section runs whose every run takes seconds (a fresh process, a million-user test,
   * Lighthouse): three times at most (fewer with --runs), so the whole bench stays within minutes.
   */
  get slowRuns(): number {
    return Math.min(this.runs, 3);
  }

  log(message: string): void {
    console.log(`  ${message}`);
  }

  /** Computes a shared thing once (a build, a server, a finished test), even when asked concurrently. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.cache.set(key, value);
    }
    return value;
  }

  /** A Vite build into bench/.tmp (so nobody's dist/ is touched); NotAvailable if it fails. */
  build(mode: 'production' | 'demo'): Promise<string> {
    return this.once(`build:${mode}`, async () => {
      const outDir = join(TMP, mode === 'demo' ? 'dist-demo' : 'dist-prod');
      // Hidden source maps (no sourceMappingURL comment, so the JS is byte for byte what ships):
      // CPU profiles of the pages are traced back to source files with them.
      const args = [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'hidden', '--logLevel', 'warn'];
      if (mode === 'demo') args.push('--mode', 'demo');
      this.log(`building the ${mode} app…`);
      const result = runCommand(process.execPath, args);
      if (!result.ok) throw new NotAvailable(`the ${mode} build fails: ${firstErrorLine(result.output)}`);
      this.log(`built the ${mode} app in ${(result.ms / 1000).toFixed(1)} s`);
      return outDir;
    });
  }

  /** `vite preview --mode demo` of the demo build (the MSW worker answers in the page). */
  demoServer(): Promise<string> {
    return this.once('server:demo', async () => {
      const outDir = await this.build('demo');
      const port = await freePort();
      const child = startProcess('demo preview', process.execPath, [
        VITE,
        'preview',
        '--mode',
        'demo',
        '--outDir',
        outDir,
        '--port',
        String(port),
        '--strictPort',
      ]);
      const url = `http://localhost:${port}`;
      await waitForUrl(`${url}/robots.txt`, child);
      return url;
    });
  }

  /** The mock HTTP server (mocks/server-cli.ts) on a port of its own; `name` gives another one. */
  mockServer(name = 'mock'): Promise<string> {
    return this.once(`server:${name}`, async () => {
      const port = await freePort();
      const child = startProcess(`${name} server`, process.execPath, [TSX, MOCK_SERVER_ENTRY], {
        MOCK_PORT: String(port),
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForUrl(`${url}/__mock/config`, child);
      return url;
    });
  }

  /**
   * `vite preview` (the console's config: compression, proxy, headers) of a build, proxying both APIs
   * to the mock HTTP server, as in production. Other apps' builds (bench/compare-apps) are served by it too.
   */
  async preview(label: string, outDir: string, mock: string): Promise<string> {
    const port = await freePort();
    const child = startProcess(
      label,
      process.execPath,
      [VITE, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
      { GUARDIAN_PROXY_TARGET: mock, POLICY_TEST_PROXY_TARGET: mock },
    );
    const url = `http://localhost:${port}`;
    await waitForUrl(`${url}/robots.txt`, child);
    return url;
  }

  /** The production build served by `vite preview`, proxying both APIs to the mock HTTP server. */
  appServers(): Promise<Servers> {
    return this.once('server:app', async () => {
      const mock = await this.mockServer();
      const app = await this.preview('app preview', await this.build('production'), mock);
      return { app, mock };
    });
  }

  /**
   * The production build in front of a mock of its own, for data that would slow every other section
   * (a 10,000-policy catalog): `name` tells such pairs apart.
   */
  appServersOf(name: string): Promise<Servers> {
    return this.once(`server:app:${name}`, async () => {
      const mock = await this.mockServer(`mock-${name}`);
      const app = await this.preview(`${name} preview`, await this.build('production'), mock);
      return { app, mock };
    });
  }

  /** Bench-only pages (bench/pages/*.html) built with the app's config and served like the app. */
  harnessServers(): Promise<Servers> {
    return this.once('server:harness', async () => {
      const mock = await this.mockServer();
      const outDir = join(TMP, 'dist-harness');
      this.log('building the bench pages…');
      try {
        await viteBuild({
          root: ROOT,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: true,
            rolldownOptions: { input: { polling: join(ROOT, 'bench', 'pages', 'polling.html') } },
          },
        });
      } catch (error) {
        throw new NotAvailable(`the bench pages do not build: ${firstErrorLine(String(error))}`);
      }
      const app = await this.preview('bench pages preview', outDir, mock);
      return { app, mock };
    });
  }

  browser(): Promise<Browser> {
    return this.once('browser', () => launchChromium());
  }

  async close(): Promise<void> {
    const browser = this.cache.get('browser') as Promise<Browser> | undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The line of a build log that says what broke. */
function firstErrorLine(output: string): string {
  const lines = output
    .replace(ANSI_COLOUR, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const index = lines.findIndex((l) => /error/i.test(l));
  return (index >= 0 ? lines.slice(index, index + 3) : lines.slice(-3)).join(' ').slice(0, 400);
}
