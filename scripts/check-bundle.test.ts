import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeBundle, MissingBuildError } from './check-bundle';

const dirs: string[] = [];

/** A fake dist/: files with the given contents plus a manifest. */
function fakeDist(files: Record<string, string>, manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-bundle-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const gz = (text: string) => gzipSync(text).length;
const code = (name: string, size: number) => `/* ${name} */ ${'x'.repeat(size)}`;

const CATALOG = 'src/features/policies/routes/catalog-route.tsx';
const DIFF = 'src/features/policy-diff/routes/policy-diff-route.tsx';

function appDist(extraFiles: Record<string, string> = {}) {
  const files = {
    'index.html': '<script type="module" src="/assets/index.js"></script>',
    'assets/index.js': code('entry', 500),
    'assets/react.js': code('react', 400),
    'assets/catalog.js': code('catalog', 300),
    'assets/schemas.js': code('schemas', 200),
    'assets/diff.js': code('diff', 100),
    'assets/jsdiff.js': code('jsdiff', 50),
    'assets/index.css': 'body{}',
    ...extraFiles,
  };
  const manifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_react.js'],
      dynamicImports: [CATALOG, DIFF],
      css: ['assets/index.css'],
    },
    '_react.js': { file: 'assets/react.js' },
    '_schemas.js': { file: 'assets/schemas.js', imports: ['_react.js'] },
    [CATALOG]: { file: 'assets/catalog.js', src: CATALOG, isDynamicEntry: true, imports: ['_schemas.js', '_react.js'] },
    [DIFF]: {
      file: 'assets/diff.js',
      src: DIFF,
      isDynamicEntry: true,
      imports: ['_schemas.js'],
      dynamicImports: ['node_modules/diff/lib/index.mjs'],
    },
    'node_modules/diff/lib/index.mjs': { file: 'assets/jsdiff.js', isDynamicEntry: true },
  };
  return { dir: fakeDist(files, manifest), files };
}

describe('analyzeBundle', () => {
  it('counts the shell, its static imports and the first route with its static imports', () => {
    const { dir, files } = appDist();
    const { firstRoute } = analyzeBundle(dir, CATALOG);
    expect(firstRoute.files).toEqual(['assets/catalog.js', 'assets/index.js', 'assets/react.js', 'assets/schemas.js']);
    const expected = ['assets/catalog.js', 'assets/index.js', 'assets/react.js', 'assets/schemas.js']
      .map((f) => gz(files[f as keyof typeof files]))
      .reduce((a, b) => a + b);
    expect(firstRoute.gzip).toBe(expected);
  });

  it('charges each lazy route for what it adds after the first route, and tells its cold cost apart', () => {
    const { dir } = appDist();
    const { lazy } = analyzeBundle(dir, CATALOG);
    const diff = lazy.find((chunk) => chunk.module === DIFF);
    expect(diff?.files).toEqual(['assets/diff.js']);
    expect(diff?.cold.files).toEqual(['assets/diff.js', 'assets/schemas.js']);
    expect(diff?.isRoute).toBe(true);
    const catalog = lazy.find((chunk) => chunk.module === CATALOG);
    expect(catalog?.files).toEqual(['assets/catalog.js', 'assets/schemas.js']);
    const jsdiff = lazy.find((chunk) => chunk.module === 'node_modules/diff/lib/index.mjs');
    expect(jsdiff?.isRoute).toBe(false);
  });

  it('finds MSW code and the mock worker in a build', () => {
    const clean = analyzeBundle(appDist().dir, CATALOG);
    expect(clean.mswFiles).toEqual([]);
    expect(clean.hasMockWorker).toBe(false);

    const { dir } = appDist({
      'assets/browser.js': 'console.warn("[MSW] Mocking enabled.")',
      'mockServiceWorker.js': '/* Mock Service Worker */',
    });
    const demo = analyzeBundle(dir, CATALOG);
    expect(demo.mswFiles).toEqual(['assets/browser.js']);
    expect(demo.hasMockWorker).toBe(true);
  });

  it('says how to get a build when there is none', () => {
    expect(() => analyzeBundle(join(tmpdir(), 'no-such-dist'))).toThrow(MissingBuildError);
    expect(() => analyzeBundle(join(tmpdir(), 'no-such-dist'))).toThrow(/npx vite build/);
  });

  it('refuses a build whose first route is not a chunk of its own', () => {
    const { dir } = appDist();
    expect(() => analyzeBundle(dir, 'src/features/policies/routes/missing-route.tsx')).toThrow(/not a chunk/);
  });
});
