// What scripts/vite-plugins.ts does to the two builds `npm test` makes before vitest runs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkKeyOf, FIRST_ROUTE_MODULE, manifestPath, readManifest } from './check-bundle';
import { COMPILE_HINT } from './vite-plugins';

const DIST = process.env.BUNDLE_CHECK_DIST ?? 'dist';
const DEMO_DIST = process.env.BUNDLE_CHECK_DEMO_DIST ?? 'dist-demo';

function built(dir: string) {
  if (!existsSync(manifestPath(dir)))
    throw new Error(`No build in ${dir}/: \`npm test\` builds it before vitest runs.`);
  const manifest = readManifest(dir);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    (chunk.imports ?? []).forEach((next) => closure(next, into));
    return into;
  };
  const entryFile = Object.values(manifest).find((chunk) => chunk.isEntry)!.file;
  const modulePreloads = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)">/g)].map((m) => m[1]);
  return { manifest, html, closure, entryFile, modulePreloads };
}

describe('the built index.html', () => {
  it('preloads every chunk of the first view, so it loads beside the entry', () => {
    const { manifest, closure, entryFile, modulePreloads } = built(DIST);
    const needed = [...closure(chunkKeyOf(manifest, FIRST_ROUTE_MODULE)!)].filter((file) => file !== entryFile);
    expect(needed.length).toBeGreaterThan(1);
    expect(modulePreloads).toEqual(expect.arrayContaining(needed));
    expect(modulePreloads, 'the entry is a script tag, not a preload').not.toContain(entryFile);
    expect(new Set(modulePreloads).size, 'no file preloaded twice').toBe(modulePreloads.length);
  });

  it('loads the first view as one chunk besides the shell (scripts/first-view-chunk.ts)', () => {
    const { manifest, closure } = built(DIST);
    const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    const shell = closure(entryKey);
    const firstView = [...closure(chunkKeyOf(manifest, FIRST_ROUTE_MODULE)!)].filter((file) => !shell.has(file));
    expect(firstView).toHaveLength(1);
    expect(firstView[0]).toMatch(/\/catalog-view-[\w-]+\.js$/);
  });

  it('asks V8 to compile the scripts before the first row whole, in the background, and no other script', () => {
    const { manifest, closure, entryFile } = built(DIST);
    const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    const worker = readdirSync(join(DIST, 'assets')).find((file) => /^policy-catalog-worker-[\w-]+\.js$/.test(file));
    const beforeFirstRow = new Set([
      ...closure(entryKey),
      ...closure(chunkKeyOf(manifest, FIRST_ROUTE_MODULE)!),
      `assets/${worker}`,
    ]);
    expect(beforeFirstRow).toContain(entryFile);
    const hinted = readdirSync(join(DIST, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `assets/${file}`)
      .filter((file) => readFileSync(join(DIST, file), 'utf8').startsWith(COMPILE_HINT));
    expect(hinted.sort()).toEqual([...beforeFirstRow].sort());
  });

  it('has a lazy import preload what it still needs, never a script its importer has loaded', () => {
    const { manifest, closure } = built(DIST);
    const checked = Object.values(manifest).flatMap((chunk) => {
      const code = readFileSync(join(DIST, chunk.file), 'utf8');
      const list = /m\.f=(\[[^\]]*\])/.exec(code)?.[1];
      if (!list) return [];
      const loaded = closure(Object.keys(manifest).find((key) => manifest[key] === chunk)!);
      const preloaded = (JSON.parse(list) as string[]).filter((file) => file.endsWith('.js'));
      expect(
        preloaded.filter((file) => loaded.has(file)),
        chunk.file,
      ).toEqual([]);
      return [{ file: chunk.file, preloaded }];
    });
    // The first view's chunk still preloads what its lazy parts add (the download dialog's chunks).
    const firstView = checked.find(({ file }) => /\/catalog-view-[\w-]+\.js$/.test(file));
    expect(firstView?.preloaded.length).toBeGreaterThan(3);
  });

  it.each([
    ['production', DIST],
    ['demo', DEMO_DIST],
  ])('preloads lazy imports with the console’s helper, not Vite’s, in the %s build', (_, dir) => {
    const { entryFile } = built(dir);
    const scripts = readdirSync(join(dir, 'assets')).filter((file) => file.endsWith('.js'));
    const code = (file: string) => readFileSync(join(dir, 'assets', file), 'utf8');
    // Vite's asks for a CSP nonce; the console's (src/lib/bundler/preload-helper.ts) has none to ask for.
    expect(scripts.filter((file) => code(file).includes('csp-nonce'))).toEqual([]);
    expect(readFileSync(join(dir, entryFile), 'utf8')).toContain('vite:preloadError');
  });

  it('preloads the mock backend in the demo build only', () => {
    const demo = built(DEMO_DIST);
    // The entry is loaded by its own script tag; the mock may share code that sits in it.
    const mockFiles = [...demo.closure('mocks/browser.ts')].filter((file) => file !== demo.entryFile);
    expect(mockFiles.length).toBeGreaterThan(0);
    expect(demo.modulePreloads).toEqual(expect.arrayContaining(mockFiles));
    expect(built(DIST).manifest['mocks/browser.ts']).toBeUndefined();
  });

  it('leaves msw’s cookie jar (tough-cookie and its public-suffix list) out of the demo', () => {
    const assets = join(DEMO_DIST, 'assets');
    const withCookieJar = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .filter((file) => readFileSync(join(assets, file), 'utf8').includes('Cookie has domain set to a public suffix'));
    expect(withCookieJar).toEqual([]);
  });

  it.each([
    ['production', DIST, true],
    ['demo', DEMO_DIST, false],
  ])('runs one inline script in the %s build, allowed by its hash alone', (_, dir, startsWorker) => {
    const { html } = built(dir);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const scriptSrc = /script-src ([^;"]*)/.exec(html)![1]!.trim().split(/\s+/);
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    expect(scriptSrc).toEqual(["'self'", `'sha256-${hash}'`]);
    // It starts the catalog's worker from the script the build holds (not in the demo: see vite-plugins.ts).
    const worker = /new Worker\("\/([^"]+)"/.exec(inline[0]!)?.[1];
    if (startsWorker) expect(existsSync(join(dir, worker!)), `${worker} is in ${dir}/`).toBe(true);
    else expect(worker).toBeUndefined();
  });
});
