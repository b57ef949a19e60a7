import { setupWorker } from 'msw/browser';
import type { CatalogOptions } from './db/catalog';
import type { CatalogWorkerAnswer } from './db/catalog-worker';
import { createHandlers } from './handlers';
import { linkExprTarget } from './settings-link';
import { MockState } from './state/mock-state';
import { storageArea } from '../src/lib/storage/safe-storage';
import { localStoragePersistence, memoryPersistence } from './state/persistence';
import { windowControls, type PolicyConsoleMock } from './state/window-controls';

declare global {
  interface Window {
    __policyConsoleMock?: PolicyConsoleMock;
  }
}

/** The demo's default latency: enough to see loading states, not enough to annoy. */
const DEMO_LATENCY_MS = 150;

/**
 * The demo's mock backend: a service worker answering same-origin API calls from the handlers,
 * with state that survives reloads (localStorage, `policy-console.mock.*`).
 */
export async function startBrowserMock(): Promise<void> {
  const state = new MockState({
    // A browser that denies storage still gets the demo, without surviving reloads.
    persistence: (() => {
      const local = storageArea('local');
      return local ? localStoragePersistence(local) : memoryPersistence();
    })(),
    config: { latencyMs: DEMO_LATENCY_MS },
  });
  computeCatalogInWorker(state);
  linkExprTarget(state);
  const worker = setupWorker(...createHandlers(state, window.location.origin));
  const restoreUpdate = handleWorkerUpdateFailures();
  try {
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
  } finally {
    restoreUpdate();
  }
  window.__policyConsoleMock = windowControls(state);
}

/**
 * A worker that does not answer in this long is given up on: the page computes the catalog itself.
 * A large catalog gets longer (10,000 policies × 5 versions: 65 s): on a busy machine the worker is
 * slow, and the page doing the same work on its main thread would only be slower.
 */
function catalogWorkerTimeoutMs({ policyCount, versionsPerPolicy, maxVersions }: CatalogOptions): number {
  const versions = policyCount * (versionsPerPolicy || maxVersions / 2);
  return 15_000 + versions;
}

/**
 * The seeded catalog (every version of ~50 policies) takes a few hundred milliseconds of script to
 * compute, which would block the page just as it first renders: a worker computes it meanwhile, and
 * the list route waits for it (`Catalog.ready`). Any failure falls back to computing it in the page.
 */
function computeCatalogInWorker(state: MockState): void {
  if (typeof Worker === 'undefined') return;
  const catalog = state.catalog;
  catalog.warmUp(
    new Promise<CatalogWorkerAnswer | undefined>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./db/catalog-worker.ts', import.meta.url), {
          type: 'module',
          name: 'mock-catalog',
        });
      } catch (error) {
        console.warn('The mock catalog worker did not start; the page computes the catalog.', error);
        return resolve(undefined);
      }
      const timer = setTimeout(() => done(undefined, 'no answer in time'), catalogWorkerTimeoutMs(catalog.options));
      function done(answer: CatalogWorkerAnswer | undefined, problem?: string) {
        clearTimeout(timer);
        worker.terminate();
        if (problem) console.warn(`The mock catalog worker failed (${problem}); the page computes the catalog.`);
        resolve(answer);
      }
      worker.onmessage = (event: MessageEvent<CatalogWorkerAnswer>) =>
        done(event.data, event.data.ok ? undefined : event.data.message);
      worker.onerror = (event) => {
        event.preventDefault();
        done(undefined, event.message || 'the worker script failed');
      };
      worker.postMessage(catalog.options);
    }).then((answer) => (answer?.ok ? answer.entries : undefined)),
  );
}

/**
 * MSW calls `registration.update()` on an already registered worker without awaiting it, so a failed
 * update check (the server restarting, a page unloading, a network hiccup) surfaced as an unhandled
 * rejection. The registered worker keeps answering either way: the failure is reported as a warning.
 * Only while `worker.start()` runs; returns the function that puts the original back.
 */
function handleWorkerUpdateFailures(): () => void {
  if (typeof ServiceWorkerRegistration === 'undefined') return () => undefined;
  const proto = ServiceWorkerRegistration.prototype;
  const update = Object.getOwnPropertyDescriptor(proto, 'update');
  if (!update || typeof update.value !== 'function') return () => undefined;
  const original = update.value as ServiceWorkerRegistration['update'];
  Object.defineProperty(proto, 'update', {
    ...update,
    value: function (this: ServiceWorkerRegistration) {
      const checked = original.call(this);
      checked.catch((error: unknown) =>
        console.warn(
          'The mock service worker could not check for an update; the registered one keeps answering.',
          error,
        ),
      );
      return checked;
    },
  });
  return () => Object.defineProperty(proto, 'update', update);
}
