import { createContext, runInContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogWorkerRequest } from './catalog-worker-protocol';
import { CATALOG_PATHS, pageStartScript, takePageStartedLoad, takePageStartedWorker } from './page-started-worker';
import { startCatalogWorker } from './start-catalog-worker';

class FakeWorker {
  static made: FakeWorker[] = [];
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

const LIST_URL = '/api/v1beta1/policies?size=5000';

/**
 * Runs the HTML's script as plain text, as the page does, at `path` with `saved` settings; it
 * leaves the worker on this global. Its hand-over is a stand-in that records what it was asked.
 */
function runPageScript(path: string, { Worker = FakeWorker as unknown, saved = null as string | null } = {}) {
  const handedOver: unknown[][] = [];
  const page = createContext({
    window: globalThis,
    location: { pathname: path },
    Worker,
    AbortController,
    localStorage: { getItem: () => saved },
    record: (...args: unknown[]) => handedOver.push(args),
  });
  const script = pageStartScript({
    workerUrl: '/assets/policy-catalog-worker-abc.js',
    settingsKey: 'policy-console.settings',
    defaultGuardianUrl: '',
    listUrl: LIST_URL,
    listInit: { method: 'GET', headers: { Accept: 'application/json' } },
    handOverFirstPageCode: 'function handOverFirstPage(){record.apply(null,arguments)}',
  });
  runInContext(script, page);
  return handedOver;
}

afterEach(() => {
  takePageStartedLoad(undefined, '');
  takePageStartedWorker();
  FakeWorker.made = [];
  vi.unstubAllGlobals();
});

describe('the catalog load the HTML starts', () => {
  it.each(CATALOG_PATHS)(
    'on %s: starts the worker as startCatalogWorker would, and sends this origin’s list',
    (path) => {
      const handedOver = runPageScript(path);
      expect(FakeWorker.made).toHaveLength(1);
      const [worker] = FakeWorker.made;
      expect(worker!.url).toBe('/assets/policy-catalog-worker-abc.js');
      expect(worker!.options).toEqual({ type: 'module', name: 'policy-catalog' });
      // The worker is told its first answer comes from the page, and the page sends the request.
      expect(worker!.posted).toEqual([{ source: { baseUrl: '' }, firstPageSent: true } satisfies CatalogWorkerRequest]);
      expect(handedOver).toHaveLength(1);
      expect(handedOver[0]!.slice(0, 3)).toEqual([
        worker,
        LIST_URL,
        { method: 'GET', headers: { Accept: 'application/json' } },
      ]);

      // What the worker says before the entry listens is kept, in order.
      worker!.onmessage!({ data: { type: 'policies' } } as MessageEvent);
      const taken = takePageStartedLoad('', LIST_URL)!;
      expect(taken.worker).toBe(worker);
      expect(taken.messages.map((m) => m.data)).toEqual([{ type: 'policies' }]);
      expect(taken.request!.signal).toBe(handedOver[0]![3]);
      expect(takePageStartedLoad('', LIST_URL), 'taken once').toBeUndefined();
    },
  );

  it('leaves a Guardian named in the settings to the entry: an idle worker, no request', () => {
    const handedOver = runPageScript('/policies', {
      saved: JSON.stringify({ guardianUrl: 'https://guardian.example.com' }),
    });
    expect(handedOver).toEqual([]);
    const [worker] = FakeWorker.made;
    expect(worker!.posted).toEqual([]);
    expect(
      takePageStartedLoad('https://guardian.example.com', 'https://guardian.example.com' + LIST_URL),
    ).toBeUndefined();
    // startCatalogWorker takes it; the one after is a worker of its own.
    vi.stubGlobal('Worker', FakeWorker);
    expect(startCatalogWorker()).toBe(worker);
    expect(startCatalogWorker()).not.toBe(worker);
  });

  it('ends a load the entry does not want (other settings, another address), and stops its request', () => {
    runPageScript('/policies', { saved: 'not json' });
    const [worker] = FakeWorker.made;
    expect(worker!.posted).toHaveLength(1);
    expect(takePageStartedLoad('https://guardian.example.com', LIST_URL)).toBeUndefined();
    expect(worker!.terminated).toBe(true);
    expect(takePageStartedWorker(), 'not handed out again').toBeUndefined();
  });

  it('starts nothing on another view', () => {
    runPageScript('/policies/bigquery_approval/versions/1');
    expect(FakeWorker.made).toEqual([]);
    expect(takePageStartedWorker()).toBeUndefined();
  });

  it('hands over no worker whose script failed to load: it is ended, and the caller starts its own', () => {
    runPageScript('/policies', { saved: JSON.stringify({ guardianUrl: 'https://guardian.example.com' }) });
    const [worker] = FakeWorker.made;
    const failure = new Event('error', { cancelable: true });
    worker!.onerror!(failure);
    expect(failure.defaultPrevented).toBe(true);
    expect(takePageStartedWorker()).toBeUndefined();
    expect(worker!.terminated).toBe(true);
  });

  it('leaves a browser without workers, or one that refuses to start it, to the entry', () => {
    expect(() => runPageScript('/policies', { Worker: null })).not.toThrow();
    const refusing = class {
      constructor() {
        throw new DOMException('refused', 'SecurityError');
      }
    };
    expect(() => runPageScript('/policies', { Worker: refusing })).not.toThrow();
    expect(takePageStartedLoad('', LIST_URL)).toBeUndefined();
    expect(takePageStartedWorker()).toBeUndefined();
  });
});
