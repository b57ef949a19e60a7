import { ApiError } from '@/lib/api/api-error';
import { waitForMock } from '@/lib/api/mock-ready';
import { connectSources } from '@/lib/csp/connect-sources';
import type { CatalogWorkerMessage, CatalogWorkerRequest, StallTimerReply } from './catalog-worker-protocol';
import type { CatalogSource, LoadOptions } from './load-policy-catalog';
import type { PolicyCatalog } from './policy-catalog';
import { earlyCatalogSlot, type EarlyCatalogLoad } from './early-catalog-slot';
import { startCatalogWorker } from './start-catalog-worker';
import { workerStallTimers } from './worker-stall-timers';

const LIST_REQUEST = { api: 'guardian', method: 'GET', path: '/api/v1beta1/policies' } as const;

/**
 * Loads the catalog in a Web Worker (policy-catalog-worker.ts): the download, the parsing and the
 * validation of a 68 MB list never hold the page's main thread, and the page receives only the
 * catalog. Where there are no workers (tests in jsdom), or the worker cannot start, the same
 * loader runs here: it reads the list row by row as it arrives, so it still never blocks for long.
 */
export async function loadCatalogOffThread(
  source: CatalogSource,
  { signal, onProgress }: Pick<LoadOptions, 'signal' | 'onProgress'> = {},
): Promise<PolicyCatalog> {
  const inThisThread = () =>
    import('./load-policy-catalog').then((m) => m.loadPolicyCatalog(source, { signal, onProgress }));
  // Begun as the page started (keep-page-started-load.ts): its worker is under way, or done already.
  const early = takeEarlyCatalogLoad(source);
  if (early) return fromWorker(early.worker, source, { signal, onProgress, inThisThread, early });
  if (typeof Worker === 'undefined') return inThisThread();
  if (import.meta.env.VITE_MOCK === 'true') {
    // The demo's mock answers from this page: the worker's request must not go out before it is up.
    try {
      await waitForMock(signal);
    } catch (cause) {
      throw new ApiError({ kind: 'aborted', message: 'The request was cancelled.', request: LIST_REQUEST, cause });
    }
  }
  let worker: Worker;
  try {
    worker = startCatalogWorker();
  } catch {
    return inThisThread();
  }
  return fromWorker(worker, source, { signal, onProgress, inThisThread });
}

/** The catalog as `worker` sends it; an early load's worker was asked already, and may have answered in part. */
function fromWorker(
  worker: Worker,
  source: CatalogSource,
  {
    signal,
    onProgress,
    inThisThread,
    early,
  }: Pick<LoadOptions, 'signal' | 'onProgress'> & {
    inThisThread: () => Promise<PolicyCatalog>;
    early?: EarlyCatalogLoad;
  },
): Promise<PolicyCatalog> {
  return new Promise<PolicyCatalog>((resolve, reject) => {
    let settled = false;
    // The worker's requests are timed here, on the page's clock (page-timed-stall.ts).
    const timers = workerStallTimers((reply) => worker.postMessage(reply satisfies StallTimerReply));
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      timers.clearAll();
      worker.terminate();
      early?.request.abort();
      signal?.removeEventListener('abort', onAbort);
      done();
    };
    const onAbort = () =>
      finish(() =>
        reject(
          new ApiError({
            kind: 'aborted',
            message: 'The request was cancelled.',
            request: LIST_REQUEST,
            cause: signal?.reason,
          }),
        ),
      );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const policies: PolicyCatalog['policies'] = [];
    const latest: NonNullable<PolicyCatalog['latest']> = [];
    const onMessage = (event: MessageEvent<CatalogWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'timer') timers.take(message);
      else if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'policies') for (const policy of message.policies) policies.push(policy);
      else if (message.type === 'latest') for (const policy of message.latest) latest.push(policy);
      else if (message.type === 'done') {
        const catalog: PolicyCatalog = { ...message.catalog, policies };
        if (message.catalog.latest) catalog.latest = latest;
        finish(() => resolve(catalog));
      } else finish(() => reject(new ApiError(message.error)));
    };
    // The worker's script did not load (an offline chunk, a proxy that refuses it): load here instead.
    const onError = (event: Event) => {
      event.preventDefault();
      finish(() => inThisThread().then(resolve, reject));
    };
    worker.onmessage = onMessage;
    worker.onerror = onError;
    if (early) {
      for (const message of early.messages) onMessage(message as MessageEvent<CatalogWorkerMessage>);
      if (early.failed) onError(early.failed);
      return;
    }
    // The worker is not held to the page's CSP by the browser: it is given it (load-policy-catalog.ts).
    worker.postMessage({ source: { ...source, connectSources: connectSources() } } satisfies CatalogWorkerRequest);
  });
}

/**
 * The early load, once, if it is the one `source` asks for (the catalog's whole list from the same
 * server). Here, not beside the slot: the entry carries the slot, and this is needed only later.
 */
function takeEarlyCatalogLoad(source: CatalogSource): EarlyCatalogLoad | undefined {
  const taken = earlyCatalogSlot.load;
  earlyCatalogSlot.load = undefined;
  if (!taken) return undefined;
  if (source.ids || source.withLatest || source.baseUrl !== taken.baseUrl) {
    taken.request.abort();
    taken.worker.terminate();
    return undefined;
  }
  return taken;
}
