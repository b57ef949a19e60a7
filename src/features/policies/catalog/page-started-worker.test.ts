import { createContext, runInContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOG_PATHS, pageStartScript, takePageStartedWorker } from './page-started-worker';
import { startCatalogWorker } from './start-catalog-worker';

class FakeWorker {
  static made: FakeWorker[] = [];
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  terminate() {
    this.terminated = true;
  }
}

/** Runs the HTML's script as plain text, as the page does, at `path`; it leaves the worker on this global. */
function runPageScript(path: string, Worker: unknown = FakeWorker) {
  const page = createContext({ window: globalThis, location: { pathname: path }, Worker });
  runInContext(pageStartScript('/assets/policy-catalog-worker-abc.js'), page);
}

afterEach(() => {
  takePageStartedWorker();
  FakeWorker.made = [];
  vi.unstubAllGlobals();
});

describe('the catalog worker the HTML starts', () => {
  it.each(CATALOG_PATHS)('starts on %s, as startCatalogWorker would, and is handed over once', (path) => {
    // The worker after it is the entry's own.
    vi.stubGlobal('Worker', FakeWorker);
    runPageScript(path);
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker!.url).toBe('/assets/policy-catalog-worker-abc.js');
    expect(worker!.options).toEqual({ type: 'module', name: 'policy-catalog' });

    expect(startCatalogWorker()).toBe(worker);
    // The next one is a worker of its own.
    expect(startCatalogWorker()).not.toBe(worker);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('starts nothing on another view', () => {
    runPageScript('/policies/bigquery_approval/versions/1');
    expect(FakeWorker.made).toEqual([]);
    expect(takePageStartedWorker()).toBeUndefined();
  });

  it('is not handed over when its script failed to load: it is ended, and the caller starts its own', () => {
    runPageScript('/policies');
    const [worker] = FakeWorker.made;
    const failure = new Event('error', { cancelable: true });
    worker!.onerror!(failure);
    expect(failure.defaultPrevented).toBe(true);

    expect(takePageStartedWorker()).toBeUndefined();
    expect(worker!.terminated).toBe(true);
  });

  it('leaves a browser without workers, or one that refuses to start it, to the entry', () => {
    expect(() => runPageScript('/policies', null)).not.toThrow();
    const refusing = class {
      constructor() {
        throw new DOMException('refused', 'SecurityError');
      }
    };
    expect(() => runPageScript('/policies', refusing)).not.toThrow();
    expect(takePageStartedWorker()).toBeUndefined();
  });
});
